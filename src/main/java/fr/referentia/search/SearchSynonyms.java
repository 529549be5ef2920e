package fr.referentia.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The synonyms in force ({@link Synonyms}): the file {@code referentia.search.synonyms}
 * ({@code ./data/search/synonyms.txt} by default) when it exists, else the list shipped in
 * {@code search/synonyms.txt}. The file is checked at most every few seconds and re-read when it
 * changed, so the branch administrator's additions apply to the next searches without a restart or
 * a reindexing.
 */
@Component
public class SearchSynonyms {

    private static final Logger log = LoggerFactory.getLogger(SearchSynonyms.class);
    private static final Duration CHECK = Duration.ofSeconds(5);
    static final String SHIPPED = "/search/synonyms.txt";

    private record Loaded(Synonyms synonyms, String text, String source, FileTime modified, Instant checkedAt) {
    }

    private final Path file;
    private final Clock clock;
    private final Loaded shipped;
    private volatile Loaded loaded;

    SearchSynonyms(@Value("${referentia.search.synonyms:./data/search/synonyms.txt}") Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        String text = shippedText();
        this.shipped = new Loaded(Synonyms.parse(text, FrenchAnalysis.analyzer()), text, "classpath:" + SHIPPED,
                null, Instant.MIN);
    }

    /** The synonyms in force. */
    public Synonyms current() {
        return load().synonyms();
    }

    /** The text of the list in force, as written. */
    public String text() {
        return load().text();
    }

    /** Where the list in force comes from: the file's path, or the shipped list. */
    public String source() {
        return load().source();
    }

    private Loaded load() {
        Loaded held = loaded;
        Instant now = clock.instant();
        if (held != null && now.isBefore(held.checkedAt().plus(CHECK))) {
            return held;
        }
        Loaded next;
        try {
            if (Files.isRegularFile(file)) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (held != null && modified.equals(held.modified())) {
                    next = new Loaded(held.synonyms(), held.text(), held.source(), modified, now);
                } else {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    next = new Loaded(Synonyms.parse(text, FrenchAnalysis.analyzer()), text,
                            file.toAbsolutePath().normalize().toString(), modified, now);
                    log.info("Synonymes de recherche lus dans {} : {} groupes", next.source(),
                            next.synonyms().groups().size());
                }
            } else {
                next = new Loaded(shipped.synonyms(), shipped.text(), shipped.source(), null, now);
            }
        } catch (IOException e) {
            log.warn("Synonymes de recherche illisibles dans {} : la liste précédente reste en vigueur", file, e);
            Loaded kept = held != null ? held : shipped;
            next = new Loaded(kept.synonyms(), kept.text(), kept.source(), kept.modified(), now);
        }
        loaded = next;
        return next;
    }

    private static String shippedText() {
        try (InputStream in = SearchSynonyms.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(SHIPPED + " is unreadable", e);
        }
    }
}
