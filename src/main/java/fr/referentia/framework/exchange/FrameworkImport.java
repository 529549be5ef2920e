package fr.referentia.framework.exchange;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.ImportProgress;
import fr.referentia.framework.InvalidFrameworkException;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.spreadsheet.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Imports a referential from a file: canonical JSON, a CASE 1.0 CFPackage, or a spreadsheet (XLSX,
 * CSV) of its items. Every format is checked in full before {@link ImportWriter} writes
 * anything: a faulty file changes nothing.
 */
@Service
public class FrameworkImport {

    /** The referential's header when a file does not carry it (spreadsheets), or overrides (CASE). */
    public record Metadata(String code, String title, String kind, String version) {
    }

    private final ImportWriter writer;
    private final FrameworkCatalog catalog;
    private final CaseNodes nodes;
    private final ObjectMapper json;
    private final CasePackage cases;
    private final CaseSchema schema = new CaseSchema();
    private final long maxBytes;

    FrameworkImport(ImportWriter writer, ObjectMapper json, FrameworkCatalog catalog, CaseNodes nodes,
            @Value("${referentia.frameworks.import-max-size:20MB}") DataSize maxSize) {
        this.writer = writer;
        this.catalog = catalog;
        this.nodes = nodes;
        this.json = json;
        this.cases = new CasePackage(json);
        this.maxBytes = maxSize.toBytes();
    }

    /**
     * A JSON body: a CFPackage when {@code format=case} or when it has a CFDocument, else canonical JSON.
     * {@code owner} (the signed-in person) is the publisher of a CASE package whose status is « Adopted ».
     */
    public Framework json(InputStream body, String format, Metadata overrides, String owner) {
        return writer.write(parseJson(read(body), format, overrides), owner, ImportProgress.NONE);
    }

    /** An uploaded file; its format comes from {@code format} or the file name's extension. */
    public Framework file(String filename, InputStream content, String format, Metadata metadata, String owner) {
        return writer.write(parse(filename, read(content), format, metadata), owner, ImportProgress.NONE);
    }

    /**
     * Parses and imports a file already read (see {@link #read}), reporting its progress (validation,
     * writing, indexing): what an import job runs. A CASE package keeps every node it brought (see
     * {@link CasePackage}); {@code owner} publishes an « Adopted » one.
     */
    public Framework importFile(String owner, String filename, byte[] bytes, String format, Metadata metadata,
            ImportProgress progress) {
        return writer.write(parse(filename, bytes, format, metadata), owner, progress);
    }

    /** Parses a file already read into its canonical form and, for a CASE package, the nodes it keeps; writes nothing. */
    private CasePackage.Parsed parse(String filename, byte[] bytes, String format, Metadata metadata) {
        String chosen = format != null && !format.isBlank() ? format.toLowerCase(Locale.ROOT) : extension(filename);
        return switch (chosen) {
            case "json", "case" -> parseJson(bytes, chosen, metadata);
            case "csv", "xlsx" -> CasePackage.Parsed.asIs(sheet(bytes, chosen, metadata));
            default -> throw new BadInputException("Format de fichier inconnu « " + chosen
                    + " » : json, case, xlsx ou csv.");
        };
    }

    /** The whole content, refused past the maximum size ({@code referentia.frameworks.import-max-size}). */
    public byte[] read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException("Le fichier n'a pas pu être lu en entier.");
        }
    }

    /** The maximum size of an imported file, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The French refusal of a file past the maximum size. */
    public static BadInputException tooLarge(long maxBytes) {
        return new BadInputException("Le fichier dépasse la taille maximale acceptée ("
                + DataSize.ofBytes(maxBytes).toMegabytes() + " Mo) : rien n'a été importé.");
    }

    CasePackage.Parsed parseJson(byte[] bytes, String format, Metadata overrides) {
        String text = utf8(bytes);
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (StreamConstraintsException e) {
            // Jackson stops at 1,000 levels of nesting (or an oversized number or name) before building anything.
            throw new BadInputException("La requête est refusée : le JSON dépasse les limites acceptées "
                    + "(imbrication de plus de 1 000 niveaux, nombre ou nom trop long) ; rien n'a été importé.");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException("La requête est mal formée : JSON illisible" + (at == null ? "."
                    : " (ligne " + at.getLineNr() + ", colonne " + at.getColumnNr() + ")."));
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("La requête est mal formée : un objet JSON est attendu.");
        }
        if ("case".equalsIgnoreCase(format) || CasePackage.looksLikeCase(root)) {
            List<String> violations = schema.violations(root);
            if (!violations.isEmpty()) {
                throw new InvalidFrameworkException(violations);
            }
            return cases.read(root, blankToNull(overrides.code()), kind(overrides.kind()),
                    new ReferentialDirectory(catalog, nodes));
        }
        try {
            return CasePackage.Parsed.asIs(json.treeToValue(root, CanonicalFramework.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException("La requête est mal formée : " + readable(e));
        }
    }

    private CanonicalFramework sheet(byte[] bytes, String format, Metadata metadata) {
        List<ItemSheet.CellError> errors = new ArrayList<>();
        List<SheetRow> rows = ItemSheet.read(bytes, format, errors);
        List<CanonicalFramework.Item> items = errors.isEmpty() ? ItemSheet.items(rows, errors) : List.of();
        FrameworkKind kind = null;
        if (blankToNull(metadata.kind()) == null) {
            errors.add(0, new ItemSheet.CellError(null, null, "La nature du référentiel (kind) manque."));
        } else if ((kind = kind(metadata.kind())) == null) {
            errors.add(0, new ItemSheet.CellError(null, null, "Nature du référentiel inconnue « " + metadata.kind()
                    + " » : OCCUPATIONAL_FRAMEWORK, CQP ou TITRE."));
        }
        if (!errors.isEmpty()) {
            throw new SheetImportException(errors);
        }
        Header header = new Header(blankToNull(metadata.code()), kind, blankToNull(metadata.title()), null,
                blankToNull(metadata.version()), FrameworkStatus.DRAFT, null, null, null, null, null, null);
        return new CanonicalFramework(CanonicalFramework.FORMAT, header, items, List.of(), List.of());
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\u0000') >= 0) {
                // UTF-16 without a byte order mark decodes as UTF-8 with a NUL every other character.
                throw new CharacterCodingException();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadInputException("Le fichier n'est pas encodé en UTF-8 : rien n'a été importé.");
        }
    }

    private static String readable(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return "valeur « " + invalid.getValue() + " » inconnue pour « " + invalid.getPathReference()
                    .replaceAll(".*\\[\"(\\w+)\"\\]$", "$1") + " ».";
        }
        return "contenu illisible.";
    }

    private static FrameworkKind kind(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return FrameworkKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String extension(String filename) {
        if (filename == null || !filename.contains(".")) {
            return "";
        }
        return filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
