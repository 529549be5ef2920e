package fr.referentia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ItemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic referential at ESCO scale in the canonical format: by default 40 domains,
 * 3,000 activities and 14,000 competencies whose French texts recombine the seeds' verb
 * phrases, objects and complements (and the heads and tails of their activity titles). The same
 * seed always gives the same file.
 *
 * <pre>java -cp … fr.referentia.bench.SyntheticReferential OUT.json [seed] [activities] [competencies] [domains]</pre>
 */
public final class SyntheticReferential {

    public static final String CODE = "BENCH-ESCO";
    static final long DEFAULT_SEED = 20_240_601L;

    private final SeedVocabulary vocabulary;
    private final Random random;

    SyntheticReferential(SeedVocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticReferential OUT.json [seed] [activities] [competencies] [domains]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        int activities = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        int competencies = args.length > 3 ? Integer.parseInt(args[3]) : 14_000;
        int domains = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        long start = System.nanoTime();
        CanonicalFramework framework = new SyntheticReferential(SeedVocabulary.fromClasspath(), seed)
                .generate(domains, activities, competencies);
        write(framework, out);
        System.out.printf(Locale.ROOT, "Synthetic referential %s: %d items (%d domains, %d activities, %d competencies),"
                        + " seed %d, %.1f MB, written to %s in %d ms%n", CODE, framework.items().size(), domains,
                activities, competencies, seed, Files.size(out) / 1e6, out, (System.nanoTime() - start) / 1_000_000);
    }

    static void write(CanonicalFramework framework, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), framework);
    }

    CanonicalFramework generate(int domainCount, int activityCount, int competencyCount) {
        if (activityCount < domainCount || competencyCount < activityCount) {
            throw new IllegalArgumentException("Need domains <= activities <= competencies");
        }
        int[] activitiesPerDomain = spread(activityCount, domainCount, Math.min(30, activityCount / domainCount));
        int[] competenciesPerActivity = spread(competencyCount, activityCount, Math.min(3, competencyCount / activityCount));
        List<CanonicalFramework.Item> items = new ArrayList<>(domainCount + activityCount + competencyCount);
        int activity = 0;
        for (int d = 0; d < domainCount; d++) {
            String domainCode = String.format(Locale.ROOT, "D%02d", d + 1);
            items.add(item(domainCode, ItemType.DOMAIN, title(), null, d + 1));
            for (int a = 0; a < activitiesPerDomain[d]; a++, activity++) {
                String activityCode = String.format(Locale.ROOT, "%s-A%03d", domainCode, a + 1);
                items.add(item(activityCode, ItemType.ACTIVITY, title(), domainCode, a + 1));
                for (int c = 0; c < competenciesPerActivity[activity]; c++) {
                    items.add(item(String.format(Locale.ROOT, "%s-C%02d", activityCode, c + 1), ItemType.COMPETENCY,
                            competency(), activityCode, c + 1));
                }
            }
        }
        var header = new CanonicalFramework.Header(CODE, FrameworkKind.OCCUPATIONAL_FRAMEWORK,
                "Référentiel synthétique d'activités et de compétences (banc d'essai à l'échelle ESCO)",
                "Referentia – banc d'essai", "1", FrameworkStatus.PUBLISHED, null, null, null,
                "Référentiel généré pour mesurer les performances : " + domainCount + " domaines, " + activityCount
                        + " activités et " + competencyCount + " compétences recomposés à partir du vocabulaire "
                        + "des référentiels de la branche. Il ne décrit aucun métier réel.",
                null, null);
        return new CanonicalFramework(CanonicalFramework.FORMAT, header, items, List.of(), List.of());
    }

    /** {@code total} spread over {@code slots}: {@code floor} each, the rest at random (so 3 to ~10 per slot). */
    private int[] spread(int total, int slots, int floor) {
        int[] counts = new int[slots];
        java.util.Arrays.fill(counts, floor);
        for (int i = floor * slots; i < total; i++) {
            counts[random.nextInt(slots)]++;
        }
        return counts;
    }

    /** "Conception pédagogique des outils de suivi de l'apprenant" */
    private String title() {
        String head = pick(vocabulary.heads);
        String tail = pick(vocabulary.tails);
        if (random.nextInt(5) == 0) {
            String other = pick(vocabulary.heads);
            head = head + " et " + Character.toLowerCase(other.charAt(0)) + other.substring(1);
        }
        return head + " " + tail;
    }

    /** "Analyser les besoins des entreprises pour adapter l'offre de formation." */
    private String competency() {
        StringBuilder text = new StringBuilder(pick(vocabulary.verbPhrases)).append(' ').append(pick(vocabulary.objects));
        if (random.nextInt(5) != 0) {
            text.append(' ').append(pick(vocabulary.complements));
        }
        return text.append('.').toString();
    }

    private static CanonicalFramework.Item item(String code, ItemType type, String text, String parent, int position) {
        return new CanonicalFramework.Item(code, type, text, parent, position, null, null);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
