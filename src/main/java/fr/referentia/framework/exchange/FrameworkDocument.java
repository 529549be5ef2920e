package fr.referentia.framework.exchange;

import fr.referentia.framework.FrameworkViews.ExamView;
import fr.referentia.framework.FrameworkViews.Node;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.framework.ItemType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A certification referential laid out as the source documents do: one row per activity (or
 * bloc, or competency when there is no activity level) with four columns: activities |
 * competencies | assessment methods | criteria.
 */
public record FrameworkDocument(Outline outline, List<Row> rows) {

    /** {@code section} is the text of the row's ancestors (domain, function…), shown as a heading when it changes. */
    public record Row(String section, Node anchor, List<Node> activities, List<Node> competencies,
            List<Node> evaluationBases, List<ExamView> exams, List<CriteriaOf> criteria) {
    }

    /** Criteria with the item they assess (a competency or an element). */
    public record CriteriaOf(Node item, List<Node> criteria) {
    }

    public static FrameworkDocument of(Outline outline) {
        List<Row> rows = new ArrayList<>();
        collect(outline, outline.roots(), new ArrayList<>(), rows);
        return new FrameworkDocument(outline, rows);
    }

    public boolean tabular() {
        return outline.summary().kind().isCertification();
    }

    private static void collect(Outline outline, List<Node> nodes, List<String> ancestors, List<Row> rows) {
        for (Node node : nodes) {
            if (node.type() == ItemType.COMPETENCY && ancestors.isEmpty()) {
                rows.add(competencyRow(outline, node));
            } else if (!node.childrenOfType(ItemType.COMPETENCY).isEmpty()) {
                rows.add(activityRow(outline, String.join(" — ", ancestors), node));
            } else if (node.type().isStructural()) {
                List<String> deeper = new ArrayList<>(ancestors);
                deeper.add(node.type().label() + " " + node.code() + " : " + node.text());
                collect(outline, node.children(), deeper, rows);
            }
        }
    }

    private static Row activityRow(Outline outline, String section, Node anchor) {
        List<Node> competencies = anchor.childrenOfType(ItemType.COMPETENCY);
        List<CriteriaOf> criteria = new ArrayList<>();
        if (!anchor.childrenOfType(ItemType.CRITERION).isEmpty()) {
            criteria.add(new CriteriaOf(anchor, anchor.childrenOfType(ItemType.CRITERION)));
        }
        competencies.forEach(c -> addCriteria(c, criteria));
        Set<String> assessed = new LinkedHashSet<>();
        assessed.add(anchor.code());
        competencies.forEach(c -> assessed.add(c.code()));
        return new Row(section, anchor, anchor.childrenOfType(ItemType.TASK), competencies, List.of(),
                outline.examsFor(List.copyOf(assessed)), criteria);
    }

    private static Row competencyRow(Outline outline, Node competency) {
        List<CriteriaOf> criteria = new ArrayList<>();
        addCriteria(competency, criteria);
        return new Row(null, competency, competency.childrenOfType(ItemType.CANDIDATE_ACTIVITY), List.of(competency),
                competency.childrenOfType(ItemType.EVALUATION_BASIS), outline.examsFor(List.of(competency.code())),
                criteria);
    }

    /** Criteria of a competency, then of its elements (directly or inside element groups). */
    private static void addCriteria(Node item, List<CriteriaOf> criteria) {
        List<Node> own = item.childrenOfType(ItemType.CRITERION);
        if (!own.isEmpty()) {
            criteria.add(new CriteriaOf(item, own));
        }
        for (Node child : item.children()) {
            if (child.type() == ItemType.ELEMENT || child.type() == ItemType.ELEMENT_GROUP) {
                addCriteria(child, criteria);
            }
        }
    }
}
