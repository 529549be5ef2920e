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
import fr.referentia.framework.exchange.CaseNodes.Kind;
import fr.referentia.framework.exchange.CaseNodes.Node;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a referential to a 1EdTech CASE 1.0 {@code CFPackage} and back (see docs/canonical-format.md,
 * "CASE"). Referentia's own identifiers are name-based UUIDs (v3) of the framework code, version and item
 * code, so a re-export is identical. A package of another server is kept whole: each node as received
 * ({@link CaseNodes}) with its identifier and URI, and the export writes it back, with only what
 * Referentia holds (titles, texts, codes, types, tree, status) taken from the referential when it changed.
 * What CASE has no field for travels in {@code extensions.referentia}.
 */
final class CasePackage {

    static final String EXTENSION = "referentia";
    static final int MAX_LABEL = 500;
    static final int MAX_NOTE = 500;

    /**
     * What this server knows of other referentials, for links that leave the package (R14) and for a
     * package already imported: the current version of a referential, the item a CASE identifier names, the
     * referential a CFDocument identifier names.
     */
    interface Directory {

        /** The current (published) version label of a referential, or null. */
        String currentVersion(String frameworkCode);

        /** The item of a current version whose CASE identifier this is, or null. */
        ItemRef item(String identifier);

        boolean exists(String frameworkCode, String itemCode);

        /** The referential an earlier import of this CFDocument identifier created, or null. */
        String codeOfDocument(String identifier);

        boolean versionExists(String frameworkCode, String version);

        /** The identifier and URI an item of a current version keeps from the package it came from, or null. */
        CaseNodes.KeptItem keptItem(String frameworkCode, String itemCode);

        /** {@code version} when the referential has no such version yet, else « version-2 », « version-3 »… */
        default String freeVersion(String frameworkCode, String version) {
            String label = version;
            for (int n = 2; versionExists(frameworkCode, label); n++) {
                String suffix = "-" + n;
                label = (version.length() + suffix.length() > 40 ? version.substring(0, 40 - suffix.length()) : version)
                        + suffix;
            }
            return label;
        }
    }

    record ItemRef(String frameworkCode, String itemCode) {
    }

    /**
     * A package read: its canonical form, the nodes to keep, the status the package gives
     * ({@code adoptionStatus}) and whether it is a new version of a referential imported before. An
     * {@code Adopted} package comes as a draft that the import then publishes through the audited
     * publication ({@link #publish()}); a new version of a known referential stays a draft.
     */
    record Parsed(CanonicalFramework framework, List<Node> nodes, FrameworkStatus statusInPackage,
            boolean newVersion) {

        /** A canonical file or a spreadsheet: imported with the status it states, as before. */
        static Parsed asIs(CanonicalFramework framework) {
            return new Parsed(framework, List.of(), null, false);
        }

        boolean publish() {
            return statusInPackage == FrameworkStatus.PUBLISHED && !newVersion;
        }
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

    /**
     * The package of a version. {@code stored}: the nodes of the package it was imported from (none for
     * Referentia's own referentials); they are written back as received, with their identifiers, and only
     * what the referential holds and has changed since (text, code, type, tree, order, status) is ours.
     */
    ObjectNode write(CanonicalFramework source, Instant lastChange, Directory directory, List<Node> stored) {
        Header h = source.framework();
        String base = "referentia/" + h.code() + "/" + h.version();
        String changed = lastChange.truncatedTo(ChronoUnit.SECONDS).toString();
        Kept kept = new Kept(stored);
        ObjectNode storedDocument = kept.document == null ? null : kept.document.content();
        Identity documentIdentity = kept.document != null && kept.document.identifier() != null
                ? Identity.of(kept.document) : Identity.derived(uuid(base));
        ObjectNode documentLink = link(h.title(), documentIdentity);

        ObjectNode root = json.createObjectNode();
        ObjectNode document = storedDocument == null ? json.createObjectNode() : storedDocument.deepCopy();
        root.set("CFDocument", document);
        writeDocument(document, storedDocument, h, documentIdentity, changed);
        ObjectNode documentExtension = extension(document);
        documentExtension.put("format", CanonicalFramework.FORMAT);
        documentExtension.put("code", h.code());
        documentExtension.put("kind", h.kind().name());
        documentExtension.put("rncpCode", h.rncpCode());
        documentExtension.put("masteryTolerance", h.masteryTolerance());
        documentExtension.put("sourceDocument", h.sourceDocument());
        documentExtension.set("exams", json.valueToTree(source.exams()));

        Map<String, JsonNode> storedTypes = kept.itemTypes();
        Map<String, Identity> itemIds = new HashMap<>();
        for (Item item : source.items()) {
            Node node = kept.items.get(item.code());
            itemIds.put(item.code(), node != null && node.identifier() != null ? Identity.of(node)
                    : Identity.derived(uuid(base + "/item/" + item.code())));
        }
        Map<String, ObjectNode> types = new LinkedHashMap<>();
        ArrayNode items = root.putArray("CFItems");
        ArrayNode associations = root.putArray("CFAssociations");
        Set<String> keptGroups = keptGroups(source.items(), kept);
        for (Item item : source.items()) {
            Identity id = itemIds.get(item.code());
            Node node = kept.items.get(item.code());
            ObjectNode storedItem = node == null ? null : node.content();
            ObjectNode out = storedItem == null ? json.createObjectNode() : storedItem.deepCopy();
            items.add(out);
            out.put("identifier", id.id());
            out.put("fullStatement", item.text());
            boolean sameType = storedItem != null && typeOf(storedItem, storedTypes).equals(
                    new TypeOf(item.type(), item.typeLabel()));
            String typeName = item.typeName();
            UUID typeId = uuid("referentia/item-type/" + typeName);
            if (!sameType) {
                types.computeIfAbsent(typeName, name -> itemType(item.type(), name, typeId, changed));
                out.put("CFItemType", typeName);
            }
            out.put("uri", id.uri());
            if (storedItem == null || !item.code().equals(code(storedItem))) {
                out.put("humanCodingScheme", item.code());
            }
            if (storedItem == null && item.position() != null) {
                out.put("listEnumeration", item.position().toString());
            }
            if (storedItem == null || !Objects.equals(item.context(), context(storedItem))) {
                putOrRemove(out, "notes", item.context());
            }
            if (storedItem == null) {
                out.put("language", "fr");
            }
            if (!sameType) {
                out.set("CFItemTypeURI", link(typeName, Identity.derived(typeId)));
            }
            boolean sameItem = sameType && storedItem != null && item.code().equals(code(storedItem))
                    && item.text().equals(storedItem.path("fullStatement").asText())
                    && Objects.equals(item.context(), context(storedItem));
            out.put("lastChangeDateTime", sameItem ? storedItem.path("lastChangeDateTime").asText(changed) : changed);
            out.set("CFDocumentURI", documentLink);
            ObjectNode extension = extension(out);
            extension.put("type", item.type().name());
            if (item.essential() != null) {
                extension.put("essential", item.essential());
            }

            Identity parentId = item.parentCode() == null ? documentIdentity : itemIds.get(item.parentCode());
            String parentTitle = item.parentCode() == null ? h.title() : item.parentCode();
            Node parent = kept.parents.get(item.code());
            if (parent != null && parentUnchanged(parent, item, kept)) {
                ObjectNode link = parent.content().deepCopy();
                associations.add(link);
                Identity linkId = parent.identifier() != null ? Identity.of(parent)
                        : Identity.derived(uuid(base + "/isChildOf/" + item.code()));
                link.put("identifier", linkId.id());
                link.put("uri", linkId.uri());
                link.set("originNodeURI", relink(link.path("originNodeURI"), item.code(), id));
                link.set("destinationNodeURI", relink(link.path("destinationNodeURI"), parentTitle, parentId));
                link.set("CFDocumentURI", documentLink);
                if (!keptGroups.contains(String.valueOf(item.parentCode()))) {
                    // The order changed among these siblings: the positions say it now.
                    putOrRemove(link, "sequenceNumber", item.position());
                    link.put("lastChangeDateTime", changed);
                }
            } else {
                association(associations, Identity.derived(uuid(base + "/isChildOf/" + item.code())), "isChildOf",
                        item.position(), link(item.code(), id), link(parentTitle, parentId), documentLink, changed);
            }
        }
        int index = 0;
        Map<String, Deque<Node>> storedAssociations = kept.associationsByKey();
        for (AssociationSpec spec : source.associations()) {
            index++;
            boolean across = spec.crossesTo(h.code());
            Identity derivedId = Identity.derived(uuid(base + "/association/" + index));
            Deque<Node> candidates = storedAssociations.get(matchKey(spec));
            Node node = candidates == null ? null : candidates.poll();
            ObjectNode out;
            if (node != null) {
                // As received: an outside destination keeps its own identifier, URI and title.
                out = node.content().deepCopy();
                associations.add(out);
                Identity id = node.identifier() != null ? Identity.of(node) : derivedId;
                out.put("identifier", id.id());
                out.put("uri", id.uri());
                out.set("originNodeURI", relink(out.path("originNodeURI"), spec.originCode(),
                        itemIds.get(spec.originCode())));
                if (!across && spec.destinationCode() != null) {
                    out.set("destinationNodeURI", relink(out.path("destinationNodeURI"), spec.destinationCode(),
                            itemIds.get(spec.destinationCode())));
                } else if (spec.type() == AssociationType.IS_CHILD_OF && spec.destinationCode() == null) {
                    out.set("destinationNodeURI", relink(out.path("destinationNodeURI"), h.title(), documentIdentity));
                }
                out.set("CFDocumentURI", documentLink);
            } else {
                ObjectNode destination;
                if (across) {
                    // Another referential's item, by the identifier its own export gives it (current version):
                    // the one it keeps from the package it came from, else the derived one.
                    String version = directory.currentVersion(spec.destinationFramework());
                    CaseNodes.KeptItem keptItem = directory.keptItem(spec.destinationFramework(), spec.destinationCode());
                    destination = link(spec.destinationLabel() != null ? spec.destinationLabel()
                                    : spec.destinationFramework() + " " + spec.destinationCode(),
                            keptItem != null ? new Identity(keptItem.identifier(), keptItem.uri()) : Identity.derived(
                            version != null ? itemId(spec.destinationFramework(), version, spec.destinationCode())
                                    : uuid("referentia/" + spec.destinationFramework() + "/item/" + spec.destinationCode())));
                } else if (spec.destinationCode() != null) {
                    destination = link(spec.destinationCode(), itemIds.get(spec.destinationCode()));
                } else if (spec.type() == AssociationType.IS_CHILD_OF) {
                    destination = link(h.title(), documentIdentity);
                } else {
                    destination = link(spec.destinationLabel(),
                            Identity.derived(uuid("referentia/label/" + spec.destinationLabel())));
                }
                out = association(associations, derivedId, spec.type().caseExportName(), null,
                        link(spec.originCode(), itemIds.get(spec.originCode())), destination, documentLink, changed);
            }
            ObjectNode extension = extension(out);
            extension.put("type", spec.type().name());
            if (across) {
                extension.put("destinationFramework", spec.destinationFramework());
                extension.put("destinationCode", spec.destinationCode());
            }
            if (spec.destinationCode() == null || across && spec.destinationLabel() != null) {
                extension.put("destinationLabel", spec.destinationLabel());
            }
        }
        ObjectNode definitions = kept.definitions == null ? json.createObjectNode() : kept.definitions.content().deepCopy();
        root.set("CFDefinitions", definitions);
        ArrayNode itemTypes = definitions.withArray("CFItemTypes");
        types.values().stream().filter(type -> !storedTypes.containsKey(type.get("identifier").asText()))
                .forEach(itemTypes::add);
        if (kept.rubrics != null) {
            root.set("CFRubrics", kept.rubrics.content().get("CFRubrics"));
        }
        return root;
    }

    private void writeDocument(ObjectNode document, ObjectNode stored, Header h, Identity identity, String changed) {
        document.put("identifier", identity.id());
        document.put("uri", identity.uri());
        if (!document.hasNonNull("creator")) {
            document.put("creator", h.issuer() != null ? h.issuer() : "Referentia");
        }
        document.put("title", h.title());
        boolean same = stored != null && h.title().equals(stored.path("title").asText())
                && Objects.equals(h.issuer(), issuer(stored, false)) && Objects.equals(h.description(), textOrNull(stored, "description"))
                && h.status() == status(textOrNull(stored, "adoptionStatus"))
                && Objects.equals(h.validationDate(), date(stored.path("statusStartDate")))
                && Objects.equals(h.validationNote(), note(stored));
        document.put("lastChangeDateTime", same ? stored.path("lastChangeDateTime").asText(changed) : changed);
        if (stored == null || !Objects.equals(h.issuer(), issuer(stored, false))) {
            putOrRemove(document, "publisher", h.issuer());
        }
        if (stored == null || !Objects.equals(h.description(), textOrNull(stored, "description"))) {
            putOrRemove(document, "description", h.description());
        }
        if (stored == null) {
            document.put("subject", h.kind().label());
            document.put("language", "fr");
        }
        document.put("version", h.version());
        if (stored == null || h.status() != status(textOrNull(stored, "adoptionStatus"))) {
            document.put("adoptionStatus", adoptionStatus(h.status()));
        }
        if (stored == null || !Objects.equals(h.validationDate(), date(stored.path("statusStartDate")))) {
            putOrRemove(document, "statusStartDate", h.validationDate() == null ? null : h.validationDate().toString());
        }
        if (stored == null || !Objects.equals(h.validationNote(), note(stored))) {
            putOrRemove(document, "notes", h.validationNote());
        }
    }

    /** Siblings (by parent code, "null" for the roots) whose order is still the package's: every one placed by its kept isChildOf at its kept rank. */
    private static Set<String> keptGroups(List<Item> items, Kept kept) {
        Map<String, Boolean> groups = new HashMap<>();
        for (Item item : items) {
            Node parent = kept.parents.get(item.code());
            boolean same = parent != null && parentUnchanged(parent, item, kept)
                    && Objects.equals(parent.rank(), item.position());
            groups.merge(String.valueOf(item.parentCode()), same, Boolean::logicalAnd);
        }
        Set<String> keptOnes = new HashSet<>();
        groups.forEach((group, same) -> {
            if (same) {
                keptOnes.add(group);
            }
        });
        return keptOnes;
    }

    /** Whether a kept isChildOf still names the item's parent (by the identifiers the package gave). */
    private static boolean parentUnchanged(Node parent, Item item, Kept kept) {
        String destination = parent.content().path("destinationNodeURI").path("identifier").asText();
        if (item.parentCode() == null) {
            return kept.document != null && destination.equals(kept.document.content().path("identifier").asText());
        }
        Node parentItem = kept.items.get(item.parentCode());
        return parentItem != null && destination.equals(parentItem.content().path("identifier").asText());
    }

    /** A link to one of our nodes: the title the package gave it when there is one, the current identity. */
    private ObjectNode relink(JsonNode stored, String title, Identity identity) {
        String keptTitle = stored.path("title").asText("");
        return link(keptTitle.isEmpty() ? title : keptTitle, identity);
    }

    private ObjectNode extension(ObjectNode node) {
        JsonNode extensions = node.path("extensions");
        ObjectNode all = extensions.isObject() ? (ObjectNode) extensions : node.putObject("extensions");
        return all.putObject(EXTENSION);
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

    private static ObjectNode association(ArrayNode associations, Identity id, String type, Integer sequence,
            ObjectNode origin, ObjectNode destination, ObjectNode documentLink, String changed) {
        ObjectNode node = associations.addObject();
        node.put("identifier", id.id());
        node.put("associationType", type);
        if (sequence != null) {
            node.put("sequenceNumber", sequence);
        }
        node.put("uri", id.uri());
        node.set("originNodeURI", origin);
        node.set("destinationNodeURI", destination);
        node.set("CFDocumentURI", documentLink);
        node.put("lastChangeDateTime", changed);
        return node;
    }

    private ObjectNode link(String title, Identity id) {
        ObjectNode link = json.createObjectNode();
        link.put("title", title);
        link.put("identifier", id.id());
        link.put("uri", id.uri());
        return link;
    }

    /** The identifier and URI a node is exported with. */
    private record Identity(String id, String uri) {

        static Identity of(Node node) {
            return new Identity(node.identifier(), node.content().path("uri").asText("urn:uuid:" + node.identifier()));
        }

        static Identity derived(UUID id) {
            return new Identity(id.toString(), CasePackage.uri(id));
        }
    }

    /** The nodes kept from an imported package, by kind. */
    private static final class Kept {

        Node document;
        Node definitions;
        Node rubrics;
        final Map<String, Node> items = new HashMap<>();
        final Map<String, Node> parents = new HashMap<>();
        final List<Node> associations = new ArrayList<>();

        Kept(List<Node> nodes) {
            for (Node node : nodes) {
                switch (node.kind()) {
                    case DOCUMENT -> document = node;
                    case DEFINITIONS -> definitions = node;
                    case RUBRICS -> rubrics = node;
                    case ITEM -> items.put(node.key(), node);
                    case PARENT -> parents.put(node.key(), node);
                    case ASSOCIATION -> associations.add(node);
                }
            }
        }

        Map<String, JsonNode> itemTypes() {
            Map<String, JsonNode> types = new HashMap<>();
            if (definitions != null) {
                definitions.content().path("CFItemTypes").forEach(type -> types.put(type.path("identifier").asText(), type));
            }
            return types;
        }

        Map<String, Deque<Node>> associationsByKey() {
            Map<String, Deque<Node>> byKey = new HashMap<>();
            associations.forEach(node -> byKey.computeIfAbsent(node.key(), key -> new ArrayDeque<>()).add(node));
            return byKey;
        }
    }

    /** What matches an association of the referential to the CFAssociation it was imported from. */
    static String matchKey(AssociationSpec spec) {
        return spec.type().name() + "|" + spec.originCode() + "|" + Objects.toString(spec.destinationFramework(), "")
                + "|" + Objects.toString(spec.destinationCode(), "") + "|" + Objects.toString(spec.destinationLabel(), "");
    }

    /** Name-based (v3) UUID: the same name always gives the same identifier. */
    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String uri(UUID id) {
        return "urn:uuid:" + id;
    }

    private static void putOrRemove(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        } else {
            node.remove(field);
        }
    }

    private static void putOrRemove(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        } else {
            node.remove(field);
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
     * Maps a package that already validates against the CASE schema to the canonical form and the nodes to
     * keep; checks what the schema cannot (identifiers, dangling associations, cycles) and throws with every
     * problem. An association whose destination is outside the package becomes a link to another
     * referential's item when {@code directory} knows it, else keeps the destination's title as a label
     * (and, in the kept node, its own identifier and URI). A package whose CFDocument was imported before
     * is a new version of that referential, unless {@code codeOverride} names another one (a copy, whose
     * identifiers are then Referentia's).
     */
    Parsed read(JsonNode root, String codeOverride, FrameworkKind kindOverride, Directory directory) {
        List<String> errors = new ArrayList<>();
        JsonNode document = root.get("CFDocument");
        JsonNode documentExtension = document.path("extensions").path(EXTENSION);
        boolean ours = documentExtension.isObject();
        String documentId = text(document, "identifier");
        String packageVersion = document.path("version").isTextual() && !document.get("version").asText().isBlank()
                ? document.get("version").asText() : "1";
        String ownCode = ours ? documentExtension.path("code").asText(null) : null;
        // Referentia's own package: its identifiers are derived from its code and version, derived again here.
        boolean derived = ownCode != null && documentId.equals(uuid("referentia/" + ownCode + "/" + packageVersion).toString());
        String known = directory.codeOfDocument(documentId);
        if (known == null && derived && directory.versionExists(ownCode, packageVersion)) {
            known = ownCode;
        }
        String origin = known != null ? known : ownCode;
        String title = text(document, "title");
        String code = codeOverride != null ? codeOverride : origin != null ? origin : slug(title, documentId);
        boolean newVersion = known != null && known.equals(code);
        boolean keepIdentity = codeOverride == null || origin == null || codeOverride.equals(origin);
        List<Node> nodes = new ArrayList<>();

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
        Map<String, JsonNode> parentLinks = new HashMap<>();
        Map<String, List<String>> childOfEdges = new HashMap<>();
        List<AssociationSpec> associations = new ArrayList<>();
        List<JsonNode> associationNodes = new ArrayList<>();
        Set<String> associationIds = new HashSet<>();
        for (JsonNode association : root.path("CFAssociations")) {
            String id = text(association, "identifier");
            if (!associationIds.add(id)) {
                errors.add("Identifiant d'association « " + id + " » en double dans le paquet CASE.");
            }
            String type = text(association, "associationType");
            String origin0 = text(association.get("originNodeURI"), "identifier");
            String destination = text(association.get("destinationNodeURI"), "identifier");
            String destinationTitle = association.path("destinationNodeURI").path("title").asText("").strip();
            JsonNode extension = association.path("extensions").path(EXTENSION);
            if (!itemsById.containsKey(origin0)) {
                errors.add("Association « " + type + " » " + id + " : l'origine « " + origin0
                        + " » n'est pas un élément du paquet.");
                continue;
            }
            boolean childOf = "isChildOf".equals(type);
            boolean toDocument = destination.equals(documentId);
            boolean toItem = itemsById.containsKey(destination);
            if (childOf && !toItem && !toDocument) {
                String parent = destinationTitle.isEmpty() ? "« " + destination + " »"
                        : "« " + destinationTitle + " » (" + destination + ")";
                errors.add("Association « isChildOf » " + id + " : le parent " + parent + " n'est ni un élément du "
                        + "paquet ni son document (CFDocument) : un élément ne se range que sous un élément du même paquet.");
                continue;
            }
            String label = extension.path("destinationLabel").isTextual()
                    ? extension.get("destinationLabel").asText() : null;
            ItemRef across = null;
            if (!toItem && !toDocument) {
                across = outside(extension, destination, directory);
                if (across == null && label == null) {
                    label = destinationTitle.isEmpty() ? null : destinationTitle;
                }
                if (across == null && label == null) {
                    errors.add("Association « " + type + " » " + id + " : la destination « " + destination
                            + " » n'est pas un élément du paquet, ni un élément connu d'un autre référentiel, et n'a pas de titre.");
                    continue;
                }
            } else if (toDocument && !childOf && label == null) {
                label = destinationTitle.isEmpty() ? title : destinationTitle;
            }
            label = label == null || label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
            if (childOf) {
                if (!parentOf.containsKey(origin0)) {
                    parentOf.put(origin0, toDocument ? null : destination);
                    parentLinks.put(origin0, association);
                    if (association.path("sequenceNumber").canConvertToInt()) {
                        sequenceOf.put(origin0, association.get("sequenceNumber").asInt());
                    }
                } else {
                    associations.add(new AssociationSpec(AssociationType.IS_CHILD_OF, codes.get(origin0),
                            toDocument ? null : codes.get(destination), toDocument ? title : null));
                    associationNodes.add(association);
                }
                if (toItem) {
                    childOfEdges.computeIfAbsent(origin0, key -> new ArrayList<>()).add(destination);
                }
                continue;
            }
            AssociationType ourType = extension.path("type").isTextual()
                    ? enumOrNull(AssociationType.class, extension.get("type").asText()) : null;
            AssociationType associationType = ourType != null ? ourType : AssociationType.ofCaseName(type);
            if (across != null) {
                associations.add(new AssociationSpec(associationType, codes.get(origin0), across.frameworkCode(),
                        across.itemCode(), label));
            } else {
                associations.add(new AssociationSpec(associationType, codes.get(origin0), null,
                        toItem ? codes.get(destination) : null, toItem ? null : label));
            }
            associationNodes.add(association);
        }
        findCycles(childOfEdges, codes, errors);

        // A type link is a reference like an association's: it must lead to a type the package defines.
        Map<String, JsonNode> definedTypes = new HashMap<>();
        root.path("CFDefinitions").path("CFItemTypes").forEach(type -> definedTypes.put(text(type, "identifier"), type));
        Map<String, Integer> positions = positions(itemsById, parentOf, sequenceOf);
        List<Item> items = new ArrayList<>();
        for (var entry : itemsById.entrySet()) {
            JsonNode item = entry.getValue();
            JsonNode extension = item.path("extensions").path(EXTENSION);
            JsonNode typeLink = item.path("CFItemTypeURI");
            if (typeLink.isObject() && !definedTypes.containsKey(text(typeLink, "identifier"))) {
                errors.add("Élément « " + codes.get(entry.getKey()) + " » : son type « " + typeLink.path("title").asText()
                        + " » (CFItemTypeURI " + text(typeLink, "identifier")
                        + ") n'est pas défini dans le paquet (CFDefinitions.CFItemTypes).");
            }
            ItemType ourType = extension.path("type").isTextual()
                    ? enumOrNull(ItemType.class, extension.get("type").asText()) : null;
            TypeOf type = ourType != null ? TypeOf.of(ourType, caseType(item)) : typeOf(item, definedTypes);
            String parent = parentOf.get(entry.getKey());
            Boolean essential = extension.path("essential").isBoolean() ? extension.get("essential").asBoolean()
                    : null;
            items.add(new Item(codes.get(entry.getKey()), type.type(), type.label(),
                    item.path("fullStatement").asText(), parent == null ? null : codes.get(parent),
                    positions.get(entry.getKey()), context(item), essential));
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
        FrameworkKind kind = kindOverride != null ? kindOverride
                : documentExtension.path("kind").isTextual()
                ? enumOrNull(FrameworkKind.class, documentExtension.get("kind").asText()) : null;
        FrameworkStatus status = status(document.path("adoptionStatus").asText(null));
        Header header = new Header(code, kind != null ? kind : FrameworkKind.OCCUPATIONAL_FRAMEWORK, title,
                issuer(document, ours), newVersion ? directory.freeVersion(code, packageVersion) : packageVersion,
                newVersion || status == FrameworkStatus.PUBLISHED ? FrameworkStatus.DRAFT : status,
                date(document.path("statusStartDate")), note(document), documentExtension.path("rncpCode").asText(null),
                document.path("description").asText(null),
                documentExtension.path("masteryTolerance").canConvertToInt()
                        ? documentExtension.get("masteryTolerance").asInt() : null,
                documentExtension.path("sourceDocument").asText(null));

        if (!derived) {
            // Another server's package: every node is kept as received, to be written back on export.
            nodes.add(node(Kind.DOCUMENT, "", keepIdentity, null, document));
            if (root.path("CFDefinitions").isObject()) {
                nodes.add(new Node(Kind.DEFINITIONS, "", null, null, (ObjectNode) root.get("CFDefinitions").deepCopy()));
            }
            if (root.path("CFRubrics").isArray()) {
                ObjectNode rubrics = json.createObjectNode();
                rubrics.set("CFRubrics", root.get("CFRubrics").deepCopy());
                nodes.add(new Node(Kind.RUBRICS, "", null, null, rubrics));
            }
            for (var entry : itemsById.entrySet()) {
                String itemCode = codes.get(entry.getKey());
                nodes.add(node(Kind.ITEM, itemCode, keepIdentity, null, entry.getValue()));
                JsonNode parentLink = parentLinks.get(entry.getKey());
                if (parentLink != null) {
                    nodes.add(node(Kind.PARENT, itemCode, keepIdentity, positions.get(entry.getKey()), parentLink));
                }
            }
            for (int i = 0; i < associations.size(); i++) {
                nodes.add(node(Kind.ASSOCIATION, matchKey(associations.get(i)), keepIdentity, null,
                        associationNodes.get(i)));
            }
        }
        return new Parsed(new CanonicalFramework(CanonicalFramework.FORMAT, header, items, exams, associations),
                nodes, status, newVersion);
    }

    /** A node as received, without Referentia's own extension (written again on export). */
    private static Node node(Kind kind, String key, boolean keepIdentity, Integer rank, JsonNode received) {
        ObjectNode content = (ObjectNode) received.deepCopy();
        JsonNode extensions = content.path("extensions");
        if (extensions.isObject()) {
            ((ObjectNode) extensions).remove(EXTENSION);
            if (extensions.isEmpty()) {
                content.remove("extensions");
            }
        }
        return new Node(kind, key, keepIdentity ? text(received, "identifier") : null, rank, content);
    }

    /**
     * Positions among siblings, as CASE orders them: the {@code sequenceNumber} of each item's isChildOf
     * wins; {@code listEnumeration} orders what has none (numbers by value, « a. », « A »… as text); then the
     * package's order. Positions are the sequence numbers when every sibling has a distinct one, else the
     * numeric list enumerations when every sibling has a distinct one, else the ranks (1, 2, 3…).
     */
    private static Map<String, Integer> positions(Map<String, JsonNode> itemsById, Map<String, String> parentOf,
            Map<String, Integer> sequenceOf) {
        Map<String, List<String>> siblings = new LinkedHashMap<>();
        itemsById.keySet().forEach(id -> siblings.computeIfAbsent(parentOf.get(id), key -> new ArrayList<>()).add(id));
        Map<String, Integer> positions = new HashMap<>();
        for (List<String> group : siblings.values()) {
            Comparator<String> bySequence = Comparator.comparing((String id) -> sequenceOf.get(id),
                    Comparator.nullsLast(Comparator.<Integer>naturalOrder()));
            Comparator<String> byEnumeration = Comparator.comparing(
                    (String id) -> itemsById.get(id).path("listEnumeration").asText(null),
                    Comparator.nullsLast(CasePackage::compareEnumerations));
            List<String> ordered = new ArrayList<>(group);
            ordered.sort(bySequence.thenComparing(byEnumeration)); // stable: the package's order last
            List<Integer> sequences = ordered.stream().map(sequenceOf::get).toList();
            List<Integer> enumerations = ordered.stream()
                    .map(id -> integer(itemsById.get(id).path("listEnumeration").asText(null))).toList();
            List<Integer> chosen = distinctPositive(sequences) ? sequences
                    : sequences.stream().allMatch(Objects::isNull) && distinctPositive(enumerations) ? enumerations
                    : null;
            for (int i = 0; i < ordered.size(); i++) {
                positions.put(ordered.get(i), chosen != null ? chosen.get(i) : i + 1);
            }
        }
        return positions;
    }

    private static boolean distinctPositive(List<Integer> numbers) {
        return numbers.stream().allMatch(n -> n != null && n >= 1) && new HashSet<>(numbers).size() == numbers.size();
    }

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    /** « 2 » before « 10 », « a. » before « b. »: digits by value, the rest as text without case. */
    static int compareEnumerations(String a, String b) {
        Matcher left = CHUNK.matcher(a.strip());
        Matcher right = CHUNK.matcher(b.strip());
        while (true) {
            boolean more = left.find();
            boolean moreOnTheRight = right.find();
            if (!more || !moreOnTheRight) {
                return Boolean.compare(more, moreOnTheRight);
            }
            String x = left.group();
            String y = right.group();
            boolean digits = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = digits ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareToIgnoreCase(y);
            if (order != 0) {
                return order;
            }
        }
    }

    /** A CASE item type, as Referentia reads it: one of ours by name, label or typeCode, else OTHER with its title. */
    record TypeOf(ItemType type, String label) {

        static TypeOf of(ItemType type, String caseType) {
            return new TypeOf(type, type != ItemType.OTHER ? null
                    : caseType == null || caseType.isBlank() ? "Sans type" : caseType);
        }
    }

    static TypeOf typeOf(JsonNode item, Map<String, JsonNode> definedTypes) {
        String caseType = caseType(item);
        ItemType type = typeOf(caseType);
        JsonNode definition = definedTypes.get(item.path("CFItemTypeURI").path("identifier").asText(""));
        if (type == ItemType.OTHER && definition != null) {
            type = typeOf(definition.path("typeCode").asText(null));
        }
        return TypeOf.of(type, caseType);
    }

    private static String caseType(JsonNode item) {
        return item.path("CFItemType").isTextual() ? item.get("CFItemType").asText()
                : item.path("CFItemTypeURI").path("title").asText(null);
    }

    /** The item's code as the import gives it: its humanCodingScheme made a valid code, else one from its identifier. */
    private static String code(JsonNode item) {
        String human = item.path("humanCodingScheme").asText("").strip();
        if (human.isEmpty()) {
            return "ITEM-" + uuid(text(item, "identifier")).toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
        return CODE.matcher(human).matches() ? human : sanitise(human);
    }

    /** An item's notes, as the item's context (at most 1,000 characters: longer notes stay in the kept node only). */
    private static String context(JsonNode item) {
        String notes = textOrNull(item, "notes");
        return notes == null || notes.length() > 1000 ? null : notes;
    }

    /** The document's notes, as the validation note (at most 500 characters: longer ones stay in the kept node only). */
    private static String note(JsonNode document) {
        String notes = textOrNull(document, "notes");
        return notes == null || notes.length() > MAX_NOTE ? null : notes;
    }

    /** The issuer: the publisher; for another server's package, its creator when it names no publisher. */
    private static String issuer(JsonNode document, boolean ours) {
        String publisher = textOrNull(document, "publisher");
        return publisher != null || ours ? publisher : textOrNull(document, "creator");
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
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
            String code = code(entry.getValue());
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
