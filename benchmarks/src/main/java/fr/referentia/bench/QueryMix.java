package fr.referentia.bench;

import fr.referentia.framework.ItemType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Varied search queries built from the seeds' vocabulary, reproducible for a given seed: 1 to 4
 * words (single words, bags of words, phrases as typed), with accents removed, plurals,
 * elisions ("l'apprenant", "d’évaluation"), capitals, a few item codes, quoted phrases and
 * prefixes, and some filtered by referential and/or item type; mostly the first page.
 */
final class QueryMix {

    /** One query as the API receives it, with the trait it was built to exercise. */
    record Query(String text, String framework, ItemType type, int page, String kind) {

        String path(int size) {
            StringBuilder path = new StringBuilder("/api/v1/search?q=").append(encode(text));
            if (framework != null) {
                path.append("&framework=").append(encode(framework));
            }
            if (type != null) {
                path.append("&type=").append(type.name());
            }
            if (page > 0) {
                path.append("&page=").append(page);
            }
            return path.append("&size=").append(size).toString();
        }

        boolean filtered() {
            return framework != null || type != null;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private static final ItemType[] FILTER_TYPES = {ItemType.COMPETENCY, ItemType.COMPETENCY, ItemType.ACTIVITY,
            ItemType.ACTIVITY, ItemType.DOMAIN, ItemType.CRITERION, ItemType.TASK};

    private final SeedVocabulary vocabulary;
    private final Random random;
    private final List<String> frameworks;
    private final List<String> syntheticCodes;

    QueryMix(SeedVocabulary vocabulary, long seed, List<String> syntheticCodes) {
        this.vocabulary = vocabulary;
        this.random = new Random(seed);
        this.frameworks = List.copyOf(vocabulary.itemCodes.keySet());
        this.syntheticCodes = syntheticCodes;
    }

    List<Query> next(int count) {
        List<Query> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(next());
        }
        return queries;
    }

    Query next() {
        int roll = random.nextInt(100);
        String kind;
        String text;
        if (roll < 4) {
            kind = "code";
            text = code();
        } else if (roll < 7) {
            kind = "quoted phrase";
            text = '"' + pick(vocabulary.phrases) + '"';
        } else if (roll < 10) {
            kind = "prefix";
            String word = pick(vocabulary.words);
            text = word.substring(0, Math.max(4, word.length() / 2)) + "*";
        } else if (roll < 40) {
            kind = "1 word";
            text = weightedWord();
        } else if (roll < 65) {
            kind = "phrase 2-4 words";
            text = pick(vocabulary.phrases);
        } else {
            kind = "bag of 2-4 words";
            int words = 2 + random.nextInt(3);
            StringBuilder bag = new StringBuilder();
            for (int w = 0; w < words; w++) {
                bag.append(w == 0 ? "" : " ").append(random.nextBoolean() ? weightedWord() : pick(vocabulary.words));
            }
            text = bag.toString();
        }
        if (kind.endsWith("word") || kind.endsWith("words")) {
            int variant = random.nextInt(100);
            if (variant < 15) {
                text = SeedVocabulary.stripAccents(text);
                kind += ", no accents";
            } else if (variant < 30) {
                text = pluralLast(text);
                kind += ", plural";
            } else if (variant < 42) {
                text = elide(text);
                kind += ", elision";
            } else if (variant < 47) {
                text = text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
                kind += ", capital";
            }
        }
        String framework = null;
        ItemType type = null;
        if (random.nextInt(100) < 20) {
            framework = random.nextInt(10) < 6 ? SyntheticReferential.CODE : pick(frameworks);
        }
        if (random.nextInt(100) < 15) {
            type = FILTER_TYPES[random.nextInt(FILTER_TYPES.length)];
        }
        int page = random.nextInt(100) < 8 ? 1 + random.nextInt(3) : 0;
        return new Query(text, framework, type, page, kind);
    }

    /** An item code, of a seed or of the synthetic referential, sometimes in lower case. */
    private String code() {
        String code;
        if (random.nextBoolean() && !syntheticCodes.isEmpty()) {
            code = pick(syntheticCodes);
        } else {
            List<String> codes = vocabulary.itemCodes.get(pick(frameworks));
            code = pick(codes);
        }
        return random.nextInt(4) == 0 ? code.toLowerCase(Locale.ROOT) : code;
    }

    /** A word drawn as often as it occurs in the seeds (common words are searched more). */
    private String weightedWord() {
        return pick(vocabulary.wordOccurrences);
    }

    private static String pluralLast(String text) {
        int space = text.lastIndexOf(' ');
        String head = text.substring(0, space + 1);
        String word = text.substring(space + 1);
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z")) {
            return text;
        }
        if (word.endsWith("al")) {
            return head + word.substring(0, word.length() - 2) + "aux";
        }
        if (word.endsWith("eau") || word.endsWith("eu")) {
            return head + word + "x";
        }
        return head + word + "s";
    }

    /** "apprenant" → "l'apprenant", "évaluation des acquis" → "d’évaluation des acquis". */
    private String elide(String text) {
        String first = text.split(" ", 2)[0];
        if (first.isEmpty() || "aeiouyhéèêàâîôœ".indexOf(Character.toLowerCase(first.charAt(0))) < 0) {
            // Elide a vowel word instead, as in "l'apprenant".
            String vowelWord = pick(vocabulary.words);
            for (int tries = 0; tries < 20 && "aeiouyéèêâîô".indexOf(vowelWord.charAt(0)) < 0; tries++) {
                vowelWord = pick(vocabulary.words);
            }
            text = vowelWord + (text.contains(" ") ? text.substring(text.indexOf(' ')) : "");
        }
        String article = random.nextBoolean() ? "l" : "d";
        String apostrophe = random.nextInt(3) == 0 ? "’" : "'";
        return article + apostrophe + text;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
