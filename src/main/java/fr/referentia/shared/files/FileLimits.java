package fr.referentia.shared.files;

import java.time.Period;
import java.util.Objects;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * What a purpose accepts: the detected types, the size of one file and of all the files one owner
 * keeps for it, how long a file is kept, and optionally a number of pages.
 *
 * @param mediaTypes       accepted media types, as detected from the content (see the constants)
 * @param maxFileSize      the largest file accepted (at most the servlet's multipart limit for uploads)
 * @param maxTotalPerOwner the most one owner may keep for this purpose, all files together
 * @param retention        how long a file is kept from its upload
 * @param minPages         the fewest pages accepted, or null
 * @param maxPages         the most pages accepted, or null
 */
public record FileLimits(Set<String> mediaTypes, DataSize maxFileSize, DataSize maxTotalPerOwner, Period retention,
        Integer minPages, Integer maxPages) {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String TEXT = "text/plain";

    public FileLimits {
        mediaTypes = Set.copyOf(mediaTypes);
        Objects.requireNonNull(maxFileSize, "maxFileSize");
        Objects.requireNonNull(maxTotalPerOwner, "maxTotalPerOwner");
        Objects.requireNonNull(retention, "retention");
        if (mediaTypes.isEmpty() || maxFileSize.toBytes() <= 0 || maxTotalPerOwner.toBytes() < maxFileSize.toBytes()
                || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Inconsistent file limits: " + mediaTypes + ", " + maxFileSize + ", "
                    + maxTotalPerOwner + ", " + retention);
        }
        if (minPages != null && maxPages != null && minPages > maxPages) {
            throw new IllegalArgumentException("Page range " + minPages + "–" + maxPages);
        }
    }

    /** Limits without a page range. */
    public static FileLimits of(Set<String> mediaTypes, DataSize maxFileSize, DataSize maxTotalPerOwner,
            Period retention) {
        return new FileLimits(mediaTypes, maxFileSize, maxTotalPerOwner, retention, null, null);
    }

    /** The same limits, with a number of pages required (PDF, or DOCX that states it). */
    public FileLimits withPages(Integer min, Integer max) {
        return new FileLimits(mediaTypes, maxFileSize, maxTotalPerOwner, retention, min, max);
    }

    boolean countsPages() {
        return minPages != null || maxPages != null;
    }
}
