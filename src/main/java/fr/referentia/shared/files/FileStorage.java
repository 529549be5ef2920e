package fr.referentia.shared.files;

import fr.referentia.shared.Sha256;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one file storage: every uploaded file goes through {@link #store}, which checks it against
 * its {@link FilePurpose} (detected type, size per file and per owner, PDF readable and not
 * protected, pages), writes it to the {@link FileStore} under a temporary name, moves it into place
 * and then inserts its row in the caller's transaction (or its own). A crash therefore leaves at
 * worst a content without a row, never a row without its content; the nightly {@link #purge()}
 * deletes such leftovers, and files past their retention. A refusal is a {@link BadInputException}
 * with a French reason, and stores nothing. Declared in {@link FileStorageConfig}.
 */
public class FileStorage {

    private static final Logger log = LoggerFactory.getLogger(FileStorage.class);

    private static final String COLUMNS = "id, owner, purpose, original_name, media_type, size_bytes, sha256, "
            + "page_count, created_at, retain_until";

    /** Outcome of a purge: rows past retention, rows whose content was missing, leftover contents. */
    public record Purge(int expired, int missingContents, int leftovers) {
    }

    /** A file the caller may read, with its content to stream (to close). */
    public record Download(StoredFile file, InputStream content) {
    }

    private final FileStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, FilePurpose> purposes;
    private final Clock clock;
    private final Duration orphanGrace;

    FileStorage(FileStore store, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            List<FilePurpose> purposes, Clock clock, FileStorageSettings settings) {
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.purposes = purposes.stream().collect(Collectors.toUnmodifiableMap(FilePurpose::name, Function.identity()));
        this.clock = clock;
        this.orphanGrace = settings.orphanGrace();
    }

    /**
     * Stores a file for its owner and purpose, or refuses it with a French reason.
     *
     * @param owner        the person it belongs to (the e-mail they sign in with)
     * @param purpose      the name of a declared {@link FilePurpose}
     * @param originalName the name given by the uploader, kept for display and download only
     * @param content      the content, read to its end (not closed)
     */
    public StoredFile store(String owner, String purpose, String originalName, InputStream content) {
        FilePurpose policy = purpose(purpose);
        FileLimits limits = policy.limits();
        String name = cleanName(originalName);
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("A stored file needs an owner");
        }
        UUID id = UUID.randomUUID();
        MessageDigest sha256 = Sha256.newDigest();
        LimitedInputStream counted = new LimitedInputStream(new DigestInputStream(content, sha256),
                limits.maxFileSize().toBytes());
        FileStore.Staged staged;
        try {
            staged = store.write(id, counted);
        } catch (TooLargeException e) {
            throw new BadInputException("Le fichier « " + name + " » dépasse la taille maximale de "
                    + inFrench(limits.maxFileSize()) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a file failed", e);
        }
        boolean published = false;
        try {
            long size = counted.count();
            if (size == 0) {
                throw new BadInputException("Le fichier « " + name + " » est vide.");
            }
            ContentInspection.Result found = ContentInspection.inspect(staged::open);
            check(name, found, limits, policy);
            long used = jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM stored_file WHERE owner = ? AND purpose = ?")
                    .params(owner, policy.name()).query(Long.class).single();
            if (used + size > limits.maxTotalPerOwner().toBytes()) {
                throw new BadInputException("Avec « " + name + " » (" + inFrench(DataSize.ofBytes(size))
                        + "), vos fichiers pour cet usage dépasseraient " + inFrench(limits.maxTotalPerOwner())
                        + " : supprimez-en d'abord (" + inFrench(DataSize.ofBytes(used)) + " déjà déposés).");
            }
            // Microseconds: what both databases keep of a TIMESTAMP, so that a file reads back as stored.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant retainUntil = ZonedDateTime.ofInstant(now, clock.getZone()).plus(limits.retention()).toInstant();
            StoredFile file = new StoredFile(id, owner, policy.name(), name, found.mediaType(), size,
                    Sha256.hex(sha256), found.pageCount(), now, retainUntil);
            StoredFile result = transactions.execute(status -> {
                publish(staged, id);
                insert(file);
                return file;
            });
            published = true;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading back a stored file failed", e);
        } finally {
            if (!published) {
                staged.discard();
            }
        }
    }

    /** Stores an uploaded part, as {@link #store(String, String, String, InputStream)} does. */
    public StoredFile store(String owner, String purpose, MultipartFile upload) {
        try (InputStream content = upload.getInputStream()) {
            return store(owner, purpose, upload.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an upload failed", e);
        }
    }

    /** Moves the content into place; if the transaction that holds its row rolls back, deletes it. */
    private void publish(FileStore.Staged staged, UUID id) {
        try {
            staged.publish();
        } catch (IOException e) {
            throw new UncheckedIOException("Publishing a stored file failed", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteContent(id);
                }
            }
        });
    }

    private void insert(StoredFile file) {
        jdbc.sql("INSERT INTO stored_file (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(file.id(), file.owner(), file.purpose(), file.originalName(), file.mediaType(), file.size(),
                        file.sha256(), file.pageCount(), Timestamp.from(file.createdAt()),
                        Timestamp.from(file.retainUntil()))
                .update();
    }

    private static void check(String name, ContentInspection.Result found, FileLimits limits, FilePurpose policy) {
        if (!limits.mediaTypes().contains(found.mediaType())) {
            throw new BadInputException("Le fichier « " + name + " » est de type " + describe(found.mediaType())
                    + ", qui n'est pas accepté pour « " + policy.label() + " » : formats acceptés : "
                    + limits.mediaTypes().stream().map(FileStorage::describe).sorted().collect(Collectors.joining(", "))
                    + ".");
        }
        if (!limits.countsPages()) {
            return;
        }
        Integer pages = found.pageCount();
        String range = limits.minPages() != null && limits.maxPages() != null
                ? "entre " + limits.minPages() + " et " + limits.maxPages() + " pages"
                : limits.minPages() != null ? "au moins " + limits.minPages() + " pages"
                : "au plus " + limits.maxPages() + " pages";
        if (pages == null) {
            throw new BadInputException("Le nombre de pages de « " + name + " » n'a pas pu être lu (il en faut "
                    + range + ") : enregistrez-le de nouveau ou déposez-le en PDF.");
        }
        if (limits.minPages() != null && pages < limits.minPages()
                || limits.maxPages() != null && pages > limits.maxPages()) {
            throw new BadInputException("« " + name + " » compte " + pages + (pages == 1 ? " page" : " pages")
                    + " : il en faut " + range + ".");
        }
    }

    /** The file's metadata, whoever asks (for the owning module, which checks its own rules). */
    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stored_file WHERE id = ?").param(id).query(ROW).optional();
    }

    /** An owner's files, newest first. */
    public List<StoredFile> filesOf(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stored_file WHERE owner = ? ORDER BY created_at DESC, id")
                .param(owner).query(ROW).list();
    }

    /** The content of a stored file, for the owning module; to close. */
    public InputStream open(UUID id) {
        if (find(id).isEmpty()) {
            throw new NotFoundException("Fichier introuvable.");
        }
        try {
            return store.open(id);
        } catch (IOException e) {
            log.warn("Contenu absent pour le fichier {}", id);
            throw new NotFoundException("Fichier introuvable.");
        }
    }

    /**
     * The file with its content when its purpose lets this caller read it; otherwise, or when there
     * is no such file, a {@link NotFoundException}: a file one may not read is never known to exist.
     */
    public Download openFor(Authentication who, UUID id) {
        StoredFile file = find(id)
                .filter(found -> who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken))
                .filter(found -> {
                    FilePurpose purpose = purposes.get(found.purpose());
                    return purpose != null && purpose.mayRead(who, found);
                })
                .orElseThrow(() -> new NotFoundException("Fichier introuvable."));
        return new Download(file, open(file.id()));
    }

    /** Deletes a file: its row in the caller's transaction (or its own), its content once that commits. */
    public void delete(UUID id) {
        transactions.executeWithoutResult(status -> {
            if (jdbc.sql("DELETE FROM stored_file WHERE id = ?").param(id).update() == 0) {
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteContent(id);
                }
            });
        });
    }

    /**
     * Changes when a file is purged, e.g. a proof kept for a set time after the decision on its
     * dossier rather than from its upload (R12).
     */
    public void retainUntil(UUID id, Instant until) {
        if (jdbc.sql("UPDATE stored_file SET retain_until = ? WHERE id = ?")
                .params(Timestamp.from(until.truncatedTo(ChronoUnit.MICROS)), id).update() == 0) {
            throw new NotFoundException("Fichier introuvable.");
        }
    }

    /** Hands a file kept after its owner's erasure to no one, so that it no longer names them. */
    void disown(UUID id, String pseudonym) {
        jdbc.sql("UPDATE stored_file SET owner = ? WHERE id = ?").params(pseudonym, id).update();
    }

    /** The purpose a file belongs to, if still declared. */
    Optional<FilePurpose> purposeOf(StoredFile file) {
        return Optional.ofNullable(purposes.get(file.purpose()));
    }

    /**
     * Deletes files past their retention date, rows whose content has gone missing, and contents
     * without a row or temporary leftovers older than the grace period (an upload cut by a crash).
     */
    public Purge purge() {
        Instant now = clock.instant();
        List<UUID> expired = jdbc.sql("SELECT id FROM stored_file WHERE retain_until < ?").param(Timestamp.from(now))
                .query(UUID.class).list();
        expired.forEach(this::delete);

        List<UUID> missing = new ArrayList<>();
        for (UUID id : jdbc.sql("SELECT id FROM stored_file").query(UUID.class).list()) {
            if (!store.exists(id)) {
                missing.add(id);
            }
        }
        missing.forEach(id -> {
            log.warn("Fichier {} sans contenu : sa ligne est supprimée", id);
            jdbc.sql("DELETE FROM stored_file WHERE id = ?").param(id).update();
        });

        Instant leftoverBefore = now.minus(orphanGrace);
        int leftovers = 0;
        try {
            List<FileStore.Entry> old = store.entries().stream()
                    .filter(entry -> entry.modifiedAt().isBefore(leftoverBefore)).toList();
            Set<UUID> rows = new HashSet<>(jdbc.sql("SELECT id FROM stored_file").query(UUID.class).list());
            for (FileStore.Entry entry : old) {
                if (entry.temporary() || !rows.contains(entry.id())) {
                    store.delete(entry);
                    leftovers++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the stored files failed", e);
        }
        return new Purge(expired.size(), missing.size(), leftovers);
    }

    private void deleteContent(UUID id) {
        try {
            store.delete(id);
        } catch (IOException e) {
            log.warn("Contenu du fichier {} non supprimé ({}) : la purge nocturne s'en chargera", id, e.getMessage());
        }
    }

    private FilePurpose purpose(String name) {
        FilePurpose purpose = purposes.get(name);
        if (purpose == null) {
            throw new IllegalArgumentException("No file purpose named " + name + " is declared");
        }
        return purpose;
    }

    /** The name without any path, control characters or surrounding spaces; at most 255 characters. */
    static String cleanName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new BadInputException("Le fichier n'a pas de nom : donnez-lui un nom, puis déposez-le de nouveau.");
        }
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    /** A media type as people know it: PDF, DOCX, PNG… */
    static String describe(String mediaType) {
        return switch (mediaType) {
            case FileLimits.PDF -> "PDF";
            case FileLimits.DOCX -> "DOCX (Word)";
            case FileLimits.XLSX -> "XLSX (Excel)";
            case FileLimits.PPTX -> "PPTX (PowerPoint)";
            case FileLimits.ODT -> "ODT (texte OpenDocument)";
            case FileLimits.PNG -> "PNG";
            case FileLimits.JPEG -> "JPEG";
            case FileLimits.TEXT -> "texte";
            case "application/x-tika-msoffice", "application/x-tika-ooxml-protected" ->
                    "Office ancien ou protégé par un mot de passe";
            case "application/zip" -> "ZIP";
            case "application/octet-stream" -> "inconnu";
            default -> mediaType;
        };
    }

    /** A size as a French reader says it: « 20 Mo », « 512 Ko », « 1,5 Mo ». */
    static String inFrench(DataSize size) {
        long bytes = size.toBytes();
        if (bytes < 1024) {
            return bytes + " octets";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.FRENCH, "%.0f Ko", Math.ceil(bytes / 1024.0));
        }
        double megabytes = bytes / (1024.0 * 1024.0);
        return megabytes == Math.rint(megabytes) ? String.format(Locale.FRENCH, "%.0f Mo", megabytes)
                : String.format(Locale.FRENCH, "%.1f Mo", megabytes);
    }

    private static final RowMapper<StoredFile> ROW = (rs, row) -> new StoredFile(rs.getObject("id", UUID.class),
            rs.getString("owner"), rs.getString("purpose"), rs.getString("original_name"), rs.getString("media_type"),
            rs.getLong("size_bytes"), rs.getString("sha256"), (Integer) rs.getObject("page_count", Integer.class),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("retain_until").toInstant());

    /** Raised while reading beyond the purpose's limit, so that a too large upload stops at once. */
    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("File larger than allowed");
        }
    }

    /** Counts what is read and refuses to go past a limit. */
    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new TooLargeException();
            }
        }
    }
}
