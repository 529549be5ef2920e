package fr.referentia.framework;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.referentia.shared.text.PlainText;
import java.time.LocalDate;
import java.util.List;

/**
 * The canonical, re-importable JSON form of a referential version ({@code referentia/framework@1},
 * see docs/canonical-format.md): what the seed converters write, the loader reads and the JSON
 * export returns. Its texts are kept in Unicode normal form C whatever brought them ({@link PlainText#normalise}):
 * a file written on a Mac or copied from a PDF may spell « é » as « e » and a combining accent, which the search's
 * analysis would keep apart from the « é » people type.
 */
@JsonPropertyOrder({"format", "framework", "items", "exams", "associations"})
public record CanonicalFramework(
        String format,
        Header framework,
        List<Item> items,
        List<ExamSpec> exams,
        List<AssociationSpec> associations) {

    public static final String FORMAT = "referentia/framework@1";

    public CanonicalFramework {
        items = items == null ? List.of() : items;
        exams = exams == null ? List.of() : exams;
        associations = associations == null ? List.of() : associations;
    }

    @JsonPropertyOrder({"code", "kind", "title", "issuer", "version", "status", "validationDate", "validationNote",
            "rncpCode", "description", "masteryTolerance", "sourceDocument"})
    public record Header(
            String code,
            FrameworkKind kind,
            String title,
            String issuer,
            String version,
            FrameworkStatus status,
            LocalDate validationDate,
            String validationNote,
            String rncpCode,
            String description,
            Integer masteryTolerance,
            String sourceDocument) {

        public Header {
            title = PlainText.normalise(title);
            issuer = PlainText.normalise(issuer);
            validationNote = PlainText.normalise(validationNote);
            description = PlainText.normalise(description);
            sourceDocument = PlainText.normalise(sourceDocument);
        }
    }

    /** {@code typeLabel}: the original type title of an {@code OTHER} item, written only when present. */
    @JsonPropertyOrder({"code", "type", "typeLabel", "text", "parentCode", "position", "context", "essential"})
    public record Item(
            String code,
            ItemType type,
            @JsonInclude(JsonInclude.Include.NON_NULL) String typeLabel,
            String text,
            String parentCode,
            Integer position,
            String context,
            Boolean essential) {

        public Item {
            typeLabel = PlainText.normalise(typeLabel);
            text = PlainText.normalise(text);
            context = PlainText.normalise(context);
        }

        public Item(String code, ItemType type, String text, String parentCode, Integer position, String context,
                Boolean essential) {
            this(code, type, null, text, parentCode, position, context, essential);
        }

        /** The type as a person reads it: the original title of an OTHER item, else our label. */
        public String typeName() {
            return typeLabel != null ? typeLabel : type == null ? null : type.label();
        }
    }

    @JsonPropertyOrder({"code", "title", "modality", "place", "durationMinutes", "parts", "itemCodes", "checks"})
    public record ExamSpec(
            String code,
            String title,
            String modality,
            String place,
            Integer durationMinutes,
            List<PartSpec> parts,
            List<String> itemCodes,
            List<String> checks) {

        public ExamSpec {
            title = PlainText.normalise(title);
            modality = PlainText.normalise(modality);
            place = PlainText.normalise(place);
            parts = parts == null ? List.of() : parts;
            itemCodes = itemCodes == null ? List.of() : itemCodes;
            checks = checks == null ? List.of() : checks;
        }
    }

    @JsonPropertyOrder({"label", "minutes"})
    public record PartSpec(String label, Integer minutes) {
    }

    /**
     * {@code destinationFramework}: the code of another referential whose item {@code destinationCode} is the
     * destination (R14, a cross-referential link); written only when present.
     */
    @JsonPropertyOrder({"type", "originCode", "destinationFramework", "destinationCode", "destinationLabel"})
    public record AssociationSpec(
            AssociationType type,
            String originCode,
            @JsonInclude(JsonInclude.Include.NON_NULL) String destinationFramework,
            String destinationCode,
            String destinationLabel) {

        public AssociationSpec {
            destinationLabel = PlainText.normalise(destinationLabel);
        }

        public AssociationSpec(AssociationType type, String originCode, String destinationCode,
                String destinationLabel) {
            this(type, originCode, null, destinationCode, destinationLabel);
        }

        /** Whether the destination is an item of another referential than {@code ownCode}. */
        public boolean crossesTo(String ownCode) {
            return destinationFramework != null && !destinationFramework.equals(ownCode);
        }
    }
}
