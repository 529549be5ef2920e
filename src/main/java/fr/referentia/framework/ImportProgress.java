package fr.referentia.framework;

/**
 * Where a running import stands, reported between phases and batches so that a long import can show
 * a progress bar. Implementations must not join the import's transaction: they are called inside it.
 */
@FunctionalInterface
public interface ImportProgress {

    /** The phases of an import, in order. */
    enum Phase { VALIDATION, WRITING, INDEXING }

    ImportProgress NONE = (phase, processed, total) -> {
    };

    void report(Phase phase, int processed, int total);
}
