package fr.referentia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.ItemType;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The words of the seed referentials, cut into reusable pieces: verb phrases, objects and
 * complements of competencies; heads and tails of activity titles; single content words and
 * short phrases for queries. Everything is kept in document order (no hash order), so whatever
 * is drawn from it with a seeded {@link java.util.Random} is reproducible.
 */
final class SeedVocabulary {

    static final String SEEDS = "classpath*:seeds/*.json";

    /** Words an object starts with once the verb phrase is over. */
    private static final Set<String> DETERMINERS = Set.of("le", "la", "les", "un", "une", "des", "du", "au", "aux",
            "son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "tout", "tous", "toutes", "l'", "d'", "l’",
            "d’", "chaque", "différents", "différentes", "plusieurs", "certains");
    /** Where a complement (goal, means, context) starts inside a competency. */
    private static final Pattern COMPLEMENT = Pattern.compile(
            "(?:,\\s+|\\s+)(?=(?:pour|afin|en (?!œuvre|place|compte|charge|lien|cours)|dans|selon|au regard|à partir|lors|auprès|avec|grâce|conformément"
                    + "|par |sur la base|tout en|permettant|de manière|de façon)\\b)");
    /** Where the tail of a nominal title starts: "Animation | de parcours de formation". */
    private static final Pattern TAIL = Pattern.compile("\\s+(?=(?:de |d'|d’|des |du |à |aux ))");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\-]*(?:['’][\\p{L}][\\p{L}\\-]*)?");
    static final Set<String> STOP = Set.of("les", "des", "une", "aux", "pour", "dans", "avec", "par", "sur", "son",
            "ses", "leur", "leurs", "est", "sont", "qui", "que", "quoi", "dont", "afin", "ainsi", "etc", "cette",
            "ces", "tout", "tous", "toute", "toutes", "entre", "vers", "lors", "selon", "notamment", "mais", "elle",
            "ils", "elles", "vous", "nous", "votre", "vos", "notre", "nos", "être", "avoir", "fait", "faire",
            "peut", "plus", "moins", "très", "bien", "non", "oui", "pas", "sans", "sous", "chez", "cas",
            "d'une", "d'un", "l'un", "l'une", "quel", "quelle", "quels", "quelles", "comment", "pourquoi");

    final List<String> verbPhrases;
    final List<String> objects;
    final List<String> complements;
    final List<String> heads;
    final List<String> tails;
    /** Distinct content words, and every occurrence (for frequency-weighted draws). */
    final List<String> words;
    final List<String> wordOccurrences;
    /** Runs of 2–4 consecutive words from the texts, as a person would type them. */
    final List<String> phrases;
    /** Item codes of the seeds, by framework code. */
    final Map<String, List<String>> itemCodes;

    private SeedVocabulary(List<CanonicalFramework> seeds) {
        Set<String> verbPhrases = new LinkedHashSet<>();
        Set<String> objects = new LinkedHashSet<>();
        Set<String> complements = new LinkedHashSet<>();
        Set<String> heads = new LinkedHashSet<>();
        Set<String> tails = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        List<String> occurrences = new ArrayList<>();
        Set<String> phrases = new LinkedHashSet<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (CanonicalFramework seed : seeds) {
            List<String> frameworkCodes = codes.computeIfAbsent(seed.framework().code(), k -> new ArrayList<>());
            for (CanonicalFramework.Item item : seed.items()) {
                frameworkCodes.add(item.code());
                String text = firstLine(item.text());
                switch (item.type()) {
                    case COMPETENCY, ELEMENT, TASK, CRITERION -> splitAction(text, verbPhrases, objects, complements,
                            tails);
                    default -> { }
                }
                if (item.type() == ItemType.DOMAIN || item.type() == ItemType.ACTIVITY
                        || item.type() == ItemType.FUNCTION || item.type() == ItemType.BLOCK
                        || item.type() == ItemType.TASK || item.type() == ItemType.CRITERION) {
                    splitTitle(text, heads, item.type() == ItemType.CRITERION ? new LinkedHashSet<>() : tails);
                }
                collectWords(item.text(), words, occurrences, phrases);
            }
        }
        this.verbPhrases = List.copyOf(verbPhrases);
        this.objects = List.copyOf(objects);
        this.complements = List.copyOf(complements);
        this.heads = List.copyOf(heads);
        this.tails = List.copyOf(tails);
        this.words = List.copyOf(words);
        this.wordOccurrences = List.copyOf(occurrences);
        this.phrases = List.copyOf(phrases);
        this.itemCodes = codes;
    }

    static SeedVocabulary fromClasspath() throws IOException {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(SEEDS);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        List<CanonicalFramework> seeds = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                seeds.add(json.readValue(in, CanonicalFramework.class));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("No seed found at " + SEEDS);
        }
        return new SeedVocabulary(seeds);
    }

    /** "Mettre en œuvre | le dispositif d'évaluation | en utilisant les outils…" */
    private static void splitAction(String text, Set<String> verbPhrases, Set<String> objects,
            Set<String> complements, Set<String> tails) {
        String[] tokens = text.split("\\s+");
        if (tokens.length < 4 || !isInfinitive(tokens[0])) {
            return;
        }
        int objectStart = 1;
        while (objectStart < tokens.length && objectStart <= 4 && !startsObject(tokens[objectStart])) {
            objectStart++;
        }
        if (objectStart > 4 || objectStart >= tokens.length - 1) {
            return;
        }
        String verb = String.join(" ", Arrays.copyOfRange(tokens, 0, objectStart));
        String rest = String.join(" ", Arrays.copyOfRange(tokens, objectStart, tokens.length));
        if (verb.endsWith(",")) {
            return;
        }
        String object = rest;
        String complement = null;
        Matcher m = COMPLEMENT.matcher(rest);
        while (m.find()) {
            if (m.start() >= 12) {
                object = rest.substring(0, m.start());
                complement = rest.substring(m.end());
                break;
            }
        }
        object = trimEnd(object);
        if (object.length() < 8 || object.length() > 160) {
            return;
        }
        verbPhrases.add(verb);
        objects.add(object);
        String tail = asTail(object);
        if (tail != null) {
            tails.add(tail);
        }
        if (complement != null) {
            complement = trimEnd(complement);
            if (complement.length() >= 10 && complement.length() <= 200) {
                complements.add(complement);
            }
        }
    }

    /** "Animation | de parcours de formation (face à face…)" */
    private static void splitTitle(String text, Set<String> heads, Set<String> tails) {
        Matcher m = TAIL.matcher(text);
        if (!m.find() || m.start() < 4 || m.start() > 60) {
            return;
        }
        String head = text.substring(0, m.start()).strip();
        String tail = trimEnd(text.substring(m.end()));
        if (Character.isUpperCase(head.charAt(0)) && !isInfinitive(head.split("\\s+")[0])
                && !DETERMINERS.contains(head.split("\\s+")[0].toLowerCase(Locale.ROOT))) {
            heads.add(head);
        }
        if (tail.length() >= 8 && tail.length() <= 160) {
            tails.add(tail);
        }
    }

    /** "les conditions de réussite" → "des conditions de réussite", as a title's tail. */
    private static String asTail(String object) {
        String lower = object.toLowerCase(Locale.ROOT);
        for (String[] swap : new String[][] {{"les ", "des "}, {"le ", "du "}, {"la ", "de la "}, {"l'", "de l'"},
                {"l’", "de l’"}, {"un ", "d'un "}, {"une ", "d'une "}, {"des ", "des "}}) {
            if (lower.startsWith(swap[0])) {
                return swap[1] + object.substring(swap[0].length());
            }
        }
        return null;
    }

    private static void collectWords(String text, Set<String> words, List<String> occurrences, Set<String> phrases) {
        for (String line : text.split("\n")) {
            Matcher m = WORD.matcher(line);
            List<String> run = new ArrayList<>();
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                boolean content = word.length() >= 4 && !STOP.contains(word) && !word.contains("'")
                        && !word.contains("’");
                if (content) {
                    words.add(word);
                    occurrences.add(word);
                }
                run.add(m.group());
                if (run.size() > 4) {
                    run.remove(0);
                }
                // A phrase ends on a content word: "plan de formation", "l'évaluation des compétences".
                if (content && run.size() >= 2) {
                    int size = 2 + Math.floorMod(word.hashCode(), Math.min(3, run.size() - 1));
                    List<String> tail = run.subList(run.size() - Math.min(size, run.size()), run.size());
                    if (!STOP.contains(tail.get(0).toLowerCase(Locale.ROOT))) {
                        phrases.add(String.join(" ", tail).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    private static boolean isInfinitive(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(word.charAt(0)) && w.length() > 3
                && (w.endsWith("er") || w.endsWith("ir") || w.endsWith("re"));
    }

    private static boolean startsObject(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        return DETERMINERS.contains(t) || t.startsWith("l'") || t.startsWith("l’") || t.startsWith("d'")
                || t.startsWith("d’");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    private static String trimEnd(String text) {
        String t = text.strip();
        while (!t.isEmpty() && ".,;:".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
