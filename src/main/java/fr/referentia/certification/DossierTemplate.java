package fr.referentia.certification;

import fr.referentia.framework.FrameworkViews.Node;
import fr.referentia.framework.FrameworkViews.Outline;
import fr.referentia.framework.ItemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the candidate's VAE dossier asks, read from the certified referential version (seed 004, part 3):
 * for each competency, the activities to answer yes or no (with examples, tools or interlocutors, and
 * proofs) and the open questions. A question asking for « un document de 5 à 10 pages » is answered
 * with a file, the written piece, whose pages are counted. A competency for which the referential lists
 * neither activities nor questions gets one open question, so that every certification has a dossier.
 */
public record DossierTemplate(String frameworkCode, String version, String title, List<Competency> competencies) {

    private static final Pattern PAGE_RANGE = Pattern.compile("document\\s+de\\s+(\\d+)\\s+à\\s+(\\d+)\\s+pages",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final String EXPERIENCE_QUESTION = "Décrivez des situations professionnelles dans lesquelles vous avez "
            + "mis en œuvre cette compétence : le contexte, ce que vous avez fait, avec qui, avec quels outils, le résultat.";

    public record Activity(String code, String text) {
    }

    /** An open question; {@code writtenPiece} when the referential asks for a document of a number of pages. */
    public record Question(String code, String text, PageRange writtenPiece) {

        public boolean asksForDocument() {
            return writtenPiece != null;
        }
    }

    public record PageRange(int min, int max) {
    }

    public record Competency(String code, String text, List<Activity> activities, List<Question> questions) {

        Optional<Question> question(String code) {
            return questions.stream().filter(q -> q.code().equals(code)).findFirst();
        }
    }

    static DossierTemplate of(Outline outline) {
        List<Competency> competencies = new ArrayList<>();
        collect(outline.roots(), competencies);
        return new DossierTemplate(outline.summary().code(), outline.summary().version(), outline.summary().title(),
                List.copyOf(competencies));
    }

    private static void collect(List<Node> nodes, List<Competency> into) {
        for (Node node : nodes) {
            if (node.type() == ItemType.COMPETENCY) {
                into.add(competency(node));
            } else {
                collect(node.children(), into);
            }
        }
    }

    private static Competency competency(Node node) {
        List<Activity> activities = node.childrenOfType(ItemType.CANDIDATE_ACTIVITY).stream()
                .map(a -> new Activity(a.code(), a.text())).toList();
        List<Question> questions = new ArrayList<>(node.childrenOfType(ItemType.DOSSIER_QUESTION).stream()
                .map(q -> new Question(q.code(), q.text(), pageRange(q.text()))).toList());
        if (activities.isEmpty() && questions.isEmpty()) {
            questions.add(new Question(node.code() + ".EXPERIENCE", EXPERIENCE_QUESTION, null));
        }
        return new Competency(node.code(), node.text(), activities, List.copyOf(questions));
    }

    static PageRange pageRange(String text) {
        Matcher m = PAGE_RANGE.matcher(text);
        return m.find() ? new PageRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    Optional<Competency> competency(String code) {
        return competencies.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
