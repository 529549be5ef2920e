package fr.referentia.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The field's synonyms and abbreviations, applied to what is searched (never to what is indexed, so
 * a change needs no reindexing). Read from a plain text file the branch administrator can extend:
 * one group of equivalent words or phrases a line, separated by commas; « # » starts a comment.
 * <pre>
 * CRM, gestion de la relation client, outil de gestion de la relation client
 * JPO, journées portes ouvertes
 * </pre>
 * Members are compared after the French analysis ({@link FrenchAnalysis}), so plurals, accents,
 * elisions and stop words do not matter.
 */
public final class Synonyms {

    /** No synonyms. */
    public static final Synonyms NONE = new Synonyms(List.of(), FrenchAnalysis.analyzer());

    /** One group member: its text as written, and its analysed terms. */
    private record Member(String text, List<String> terms, int group) {
    }

    /** One thing the person looks for: their own words first, then the equivalents. */
    public record Concept(List<String> texts) {

        public String own() {
            return texts.get(0);
        }
    }

    private final List<List<String>> groups;
    private final List<Member> members;
    private final Analyzer analyzer;

    private Synonyms(List<List<String>> groups, Analyzer analyzer) {
        this.groups = groups;
        this.analyzer = analyzer;
        List<Member> all = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String text : groups.get(g)) {
                List<String> terms = terms(text);
                if (!terms.isEmpty()) {
                    all.add(new Member(text, terms, g));
                }
            }
        }
        // Longest first: « gestion de la relation client » wins over « relation client ».
        all.sort(Comparator.comparingInt((Member m) -> m.terms().size()).reversed());
        this.members = all;
    }

    /** Parses the file's text; a line with fewer than two members is ignored. */
    public static Synonyms parse(String text, Analyzer analyzer) {
        List<List<String>> groups = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int comment = line.indexOf('#');
            String content = comment >= 0 ? line.substring(0, comment) : line;
            List<String> group = new ArrayList<>();
            for (String member : content.split(",")) {
                if (!member.isBlank()) {
                    group.add(member.strip());
                }
            }
            if (group.size() >= 2) {
                groups.add(List.copyOf(group));
            }
        }
        return new Synonyms(List.copyOf(groups), analyzer);
    }

    public List<List<String>> groups() {
        return groups;
    }

    /**
     * The concepts of a search, in the order typed: each word (or each phrase of a synonym group)
     * once, with its equivalents. Words the analysis drops (stop words) make no concept.
     */
    public List<Concept> concepts(String text) {
        List<Token> tokens = tokens(text);
        Map<String, Concept> concepts = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            Member found = null;
            for (Member member : members) {
                if (matchesAt(tokens, i, member.terms())) {
                    found = member;
                    break;
                }
            }
            if (found == null) {
                Token token = tokens.get(i);
                concepts.putIfAbsent(token.term(), new Concept(List.of(text.substring(token.start(), token.end()))));
                i++;
                continue;
            }
            int last = i + found.terms().size() - 1;
            List<String> texts = new ArrayList<>();
            texts.add(text.substring(tokens.get(i).start(), tokens.get(last).end()));
            for (String other : groups.get(found.group())) {
                if (!other.equals(found.text())) {
                    texts.add(other);
                }
            }
            concepts.putIfAbsent(String.join(" ", found.terms()), new Concept(List.copyOf(texts)));
            i = last + 1;
        }
        return List.copyOf(concepts.values());
    }

    /** The equivalents of the groups found in {@code text}, as one text (empty when none). */
    public String equivalents(String text) {
        StringBuilder extra = new StringBuilder();
        for (Concept concept : concepts(text)) {
            for (int k = 1; k < concept.texts().size(); k++) {
                extra.append(' ').append(concept.texts().get(k)).append(" ;");
            }
        }
        return extra.toString();
    }

    private static boolean matchesAt(List<Token> tokens, int start, List<String> terms) {
        if (start + terms.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < terms.size(); k++) {
            if (!tokens.get(start + k).term().equals(terms.get(k))) {
                return false;
            }
        }
        return true;
    }

    private record Token(String term, int start, int end) {
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }
}
