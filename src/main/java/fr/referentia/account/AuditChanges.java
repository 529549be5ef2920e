package fr.referentia.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit entry's before and after as a person reads them: one row per field that changed, with
 * its French name ({@code audit.field.*}), roles and other codes by their labels, people and
 * organisations by their names instead of their ids, yes/no instead of true/false.
 */
@Component
public class AuditChanges {

    /** One field: its label, and its value before and after ("—" when absent). */
    public record Row(String label, String before, String after) {

        public boolean changed() {
            return !Objects.equals(before, after);
        }
    }

    static final String NONE = "—";
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ObjectMapper json;
    private final MessageSource messages;

    AuditChanges(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /**
     * The rows of an entry's change. When both sides exist, only the fields that differ (all of them
     * if none does); {@code names} gives people's and organisations' names by id.
     */
    public List<Row> of(AuditEntry entry, Map<UUID, String> names) {
        JsonNode before = parse(entry.getBeforeJson());
        JsonNode after = parse(entry.getAfterJson());
        List<Row> rows = new ArrayList<>();
        if (isObject(before) || isObject(after)) {
            Set<String> fields = new LinkedHashSet<>();
            if (isObject(before)) {
                before.fieldNames().forEachRemaining(fields::add);
            }
            if (isObject(after)) {
                after.fieldNames().forEachRemaining(fields::add);
            }
            for (String field : fields) {
                rows.add(new Row(label(field), value(before == null ? null : before.get(field), names),
                        value(after == null ? null : after.get(field), names)));
            }
        } else if (before != null || after != null) {
            rows.add(new Row(label(wholeName(before, after)), value(before, names), value(after, names)));
        }
        List<Row> changed = rows.stream().filter(Row::changed).toList();
        return before != null && after != null && !changed.isEmpty() ? changed : rows;
    }

    private String value(JsonNode node, Map<UUID, String> names) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "Oui" : "Non";
        }
        if (node.isArray()) {
            List<String> values = StreamSupport.stream(node.spliterator(), false).map(item -> value(item, names))
                    .toList();
            return values.isEmpty() ? "aucun" : String.join(" ; ", values);
        }
        if (node.isObject()) {
            if (node.has("role")) {
                // A role grant: « Salarié — Organisme A ».
                String organisation = node.hasNonNull("organisationName") ? node.get("organisationName").asText()
                        : node.hasNonNull("organisationId") ? value(node.get("organisationId"), names) : null;
                return value(node.get("role"), names) + (organisation == null ? "" : " — " + organisation);
            }
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(field -> parts.add(label(field.getKey()) + " : "
                    + value(field.getValue(), names)));
            return String.join(", ", parts);
        }
        return text(node.asText(), names);
    }

    /** A code by its label (roles, size bands, organisation types), an id by its name; other text as it is. */
    private static String text(String value, Map<UUID, String> names) {
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return role.label();
            }
        }
        for (SizeBand band : SizeBand.values()) {
            if (band.name().equals(value)) {
                return band.label();
            }
        }
        for (OrganisationType type : OrganisationType.values()) {
            if (type.name().equals(value)) {
                return type.label();
            }
        }
        if (ISO_DATE.matcher(value).matches()) {
            return value.substring(8, 10) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4);
        }
        try {
            return names.getOrDefault(UUID.fromString(value), value);
        } catch (IllegalArgumentException notAnId) {
            return value;
        }
    }

    private String label(String field) {
        return messages.getMessage("audit.field." + field, null, field, LocaleContextHolder.getLocale());
    }

    /** The name of a change that is a whole list or value, not an object: a list of grants is « roles ». */
    private static String wholeName(JsonNode before, JsonNode after) {
        JsonNode sample = before != null && before.isArray() && !before.isEmpty() ? before.get(0)
                : after != null && after.isArray() && !after.isEmpty() ? after.get(0) : null;
        return sample != null && sample.has("role") ? "roles" : "value";
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
