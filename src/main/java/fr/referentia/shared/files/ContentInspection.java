package fr.referentia.shared.files;

import fr.referentia.shared.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.detect.Detector;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * What a content is, from the content alone: its type (Apache Tika's magic, then the entries of an
 * Office Open XML package), and for a PDF or a DOCX its number of pages. A PDF that is corrupt or
 * protected by a password is refused with a French reason.
 */
final class ContentInspection {

    /** What was found: the detected media type, and a number of pages or null. */
    record Result(String mediaType, Integer pageCount) {
    }

    /** Opens the content again: inspection reads it more than once. */
    interface Source {
        InputStream open() throws IOException;
    }

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-tika-ooxml");
    private static final Pattern PAGES = Pattern.compile("<(?:\\w+:)?Pages>\\s*(\\d+)\\s*</(?:\\w+:)?Pages>");

    private ContentInspection() {
    }

    static Result inspect(Source source) throws IOException {
        String type = detect(source);
        if (ZIP_TYPES.contains(type)) {
            type = officeType(source, type);
        }
        Integer pages = switch (type) {
            case FileLimits.PDF -> pdfPages(source);
            case FileLimits.DOCX -> docxPages(source);
            default -> null;
        };
        return new Result(type, pages);
    }

    /** Tika's detection on the bytes only: no name is given, so that a name cannot sway it. */
    private static String detect(Source source) throws IOException {
        try (InputStream in = source.open(); TikaInputStream tika = TikaInputStream.get(in)) {
            MediaType type = DETECTOR.detect(tika, new Metadata());
            return type.getBaseType().toString();
        }
    }

    /** A ZIP is a DOCX, XLSX or PPTX when it holds their main part, whatever its name. */
    private static String officeType(Source source, String zipType) throws IOException {
        Set<String> names = new HashSet<>();
        try (InputStream in = source.open(); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            return zipType;
        }
        if (!names.contains("[Content_Types].xml")) {
            return zipType;
        }
        if (names.contains("word/document.xml")) {
            return FileLimits.DOCX;
        }
        if (names.contains("xl/workbook.xml")) {
            return FileLimits.XLSX;
        }
        if (names.contains("ppt/presentation.xml")) {
            return FileLimits.PPTX;
        }
        return zipType;
    }

    private static Integer pdfPages(Source source) throws IOException {
        try (InputStream in = source.open(); PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
            if (document.isEncrypted()) {
                throw protectedPdf();
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw corruptPdf();
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw protectedPdf();
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw corruptPdf();
        }
    }

    private static BadInputException protectedPdf() {
        return new BadInputException("Le PDF est protégé par un mot de passe ou chiffré : déposez une version "
                + "sans protection.");
    }

    private static BadInputException corruptPdf() {
        return new BadInputException("Le PDF est endommagé ou illisible : vérifiez qu'il s'ouvre, puis déposez-le "
                + "de nouveau.");
    }

    /** The page count a DOCX states in {@code docProps/app.xml} (written by Word when it saves), or null. */
    private static Integer docxPages(Source source) throws IOException {
        try (InputStream in = source.open(); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("docProps/app.xml")) {
                    byte[] xml = zip.readNBytes(1_000_000);
                    Matcher pages = PAGES.matcher(new String(xml, StandardCharsets.UTF_8));
                    if (pages.find() && pages.group(1).length() < 7) {
                        int count = Integer.parseInt(pages.group(1));
                        return count > 0 ? count : null;
                    }
                    return null;
                }
            }
        } catch (IOException e) {
            throw new BadInputException("Le document DOCX est endommagé ou illisible : vérifiez qu'il s'ouvre, puis "
                    + "déposez-le de nouveau.");
        }
        return null;
    }
}
