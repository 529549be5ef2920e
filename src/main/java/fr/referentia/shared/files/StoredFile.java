package fr.referentia.shared.files;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file's metadata; its content is read with {@link FileStorage#open(UUID)}.
 *
 * @param id           the file's id, the only way to name it (in URLs and in the owning module's rows)
 * @param owner        the person it belongs to: the e-mail they sign in with
 * @param purpose      the {@link FilePurpose#name()} that governs it
 * @param originalName the name it was uploaded with (shown and used when downloading, never trusted)
 * @param mediaType    the type detected from the content
 * @param size         its size in bytes
 * @param sha256       the SHA-256 of its content, in lower-case hexadecimal
 * @param pageCount    its number of pages (PDF; DOCX where the document states it), or null
 * @param createdAt    when it was stored
 * @param retainUntil  when the nightly purge deletes it
 */
public record StoredFile(UUID id, String owner, String purpose, String originalName, String mediaType, long size,
        String sha256, Integer pageCount, Instant createdAt, Instant retainUntil) {
}
