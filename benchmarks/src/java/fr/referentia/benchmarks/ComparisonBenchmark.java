package fr.referentia.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.ItemType;
import fr.referentia.search.FrenchAnalysis;
import fr.referentia.search.comparison.Comparisons.ItemProposals;
import fr.referentia.search.comparison.Comparisons.Proposal;
import fr.referentia.search.comparison.ProposalBatch;
import fr.referentia.search.comparison.ProposalRanking;
import fr.referentia.search.comparison.SimilarItems;
import fr.referentia.search.comparison.StoredResult;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Time to propose the top 5 items of B for every item of A, two synthetic ESCO-scale referentials
 * (14,000 items each by default), with the production {@link SimilarItems} on an index laid out like
 * Hibernate Search's. Not a test: {@code ./mvnw -q -B -Pbenchmark test-compile exec:java}.
 * Arguments: items per referential (14000), threads (available processors), seed (42).
 */
public final class ComparisonBenchmark {

    private static final String[] VERBS = {"analyser", "identifier", "conseiller", "élaborer", "rédiger",
            "négocier", "suivre", "évaluer", "concevoir", "organiser", "animer", "accompagner", "mettre en œuvre",
            "contrôler", "planifier", "communiquer", "former", "gérer", "piloter", "diagnostiquer", "réaliser",
            "transmettre", "valoriser", "sécuriser", "coordonner", "argumenter", "prospecter", "formaliser"};
    private static final String[] NOUNS = {"besoins", "client", "offre", "formation", "prestation", "dispositif",
            "parcours", "compétences", "apprenants", "entreprise", "budget", "contrat", "projet", "ressources",
            "outils", "indicateurs", "qualité", "réclamation", "financement", "certification", "évaluation",
            "séquence", "module", "référentiel", "partenaires", "marché", "prospects", "équipe", "planning",
            "procédures", "réglementation", "données", "tableau de bord", "cahier des charges", "appel d'offres",
            "modalités", "contenus", "supports", "plateforme", "entretien", "bilan", "dossier", "jury", "candidat",
            "stagiaires", "formateurs", "interlocuteurs", "services", "organisme", "sécurité", "maintenance",
            "machine", "production", "soins", "patient", "vente", "stock", "commande", "logistique", "chantier"};
    private static final String[] LINKS = {"de la", "du", "des", "pour les", "avec les", "auprès des",
            "en fonction des", "au regard de la", "dans le respect des", "à partir du", "selon les"};
    private static final String[] ADJECTIVES = {"adapté", "pertinent", "commercial", "pédagogique", "financier",
            "numérique", "interne", "externe", "réglementaire", "technique", "durable", "individualisé",
            "collectif", "prioritaire", "opérationnel", "stratégique"};

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 14_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        // The production analysis and scoring (issue 11: the branch's stems and feminine forms, statistics
        // of the compared side, main clause); -Dbenchmark.scoring=issue4 measures those of issue 4 instead.
        boolean issue4 = "issue4".equals(System.getProperty("benchmark.scoring"));
        Analyzer french = issue4 ? FrenchAnalysis.analyzer(FrenchAnalysis.Variant.LIGHT) : FrenchAnalysis.analyzer();
        SimilarItems.Options options = issue4 ? SimilarItems.Options.ISSUE_4 : SimilarItems.Options.PRODUCTION;
        if ("bm25".equals(System.getProperty("benchmark.scoring"))) {
            options = SimilarItems.Options.BM25_MAIN_CLAUSE;
        }
        System.out.println("Scoring: " + (issue4 ? "issue 4 (light stemmer, whole-index statistics, 16 MoreLikeThis terms)"
                : options == SimilarItems.Options.PRODUCTION ? "issue 11 (production: BM25, main clause, re-ranked top 30)"
                : "issue 11 before re-ranking (BM25, main clause)"));
        Random random = new Random(seed);
        List<String> a = IntStream.range(0, size).mapToObj(i -> sentence(random)).toList();
        List<String> b = IntStream.range(0, size).mapToObj(i -> sentence(random)).toList();
        // What the re-ranking also compares: one parent (activity-like) sentence per 10 items on both sides,
        // and two criteria per item of A (from their own seed, so that A and B stay those measured before).
        Random more = new Random(seed + 1);
        List<String> parentsA = IntStream.range(0, size / 10 + 1).mapToObj(i -> sentence(more)).toList();
        List<String> parentsB = IntStream.range(0, size / 10 + 1).mapToObj(i -> sentence(more)).toList();
        List<SimilarItems.Origin> origins = IntStream.range(0, size).mapToObj(i -> new SimilarItems.Origin(a.get(i),
                parentsA.get(i / 10), sentence(more) + " " + sentence(more))).toList();

        long start = System.nanoTime();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(french))) {
            index(writer, "SYNTH-A", a);
            index(writer, "SYNTH-B", b);
        }
        double indexing = (System.nanoTime() - start) / 1e9;
        System.out.printf("Indexed %,d + %,d synthetic items in %.1f s%n", size, size, indexing);

        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            long compare = System.nanoTime();
            long cpu = processCpuNanos();
            SimilarItems.Destination sideB = new SimilarItems(reader, french, options)
                    .among("SYNTH-B", null, Set.of("COMPETENCY", "ELEMENT"),
                            code -> parentsB.get(Integer.parseInt(code.substring("SYNTH-B-".length())) / 10));
            System.out.printf("Read the %,d items of SYNTH-B in %.1f s%n", sideB.size(), (System.nanoTime() - compare) / 1e9);
            AtomicInteger done = new AtomicInteger();
            int step = Math.max(1, size / 10);
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            // As in the application (ComparisonJobs): chunks of items on a fixed pool, progress per item.
            List<List<ProposalRanking.Candidate>> found = ProposalBatch.runOrigins(sideB, origins, 5, null, workers, () -> {
                int n = done.incrementAndGet();
                if (n % step == 0) {
                    System.out.printf("  %,d / %,d items (%.0f %%), %.1f s%n", n, size, 100.0 * n / size,
                            (System.nanoTime() - compare) / 1e9);
                }
            });
            workers.shutdown();
            double seconds = (System.nanoTime() - compare) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            System.out.printf("Top-5 proposals for %,d × %,d items on %d threads: %.1f s (%.2f ms per item, "
                    + "%,d proposals)%n", size, size, threads, seconds, seconds * 1000 / size,
                    found.stream().mapToInt(List::size).sum());
            System.out.printf("CPU time of this JVM meanwhile: %.1f s (%.2f ms per item; %.2f cores used on "
                    + "average, of %d)%n", cpuSeconds, cpuSeconds * 1000 / size, cpuSeconds / seconds,
                    Runtime.getRuntime().availableProcessors());
            storedSize(a, found);
        }
    }

    /** The result as a background job stores it (job_data, see StoredBytes): JSON, gzipped, Base64. */
    private static void storedSize(List<String> a, List<List<ProposalRanking.Candidate>> found) {
        List<ItemProposals> result = IntStream.range(0, a.size()).mapToObj(i -> new ItemProposals("SYNTH-A",
                "SYNTH-A-" + i, i % 5 == 0 ? ItemType.COMPETENCY : ItemType.ELEMENT, a.get(i), found.get(i).stream()
                        .map(c -> new Proposal("SYNTH-B", c.code(), c.text(), Math.round(c.score() * 1000) / 1000.0,
                                null, null)).toList())).toList();
        ObjectMapper json = new ObjectMapper();
        long start = System.nanoTime();
        List<String> parts = StoredResult.encode(json, result);
        double encoding = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int read = StoredResult.decode(json, parts).size();
        double decoding = (System.nanoTime() - start) / 1e9;
        long raw;
        try {
            raw = json.writeValueAsBytes(result).length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf("Stored result of %,d items: %,d characters in %d parts (JSON %,d bytes); encoded in "
                + "%.2f s, decoded in %.2f s%n", read, parts.stream().mapToLong(String::length).sum(), parts.size(),
                raw, encoding, decoding);
    }

    /** CPU time of the whole JVM (all threads, JIT and GC included): robust on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void index(IndexWriter writer, String framework, List<String> texts) throws Exception {
        for (int i = 0; i < texts.size(); i++) {
            Document document = new Document();
            document.add(new StringField(SimilarItems.CODE, framework + "-" + i, Field.Store.YES));
            document.add(new StringField(SimilarItems.FRAMEWORK_CODE, framework, Field.Store.NO));
            document.add(new StringField(SimilarItems.TYPE, i % 5 == 0 ? "COMPETENCY" : "ELEMENT", Field.Store.NO));
            document.add(new TextField(SimilarItems.TEXT, texts.get(i), Field.Store.YES));
            writer.addDocument(document);
        }
    }

    /** A competency-like sentence: verb, object, link, complement, sometimes a second clause. */
    private static String sentence(Random random) {
        StringBuilder text = new StringBuilder();
        int clauses = 1 + random.nextInt(3);
        for (int c = 0; c < clauses; c++) {
            if (c > 0) {
                text.append(random.nextBoolean() ? " et " : " afin de ");
            }
            text.append(pick(random, VERBS)).append(" les ").append(pick(random, NOUNS)).append(' ')
                    .append(pick(random, ADJECTIVES)).append(' ').append(pick(random, LINKS)).append(' ')
                    .append(pick(random, NOUNS)).append(' ').append(pick(random, LINKS)).append(' ')
                    .append(pick(random, NOUNS));
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
