package fr.referentia.workforce;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.Node;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.ItemType;
import fr.referentia.search.FrameworkSearch;
import fr.referentia.search.SearchQuery;
import fr.referentia.search.SearchResults;
import fr.referentia.shared.BadInputException;
import fr.referentia.workforce.JobProfiles.JobProfileInput;
import fr.referentia.workforce.JobProfiles.JobProfileView;
import fr.referentia.workforce.JobProfiles.RequirementInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job-profile page's picker over the published referentials: the French search finds competencies
 * and activities; ticking an activity (or any item that holds competencies) takes all its competencies.
 */
@Service
@Transactional(readOnly = true)
public class JobProfilePicker {

    /** A line the picker offers: a competency, or an item that holds {@code competencies} competencies. */
    public record Choice(String frameworkCode, String itemCode, ItemType type, String typeName, String text,
            int competencies) {

        public String key() {
            return frameworkCode + "::" + itemCode;
        }
    }

    /** A referential's activities (or blocks) with their competencies, to tick from the page. */
    public record Browse(Summary framework, List<Choice> groups) {
    }

    private final FrameworkSearch search;
    private final FrameworkCatalog catalog;
    private final JobProfiles profiles;
    private final WorkforceAccess access;

    JobProfilePicker(FrameworkSearch search, FrameworkCatalog catalog, JobProfiles profiles, WorkforceAccess access) {
        this.search = search;
        this.catalog = catalog;
        this.profiles = profiles;
        this.access = access;
    }

    /** The published referentials a profile may cite. */
    public List<Summary> referentials() {
        return catalog.list();
    }

    /** Competencies and the items holding some, found by the French search in the current versions. */
    public List<Choice> search(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        SearchResults results = search.search(new SearchQuery(text, null, null, 0, 30));
        List<Choice> choices = new ArrayList<>();
        for (SearchResults.Hit hit : results.hits()) {
            Node node = find(catalog.outline(hit.frameworkCode()).roots(), hit.itemCode());
            if (node == null) {
                continue;
            }
            int held = JobProfiles.ASSESSABLE.contains(node.type()) ? 0 : competencies(node).size();
            if (JobProfiles.ASSESSABLE.contains(node.type()) || held > 0) {
                choices.add(new Choice(hit.frameworkCode(), node.code(), node.type(), node.typeName(), node.text(), held));
            }
        }
        return choices;
    }

    /** The referential's items that directly hold competencies (activities, blocks, tasks…), in document order. */
    public Browse browse(String frameworkCode) {
        var outline = catalog.outline(frameworkCode);
        List<Choice> groups = new ArrayList<>();
        collectGroups(outline.roots(), frameworkCode, groups);
        return new Browse(outline.summary(), groups);
    }

    /**
     * Adds the picked items to the profile (HR): a competency as itself, any other item as all its competencies,
     * each at {@code level} and {@code importance}; items already required stay as they are.
     */
    @Transactional
    public JobProfileView add(String requesterEmail, UUID organisationId, UUID jobProfileId, List<String> picked,
            Integer level, String importance) {
        access.requireHr(requesterEmail, organisationId);
        JobProfileView profile = profiles.get(requesterEmail, organisationId, jobProfileId);
        if (picked == null || picked.isEmpty()) {
            throw new BadInputException("Cochez au moins une compétence ou une activité à ajouter.");
        }
        Set<String> present = new LinkedHashSet<>();
        List<RequirementInput> requirements = new ArrayList<>();
        profile.requirements().forEach(r -> {
            present.add(r.frameworkCode() + "::" + r.itemCode());
            requirements.add(new RequirementInput(r.frameworkCode(), r.version(), r.itemCode(), r.level(),
                    r.importance().name()));
        });
        for (String key : picked) {
            int separator = key == null ? -1 : key.indexOf("::");
            if (separator <= 0) {
                throw new BadInputException("Choix de compétence illisible : « " + key + " ».");
            }
            String code = key.substring(0, separator);
            Node node = find(catalog.outline(code).roots(), key.substring(separator + 2));
            if (node == null) {
                throw new BadInputException("« " + key.substring(separator + 2) + " » n'est pas dans la version publiée du "
                        + "référentiel « " + code + " ».");
            }
            List<Node> taken = JobProfiles.ASSESSABLE.contains(node.type()) ? List.of(node) : competencies(node);
            for (Node competency : taken) {
                if (present.add(code + "::" + competency.code())) {
                    requirements.add(new RequirementInput(code, null, competency.code(), level, importance));
                }
            }
        }
        return profiles.update(requesterEmail, organisationId, jobProfileId, new JobProfileInput(profile.title(),
                profile.mission(), profile.reportingLine(), profile.conditions(), requirements));
    }

    private static void collectGroups(List<Node> nodes, String code, List<Choice> groups) {
        for (Node node : nodes) {
            if (JobProfiles.ASSESSABLE.contains(node.type())) {
                continue;
            }
            boolean holds = node.children().stream().anyMatch(c -> c.type() == ItemType.COMPETENCY);
            if (holds) {
                groups.add(new Choice(code, node.code(), node.type(), node.typeName(), node.text(),
                        competencies(node).size()));
            }
            collectGroups(node.children(), code, groups);
        }
    }

    /** The competencies under the item (the first competency level of each branch). */
    static List<Node> competencies(Node node) {
        List<Node> found = new ArrayList<>();
        for (Node child : node.children()) {
            if (child.type() == ItemType.COMPETENCY) {
                found.add(child);
            } else if (!JobProfiles.ASSESSABLE.contains(child.type())) {
                found.addAll(competencies(child));
            }
        }
        return found;
    }

    static Node find(List<Node> nodes, String code) {
        for (Node node : nodes) {
            if (node.code().equals(code)) {
                return node;
            }
            Node below = find(node.children(), code);
            if (below != null) {
                return below;
            }
        }
        return null;
    }
}
