package fr.referentia.shared.personaldata;

import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamSource;

/**
 * How a module adds what it holds about a person to their "Mes données" page, their archive and
 * their erasure. Implement it as a bean in the module that owns the data; the account module
 * finds every implementation.
 */
public interface PersonalDataContributor {

    /**
     * What a module writes in place of an erased person's e-mail where it keeps a record (a journal
     * step, a decision) rather than deleting it.
     */
    String ERASED_PERSON = "personne-effacee@efface.invalid";

    /** The person whose data is asked for. */
    record Subject(UUID userId, String email, String displayName) {
    }

    /**
     * A table of data shown on the page and written to the archive's JSON.
     *
     * @param key     stable key in the JSON document, e.g. {@code candidatures}
     * @param title   French title shown to the person
     * @param columns French column headings
     * @param rows    the values, one list per row, in the columns' order
     */
    record Section(String key, String title, List<String> columns, List<List<String>> rows) {
    }

    /** A file for the archive, placed under {@code fichiers/} at the given relative path. */
    record File(String path, InputStreamSource content) {
    }

    /** Data kept despite an erasure request, and why (in French, for the person). */
    record Kept(String what, String reason) {
    }

    List<Section> sections(Subject subject);

    default List<File> files(Subject subject) {
        return List.of();
    }

    /** What the law or the branch requires to keep about this person, e.g. certification decisions. */
    default List<Kept> mustKeep(Subject subject) {
        return List.of();
    }

    /** Erases or anonymises this module's data about the person, except what {@link #mustKeep} lists. */
    void erase(Subject subject);
}
