package fr.referentia.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files in a local directory ({@code referentia.files.directory}), spread over 256 sub-directories
 * by the first two characters of their id. A content is written as {@code <id>.<random>.tmp} in the
 * directory of its id, forced to disk, then renamed to {@code <id>} (an atomic rename on one file
 * system), and the directory itself forced so that the rename survives a power cut.
 */
public class LocalDirectoryFileStore implements FileStore {

    static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path root;

    public LocalDirectoryFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file directory " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    Path pathOf(UUID id) {
        String name = id.toString();
        return root.resolve(name.substring(0, 2)).resolve(name);
    }

    @Override
    public Staged write(UUID id, InputStream content) throws IOException {
        Path target = pathOf(id);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(id + "." + UUID.randomUUID().toString().substring(0, 8) + TEMPORARY_SUFFIX);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.transferTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Staged() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(temporary);
            }

            @Override
            public void publish() throws IOException {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("The file directory does not support atomic renames: " + root, e);
                }
                forceDirectory(target.getParent());
            }

            @Override
            public void discard() {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // left for the purge, which deletes temporary leftovers
                }
            }
        };
    }

    /** Forces a directory's entries to disk; some platforms cannot open a directory, where renames are durable anyway. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on this platform
        }
    }

    @Override
    public InputStream open(UUID id) throws IOException {
        return Files.newInputStream(pathOf(id));
    }

    @Override
    public boolean exists(UUID id) {
        return Files.isRegularFile(pathOf(id));
    }

    @Override
    public void delete(UUID id) throws IOException {
        Files.deleteIfExists(pathOf(id));
    }

    @Override
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!file.getParent().getParent().equals(root)) {
                    continue;
                }
                String name = file.getFileName().toString();
                UUID id = parse(name);
                if (id != null || name.endsWith(TEMPORARY_SUFFIX)) {
                    try {
                        entries.add(new Entry(root.relativize(file).toString(), id,
                                Files.getLastModifiedTime(file).toInstant()));
                    } catch (java.nio.file.NoSuchFileException e) {
                        // deleted meanwhile
                    }
                }
            }
        }
        return entries;
    }

    @Override
    public void delete(Entry entry) throws IOException {
        Path file = root.resolve(entry.name()).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Not an entry of this store: " + entry.name());
        }
        Files.deleteIfExists(file);
    }

    private static UUID parse(String name) {
        if (name.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(name);
            return id.toString().equals(name) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
