package fr.referentia.framework.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.framework.AssociationType;
import fr.referentia.framework.CanonicalFramework;
import fr.referentia.framework.CanonicalFramework.AssociationSpec;
import fr.referentia.framework.CanonicalFramework.ExamSpec;
import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.CanonicalFramework.Item;
import fr.referentia.framework.FrameworkKind;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.InvalidFrameworkException;
import fr.referentia.framework.ItemType;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps a referential to a 1EdTech CASE 1.0 {@code CFPackage} and back (see docs/canonical-format.md,
 * "CASE"). Identifiers are name-based UUIDs (v3) of the framework code, version and item code, so a
 * re-export is identical. What CASE has no field for travels in {@code extensions.referentia}.
 */
final class CasePackage {

    static final String EXTENSION = "referentia";

    /**
     * What this server knows of other referentials, for links that leave the package (R14): the current
     * version of a referential, and the item a CASE identifier names.
     */
    interface Directory {

        Directory NONE = new Directory() {
            @Override
            public String currentVersion(String frameworkCode) {
                return null;
            }

            @Override
            public ItemRef item(String identifier) {
                return null;
            }

            @Override
            public boolean exists(String frameworkCode, String itemCode) {
                return false;
            }
        };

        /** The current (published) version label of a referential, or null. */
        String currentVersion(String frameworkCode);

        /** The item of a current version whose CASE identifier this is, or null. */
        ItemRef item(String identifier);

        boolean exists(String frameworkCode, String itemCode);
    }

    record ItemRef(String frameworkCode, String itemCode) {
    }

    /** The CASE identifier of an item: the same as that referential's own export gives it. */
    static UUID itemId(String frameworkCode, String version, String itemCode) {
        return uuid("referentia/" + frameworkCode + "/" + version + "/item/" + itemCode);
    }
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private final ObjectMapper json;

    CasePackage(ObjectMapper json) {
        this.json = json;
    }

    static boolean looksLikeCase(JsonNode root) {
        return root != null && root.isObject() && root.has("CFDocument");
    }

    // ---------------------------------------------------------------- export

    ObjectNode write(CanonicalFramework source, Instant lastChange) {
        return write(source, lastChange, Directory.NONE);
    }

    ObjectNode write(CanonicalFramework source, Instant lastChange, Directory directory) {
        Header h = source.framework();
        String base = "referentia/" + h.code() + "/" + h.version();
        String changed = lastChange.truncatedTo(ChronoUnit.SECONDS).toString();
        UUID documentId = uuid(base);
        ObjectNode documentLink = link(h.title(), documentId);

        ObjectNode root = json.createObjectNode();
        ObjectNode document = root.putObject("CFDocument");
        document.put("identifier", documentId.toString());
        document.put("uri", uri(documentId));
        document.put("creator", h.issuer() != null ? h.issuer() : "Referentia");
        document.put("title", h.title());
        document.put("lastChangeDateTime", changed);
        putIfPresent(document, "publisher", h.issuer());
        putIfPresent(document, "description", h.description());
        document.put("subject", h.kind().label());
        document.put("language", "fr");
        document.put("version", h.version());
        document.put("adoptionStatus", adoptionStatus(h.status()));
        if (h.validationDate() != null) {
            document.put("statusStartDate", h.validationDate().toString());
        }
        putIfPresent(document, "notes", h.validationNote());
        ObjectNode documentExtension = document.putObject("extensions").putObject(EXTENSION);
        documentExtension.put("format", CanonicalFramework.FORMAT);
        documentExtension.put("code", h.code());
        documentExtension.put("kind", h.kind().name());
        documentExtension.put("rncpCode", h.rncpCode());
        documentExtension.put("masteryTolerance", h.masteryTolerance());
        documentExtension.put("sourceDocument", h.sourceDocument());
        documentExtension.set("exams", json.valueToTree(source.exams()));

        Map<String, UUID> itemIds = new HashMap<>();
        source.items().forEach(item -> itemIds.put(item.code(), uuid(base + "/item/" + item.code())));
        Map<String, ObjectNode> types = new LinkedHashMap<>();
        ArrayNode items = root.putArray("CFItems");
        ArrayNode associations = root.putArray("CFAssociations");
        for (Item item : source.items()) {
            UUID id = itemIds.get(item.code());
            String typeName = item.typeName();
            UUID typeId = uuid("referentia/item-type/" + typeName);
            types.computeIfAbsent(typeName, name -> itemType(item.type(), name, typeId, changed));
            ObjectNode node = items.addObject();
            node.put("identifier", id.toString());
            node.put("fullStatement", item.text());
            node.put("CFItemType", typeName);
            node.put("uri", uri(id));
            node.put("humanCodingScheme", item.code());
            if (item.position() != null) {
                node.put("listEnumeration", item.position().toString());
            }
            putIfPresent(node, "notes", item.context());
            node.put("language", "fr");
            node.set("CFItemTypeURI", link(typeName, typeId));
            node.put("lastChangeDateTime", changed);
            node.set("CFDocumentURI", documentLink);
            ObjectNode extension = node.putObject("extensions").putObject(EXTENSION);
            extension.put("type", item.type().name());
            if (item.essential() != null) {
                extension.put("essential", item.essential());
            }

            UUID parentId = item.parentCode() == null ? documentId : itemIds.get(item.parentCode());
            String parentTitle = item.parentCode() == null ? h.title() : item.parentCode();
            association(associations, uuid(base + "/isChildOf/" + item.code()), "isChildOf", item.position(),
                    link(item.code(), id), link(parentTitle, parentId), documentLink, changed);
        }
        int index = 0;
        for (AssociationSpec spec : source.associations()) {
            index++;
            boolean across = spec.crossesTo(h.code());
            ObjectNode destination;
            if (across) {
                // Another referential's item, by the identifier its own export gives it (current version).
                String version = directory.currentVersion(spec.destinationFramework());
                destination = link(spec.destinationLabel() != null ? spec.destinationLabel()
                                : spec.destinationFramework() + " " + spec.destinationCode(),
                        version != null ? itemId(spec.destinationFramework(), version, spec.destinationCode())
                                : uuid("referentia/" + spec.destinationFramework() + "/item/" + spec.destinationCode()));
            } else {
                destination = spec.destinationCode() != null
                        ? link(spec.destinationCode(), itemIds.get(spec.destinationCode()))
                        : link(spec.destinationLabel(), uuid("referentia/label/" + spec.destinationLabel()));
            }
            ObjectNode node = association(associations, uuid(base + "/association/" + index),
                    spec.type().caseExportName(), null, link(spec.originCode(), itemIds.get(spec.originCode())),
                    destination, documentLink, changed);
            ObjectNode extension = node.putObject("extensions").putObject(EXTENSION);
            extension.put("type", spec.type().name());
            if (across) {
                extension.put("destinationFramework", spec.destinationFramework());
                extension.put("destinationCode", spec.destinationCode());
            }
            if (spec.destinationCode() == null || across && spec.destinationLabel() != null) {
                extension.put("destinationLabel", spec.destinationLabel());
            }
        }
        root.putObject("CFDefinitions").putArray("CFItemTypes").addAll(types.values());
        return root;
    }

    private ObjectNode itemType(ItemType type, String title, UUID id, String changed) {
        ObjectNode node = json.createObjectNode();
        node.put("identifier", id.toString());
        node.put("uri", uri(id));
        node.put("title", title);
        node.put("description", type == ItemType.OTHER ? title : type.pluralLabel());
        node.put("hierarchyCode", type.name());
        node.put("typeCode", type.name());
        node.put("lastChangeDateTime", changed);
        return node;
    }

    private static ObjectNode association(ArrayNode associations, UUID id, String type, Integer sequence,
            ObjectNode origin, ObjectNode destination, ObjectNode documentLink, String changed) {
        ObjectNode node = associations.addObject();
        node.put("identifier", id.toString());
        node.put("associationType", type);
        if (sequence != null) {
            node.put("sequenceNumber", sequence);
        }
        node.put("uri", uri(id));
        node.set("originNodeURI", origin);
        node.set("destinationNodeURI", destination);
        node.set("CFDocumentURI", documentLink);
        node.put("lastChangeDateTime", changed);
        return node;
    }

    private ObjectNode link(String title, UUID id) {
        ObjectNode link = json.createObjectNode();
        link.put("title", title);
        link.put("identifier", id.toString());
        link.put("uri", uri(id));
        return link;
    }

    /** Name-based (v3) UUID: the same name always gives the same identifier. */
    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String uri(UUID id) {
        return "urn:uuid:" + id;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String adoptionStatus(FrameworkStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case PUBLISHED -> "Adopted";
            case RETIRED -> "Deprecated";
        };
    }

    // ---------------------------------------------------------------- import

    /**
     * Maps a package that already validates against the CASE schema to the canonical form; checks what
     * the schema cannot (identifiers, dangling associations, cycles) and throws with every problem.
     */
    CanonicalFramework read(JsonNode root, String codeOverride, FrameworkKind kindOverride) {
        return read(root, codeOverride, kindOverride, Directory.NONE);
    }

    /**
     * As {@link #read(JsonNode, String, FrameworkKind)}; an association whose destination is outside the
     * package becomes a link to another referential's item when {@code directory} knows it, else keeps
     * the destination's title as a label.
     */
    CanonicalFramework read(JsonNode root, String codeOverride, FrameworkKind kindOverride, Directory directory) {
        List<String> errors = new ArrayList<>();
        JsonNode document = root.get("CFDocument");
        JsonNode documentExtension = document.path("extensions").path(EXTENSION);
        boolean ours = documentExtension.isObject();
        String documentId = text(document, "identifier");

        Map<String, JsonNode> itemsById = new LinkedHashMap<>();
        for (JsonNode item : root.path("CFItems")) {
            String id = text(item, "identifier");
            if (id.equals(documentId) || itemsById.putIfAbsent(id, item) != null) {
                errors.add("Identifiant « " + id + " » en double dans le paquet CASE.");
            }
        }
        Map<String, String> codes = codes(itemsById, errors);

        // The tree: the first isChildOf of an item gives its parent, further ones become associations.
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Integer> sequenceOf = new HashMap<>();
        Map<String, List<String>> childOfEdges = new HashMap<>();
        List<AssociationSpec> associations = new ArrayList<>();
        Set<String> associationIds = new HashSet<>();
        for (JsonNode association : root.path("CFAssociations")) {
            String id = text(association, "identifier");
            if (!associationIds.add(id)) {
                errors.add("Identifiant d'association « " + id + " » en double dans le paquet CASE.");
            }
            String type = text(association, "associationType");
            String origin = text(association.get("originNodeURI"), "identifier");
            String destination = text(association.get("destinationNodeURI"), "identifier");
            JsonNode extension = association.path("extensions").path(EXTENSION);
            if (!itemsById.containsKey(origin)) {
                errors.add("Association « " + type + " » " + id + " : l'origine « " + origin
                        + " » n'est pas un élément du paquet.");
                continue;
            }
            boolean toDocument = destination.equals(documentId);
            boolean toItem = itemsById.containsKey(destination);
            String label = extension.path("destinationLabel").isTextual()
                    ? extension.get("destinationLabel").asText() : null;
            ItemRef across = null;
            if (!toItem && !toDocument && !"isChildOf".equals(type)) {
                across = outside(extension, destination, directory);
                if (across == null && label == null) {
                    String title = association.path("destinationNodeURI").path("title").asText("").strip();
                    label = title.isEmpty() ? null : title;
                }
            }
            if (!toItem && !(toDocument && "isChildOf".equals(type)) && label == null && across == null) {
                errors.add("Association « " + type + " » " + id + " : la destination « " + destination
                        + " » n'est pas un élément du paquet, ni un élément connu d'un autre référentiel, et n'a pas de titre.");
                continue;
            }
            if ("isChildOf".equals(type)) {
                if (!parentOf.containsKey(origin)) {
                    parentOf.put(origin, toDocument ? null : destination);
                    if (association.path("sequenceNumber").canConvertToInt()) {
                        sequenceOf.put(origin, association.get("sequenceNumber").asInt());
                    }
                } else {
                    associations.add(new AssociationSpec(AssociationType.IS_CHILD_OF, codes.get(origin),
                            toDocument ? null : codes.get(destination), toDocument ? text(document, "title") : null));
                }
                if (toItem) {
                    childOfEdges.computeIfAbsent(origin, key -> new ArrayList<>()).add(destination);
                }
                continue;
            }
            AssociationType ourType = extension.path("type").isTextual()
                    ? enumOrNull(AssociationType.class, extension.get("type").asText()) : null;
            AssociationType associationType = ourType != null ? ourType : AssociationType.ofCaseName(type);
            if (across != null) {
                associations.add(new AssociationSpec(associationType, codes.get(origin), across.frameworkCode(),
                        across.itemCode(), label));
            } else {
                associations.add(new AssociationSpec(associationType, codes.get(origin), null,
                        toItem ? codes.get(destination) : null, toItem ? null : label));
            }
        }
        findCycles(childOfEdges, codes, errors);

        // A type link is a reference like an association's: it must lead to a type the package defines.
        Set<String> definedTypes = new HashSet<>();
        root.path("CFDefinitions").path("CFItemTypes").forEach(type -> definedTypes.add(text(type, "identifier")));
        List<Item> items = new ArrayList<>();
        for (var entry : itemsById.entrySet()) {
            JsonNode item = entry.getValue();
            JsonNode extension = item.path("extensions").path(EXTENSION);
            JsonNode typeLink = item.path("CFItemTypeURI");
            if (typeLink.isObject() && !definedTypes.contains(text(typeLink, "identifier"))) {
                errors.add("Élément « " + codes.get(entry.getKey()) + " » : son type « " + typeLink.path("title").asText()
                        + " » (CFItemTypeURI " + text(typeLink, "identifier")
                        + ") n'est pas défini dans le paquet (CFDefinitions.CFItemTypes).");
            }
            String caseType = item.path("CFItemType").isTextual() ? item.get("CFItemType").asText()
                    : item.path("CFItemTypeURI").path("title").asText(null);
            ItemType type = extension.path("type").isTextual()
                    ? enumOrNull(ItemType.class, extension.get("type").asText()) : null;
            if (type == null) {
                type = typeOf(caseType);
            }
            String parent = parentOf.get(entry.getKey());
            Integer position = integer(item.path("listEnumeration").asText(null));
            if (position == null) {
                position = sequenceOf.get(entry.getKey());
            }
            Boolean essential = extension.path("essential").isBoolean() ? extension.get("essential").asBoolean()
                    : null;
            items.add(new Item(codes.get(entry.getKey()), type,
                    type == ItemType.OTHER ? (caseType == null || caseType.isBlank() ? "Sans type" : caseType) : null,
                    item.path("fullStatement").asText(), parent == null ? null : codes.get(parent), position,
                    item.path("notes").asText(null), essential));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFrameworkException(errors);
        }

        List<ExamSpec> exams = new ArrayList<>();
        if (documentExtension.path("exams").isArray()) {
            try {
                exams.addAll(List.of(json.treeToValue(documentExtension.get("exams"), ExamSpec[].class)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                throw new InvalidFrameworkException("Extension « referentia » : les épreuves sont illisibles.");
            }
        }
        String title = text(document, "title");
        String code = codeOverride != null ? codeOverride
                : documentExtension.path("code").isTextual() ? documentExtension.get("code").asText()
                : slug(title, documentId);
        FrameworkKind kind = kindOverride != null ? kindOverride
                : documentExtension.path("kind").isTextual()
                ? enumOrNull(FrameworkKind.class, documentExtension.get("kind").asText()) : null;
        String publisher = document.path("publisher").asText(null);
        Header header = new Header(code, kind != null ? kind : FrameworkKind.OCCUPATIONAL_FRAMEWORK, title,
                publisher != null || ours ? publisher : document.path("creator").asText(null),
                document.path("version").isTextual() && !document.get("version").asText().isBlank()
                        ? document.get("version").asText() : "1",
                status(document.path("adoptionStatus").asText(null)), date(document.path("statusStartDate")),
                document.path("notes").asText(null), documentExtension.path("rncpCode").asText(null),
                document.path("description").asText(null),
                documentExtension.path("masteryTolerance").canConvertToInt()
                        ? documentExtension.get("masteryTolerance").asInt() : null,
                documentExtension.path("sourceDocument").asText(null));
        return new CanonicalFramework(CanonicalFramework.FORMAT, header, items, exams, associations);
    }

    /** The other referential's item an outside destination names: by our extension's codes, else by identifier. */
    private static ItemRef outside(JsonNode extension, String destination, Directory directory) {
        String framework = extension.path("destinationFramework").asText(null);
        String item = extension.path("destinationCode").asText(null);
        if (framework != null && item != null && directory.exists(framework, item)) {
            return new ItemRef(framework, item);
        }
        return directory.item(destination);
    }

    /** Item codes: the humanCodingScheme, made a valid code; a stable code from the identifier when absent. */
    private static Map<String, String> codes(Map<String, JsonNode> itemsById, List<String> errors) {
        Map<String, String> codes = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (var entry : itemsById.entrySet()) {
            String human = entry.getValue().path("humanCodingScheme").asText("").strip();
            String code;
            if (human.isEmpty()) {
                code = "ITEM-" + uuid(entry.getKey()).toString().substring(0, 8).toUpperCase(Locale.ROOT);
            } else {
                code = CODE.matcher(human).matches() ? human : sanitise(human);
            }
            String previous = owners.putIfAbsent(code, entry.getKey());
            if (previous != null) {
                errors.add("Le code « " + code + " » est porté par deux éléments (« " + previous + " » et « "
                        + entry.getKey() + " »).");
            }
            codes.put(entry.getKey(), code);
        }
        return codes;
    }

    private static String sanitise(String human) {
        String code = human.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[._-]+", "");
        return code.isEmpty() ? "X" : code.length() > 80 ? code.substring(0, 80) : code;
    }

    private static void findCycles(Map<String, List<String>> edges, Map<String, String> codes, List<String> errors) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : edges.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            // Iterative depth-first search: packages can be deep.
            List<String> path = new ArrayList<>();
            List<java.util.Iterator<String>> iterators = new ArrayList<>();
            path.add(start);
            iterators.add(edges.getOrDefault(start, List.of()).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                var iterator = iterators.get(iterators.size() - 1);
                if (iterator.hasNext()) {
                    String next = iterator.next();
                    Integer seen = state.get(next);
                    if (seen == null) {
                        state.put(next, 1);
                        path.add(next);
                        iterators.add(edges.getOrDefault(next, List.of()).iterator());
                    } else if (seen == 1) {
                        errors.add("Cycle dans les associations isChildOf : l'élément « " + codes.get(next)
                                + " » est son propre ancêtre.");
                    }
                } else {
                    state.put(path.remove(path.size() - 1), 2);
                    iterators.remove(iterators.size() - 1);
                }
            }
        }
    }

    private static ItemType typeOf(String caseType) {
        if (caseType == null) {
            return ItemType.OTHER;
        }
        String wanted = caseType.strip();
        for (ItemType type : ItemType.values()) {
            if (type != ItemType.OTHER && (type.name().equalsIgnoreCase(wanted) || type.label().equalsIgnoreCase(wanted))) {
                return type;
            }
        }
        return ItemType.OTHER;
    }

    private static FrameworkStatus status(String adoptionStatus) {
        if (adoptionStatus == null) {
            return FrameworkStatus.DRAFT;
        }
        return switch (adoptionStatus.strip().toLowerCase(Locale.ROOT)) {
            case "adopted" -> FrameworkStatus.PUBLISHED;
            case "deprecated" -> FrameworkStatus.RETIRED;
            default -> FrameworkStatus.DRAFT;
        };
    }

    private static LocalDate date(JsonNode value) {
        if (!value.isTextual() || value.asText().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return null;
        }
        int number = Integer.parseInt(value.strip());
        return number >= 1 ? number : null;
    }

    private static String slug(String title, String documentId) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "").toUpperCase(Locale.ROOT);
        if (slug.isEmpty()) {
            return "CASE-" + uuid(documentId).toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null ? "" : node.path(field).asText("");
    }
}
