package fr.referentia.search.judged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.ItemType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The judged sets of issue 11 ({@code src/test/resources/judgements/}) and their measures.
 * <ul>
 * <li>{@code queries.csv}: searches typed as users would, with graded relevant items of the four seeds
 * (3 = what is looked for, 2 = closely related, 1 = marginally useful), expanded from the rules of
 * {@code query_rules.py}, written from reading the texts before looking at any result.</li>
 * <li>{@code comparison-pairs.csv}: competencies and elements of the Titre, the CQP Gestionnaire and
 * the CQP Conseiller commercial, each judged against the whole branch framework (RAC) before looking
 * at any proposal: its exact counterparts, its related ones (both possibly none).</li>
 * <li>{@code comparison-pairs-2.csv} ({@link #pairs2()}): a second, blind set, made so that the matching can
 * be measured on pairs nobody tuned on. Every competency and element of the three certifications is already
 * judged (in the first file or in issue 4's labelled pairs, on which re-ranking weights were fitted), so its
 * 98 origins are the other items of the imported referentials, with their codes as imported
 * ({@code seeds/*.json}): the Titre's 30 tasks ({@code B1-T1}…) and 8 of its criteria ({@code B1-CR3}…),
 * the CQP Gestionnaire's 8 activities ({@code DA1-A1}…), 21 tasks ({@code DA1-A1-T1}…) and 7 criteria
 * ({@code C4-CR4}…), the CQP Conseiller commercial's 23 candidate activities ({@code C1.ACT1}…) and one
 * criterion. Each was judged from the texts only, against the whole branch framework read in full, before
 * running any comparison, search or proposal: {@code exact} = RAC competencies that cover the same thing
 * (could replace it in a fiche de poste), {@code related} = RAC competencies that clearly overlap in part;
 * 63 origins have an exact counterpart, 5 have none at all. The note column says what the origin is about.
 * Tasks, activities and criteria are not compared by the application ({@code Comparisons.COMPARED}): they are
 * measured by querying the same proposal scoring directly.</li>
 * </ul>
 */
public final class Judgements {

    public static final String RAC = "RAC-METIERS-FORMATION";
    public static final List<String> SEEDS = List.of("RAC-METIERS-FORMATION", "TITRE-PILOTAGE-DISPOSITIFS",
            "CQP-GESTIONNAIRE-DISPOSITIFS", "CQP-CONSEILLER-COMMERCIAL");

    /** A judged search: graded items by "FRAMEWORK/CODE". */
    public record JudgedQuery(String text, Map<String, Integer> grades) {
    }

    /** A judged origin item of a comparison with the branch framework. */
    public record JudgedOrigin(String framework, String code, Set<String> exact, Set<String> related) {

        public boolean hasCounterpart() {
            return !exact.isEmpty() || !related.isEmpty();
        }
    }

    /** An item of a seed. */
    public record SeedItem(String framework, String version, String code, String type, String text, String parent) {

        public ItemRow row() {
            return new ItemRow(code, ItemType.valueOf(type), type, text, parent, 0, null, null);
        }
    }

    private Judgements() {
    }

    public static List<JudgedQuery> queries() {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        for (String[] cells : csv("/judgements/queries.csv")) {
            byQuery.computeIfAbsent(cells[0], k -> new LinkedHashMap<>())
                    .put(cells[1] + "/" + cells[2], Integer.parseInt(cells[3]));
        }
        List<JudgedQuery> queries = new ArrayList<>();
        byQuery.forEach((text, grades) -> queries.add(new JudgedQuery(text, grades)));
        return queries;
    }

    public static List<JudgedOrigin> pairs() {
        List<JudgedOrigin> origins = new ArrayList<>();
        for (String[] cells : csv("/judgements/comparison-pairs.csv")) {
            origins.add(new JudgedOrigin(cells[0], cells[1], codes(cells[2]), codes(cells[3])));
        }
        return origins;
    }

    /** The second, blind set of judged origins ({@code comparison-pairs-2.csv}), same format as {@link #pairs()}. */
    public static List<JudgedOrigin> pairs2() {
        List<JudgedOrigin> origins = new ArrayList<>();
        for (String[] cells : csv("/judgements/comparison-pairs-2.csv")) {
            origins.add(new JudgedOrigin(cells[0], cells[1], codes(cells[2]), codes(cells[3])));
        }
        return origins;
    }

    /**
     * The tuning half of the judged pairs: every other origin of each referential in the file's order
     * (the first, the third…). Re-ranking weights are fitted on it (and on issue 4's pairs), never on
     * {@link #heldOut()}.
     */
    public static List<JudgedOrigin> tuning() {
        return half(true);
    }

    /** The other half of the judged pairs, for measuring only. */
    public static List<JudgedOrigin> heldOut() {
        return half(false);
    }

    private static List<JudgedOrigin> half(boolean tuning) {
        Map<String, Integer> seen = new HashMap<>();
        List<JudgedOrigin> half = new ArrayList<>();
        for (JudgedOrigin origin : pairs()) {
            if ((seen.merge(origin.framework(), 1, Integer::sum) % 2 == 1) == tuning) {
                half.add(origin);
            }
        }
        return half;
    }

    /** The 26 origins labelled for issue 4 (CQP Conseiller commercial → RAC), true labels as exact. */
    public static List<JudgedOrigin> issue4Pairs() {
        Map<String, Set<String>> exact = new LinkedHashMap<>();
        for (String[] cells : csv("/fr/referentia/search/comparison/labelled-pairs.csv")) {
            Set<String> codes = exact.computeIfAbsent(cells[0], k -> new HashSet<>());
            if (Boolean.parseBoolean(cells[2])) {
                codes.add(cells[1]);
            }
        }
        List<JudgedOrigin> origins = new ArrayList<>();
        exact.forEach((code, codes) -> origins.add(new JudgedOrigin("CQP-CONSEILLER-COMMERCIAL", code, codes,
                Set.of())));
        return origins;
    }

    public static List<SeedItem> seedItems() {
        ObjectMapper json = new ObjectMapper();
        List<SeedItem> items = new ArrayList<>();
        try {
            Resource[] seeds = new PathMatchingResourcePatternResolver().getResources("classpath*:seeds/*.json");
            Arrays.sort(seeds, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
            for (Resource seed : seeds) {
                try (InputStream in = seed.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    String framework = root.get("framework").get("code").asText();
                    String version = root.get("framework").get("version").asText();
                    for (JsonNode item : root.get("items")) {
                        items.add(new SeedItem(framework, version, item.get("code").asText(),
                                item.get("type").asText(), item.get("text").asText(),
                                item.hasNonNull("parentCode") ? item.get("parentCode").asText() : null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    // ---- measures

    /** nDCG@10 with gains 2^grade − 1, the ideal ranking taken from every judged item. */
    public static double ndcg10(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double best = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            best += gain(ideal.get(i)) / log2(i + 2);
        }
        return best == 0 ? 0 : dcg / best;
    }

    /** Share of the first five that are relevant (grade 2 or 3); a shorter list counts its gaps as misses. */
    public static double precision5(List<String> ranked, Map<String, Integer> grades) {
        long relevant = ranked.stream().limit(5).filter(code -> grades.getOrDefault(code, 0) >= 2).count();
        return relevant / 5.0;
    }

    /** Mean nDCG@10 and P@5 of a search function over every judged query. */
    public static double[] searchScores(Function<String, List<String>> search) {
        double ndcg = 0;
        double p5 = 0;
        List<JudgedQuery> queries = queries();
        for (JudgedQuery query : queries) {
            List<String> ranked = search.apply(query.text());
            ndcg += ndcg10(ranked, query.grades());
            p5 += precision5(ranked, query.grades());
        }
        return new double[] {ndcg / queries.size(), p5 / queries.size()};
    }

    /** Comparison measures of one set of origins. */
    public record ComparisonScores(int origins, int withCounterpart, int withExact, double p1, double success3) {

        public String row() {
            return String.format("%d (%d / %d) | %.3f | %.3f", origins, withCounterpart, withExact, p1, success3);
        }
    }

    /**
     * P@1: the first proposal is an exact or related counterpart, over the origins that have one;
     * success@3: an exact counterpart among the first three, over the origins that have one.
     */
    public static ComparisonScores comparisonScores(List<JudgedOrigin> origins,
            Function<JudgedOrigin, List<String>> proposals) {
        int counterpart = 0;
        int exact = 0;
        double p1 = 0;
        double success = 0;
        for (JudgedOrigin origin : origins) {
            List<String> ranked = proposals.apply(origin);
            if (origin.hasCounterpart()) {
                counterpart++;
                if (!ranked.isEmpty() && (origin.exact().contains(ranked.get(0))
                        || origin.related().contains(ranked.get(0)))) {
                    p1++;
                }
            }
            if (!origin.exact().isEmpty()) {
                exact++;
                if (ranked.stream().limit(3).anyMatch(origin.exact()::contains)) {
                    success++;
                }
            }
        }
        return new ComparisonScores(origins.size(), counterpart, exact, counterpart == 0 ? 0 : p1 / counterpart,
                exact == 0 ? 0 : success / exact);
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Set<String> codes(String cell) {
        Set<String> codes = new HashSet<>();
        for (String code : cell.strip().split("\\s+")) {
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static List<String[]> csv(String resource) {
        try (InputStream in = Judgements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return lines.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
