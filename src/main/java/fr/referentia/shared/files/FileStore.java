package fr.referentia.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where file contents live, under the id of their row: the local directory by default
 * ({@link LocalDirectoryFileStore}), an S3-compatible bucket later. A content is first written
 * under a temporary name, then published under its id in one atomic step, so that a reader or a
 * crash never sees half a file under an id.
 */
public interface FileStore {

    /** Writes the whole content under a temporary name, durably; nothing is visible under the id yet. */
    Staged write(UUID id, InputStream content) throws IOException;

    /** The content published under this id; {@link java.nio.file.NoSuchFileException} when there is none. */
    InputStream open(UUID id) throws IOException;

    boolean exists(UUID id);

    /** Deletes the content published under this id, if any. */
    void delete(UUID id) throws IOException;

    /** What the store holds, published contents and temporary leftovers, for the purge. */
    List<Entry> entries() throws IOException;

    /** Deletes one entry listed by {@link #entries()}. */
    void delete(Entry entry) throws IOException;

    /** A content written but not yet published. */
    interface Staged {

        /** Reads the written content again (to inspect it before publishing). */
        InputStream open() throws IOException;

        /** Makes the content visible under its id, atomically. */
        void publish() throws IOException;

        /** Deletes the temporary content; does nothing once published. */
        void discard();
    }

    /**
     * One thing the store holds.
     *
     * @param name       its name in the store
     * @param id         the id it is published under, or null for a temporary leftover
     * @param modifiedAt when it was last written
     */
    record Entry(String name, UUID id, Instant modifiedAt) {

        public boolean temporary() {
            return id == null;
        }
    }
}
