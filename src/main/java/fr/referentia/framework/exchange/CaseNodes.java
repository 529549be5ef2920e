package fr.referentia.framework.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes of imported CASE packages as they were received (table {@code case_node}, V24), so that an export
 * writes back every field of another server's package and the identifiers it gave (see {@link CasePackage}).
 * A version without nodes of its own (a draft opened from an imported version) reads those of the latest
 * earlier version of the same referential that has some: identifiers stay from one version to the next.
 */
@Component
class CaseNodes {

    enum Kind {
        /** The CFDocument; its identifier, when kept, names the referential (a second import is a new version). */
        DOCUMENT,
        /** CFDefinitions and CFRubrics of the package, as received. */
        DEFINITIONS,
        RUBRICS,
        /** A CFItem, keyed by the item's code. */
        ITEM,
        /** The isChildOf that places an item in the tree, keyed by the item's code, with the item's position. */
        PARENT,
        /** Any other CFAssociation, keyed by {@link CasePackage#matchKey}. */
        ASSOCIATION
    }

    /** {@code identifier}: the identifier the node keeps on export; null when Referentia derives it. */
    record Node(Kind kind, String key, String identifier, Integer rank, ObjectNode content) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CaseNodes(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes the nodes of a version just imported, in the caller's transaction. */
    void save(long frameworkId, List<Node> nodes) {
        jdbc.batchUpdate("INSERT INTO case_node (framework_id, kind, node_key, identifier, item_rank, content) "
                + "VALUES (?, ?, ?, ?, ?, ?)", nodes, 500, (statement, node) -> {
                    statement.setLong(1, frameworkId);
                    statement.setString(2, node.kind().name());
                    statement.setString(3, node.key());
                    statement.setString(4, node.identifier());
                    statement.setObject(5, node.rank(), java.sql.Types.INTEGER);
                    statement.setString(6, write(node.content()));
                });
    }

    /** The nodes a version exports with: its own, else those of the latest earlier version that has some. */
    List<Node> of(String code, String version) {
        List<Map<String, Object>> versions = jdbc.queryForList("SELECT f.id, f.version FROM framework f "
                + "WHERE f.code = ? AND f.created_at <= (SELECT g.created_at FROM framework g WHERE g.code = ? AND g.version = ?) "
                + "AND EXISTS (SELECT 1 FROM case_node n WHERE n.framework_id = f.id AND n.kind = 'DOCUMENT') "
                + "ORDER BY f.created_at DESC, f.id DESC", code, code, version);
        if (versions.isEmpty()) {
            return List.of();
        }
        Object id = versions.stream().filter(row -> version.equals(row.get("version"))).findFirst()
                .orElse(versions.get(0)).get("id");
        return jdbc.query("SELECT kind, node_key, identifier, item_rank, content FROM case_node WHERE framework_id = ? "
                + "ORDER BY id", (rs, row) -> new Node(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                (Integer) rs.getObject(4), read(rs.getString(5))), id);
    }

    /** The code of the referential an imported CFDocument identifier names (its latest version's), or null. */
    String codeOfDocument(String identifier) {
        return jdbc.query("SELECT f.code FROM case_node n JOIN framework f ON f.id = n.framework_id "
                        + "WHERE n.identifier = ? AND n.kind = 'DOCUMENT' ORDER BY f.created_at DESC, f.id DESC",
                (rs, row) -> rs.getString(1), identifier).stream().findFirst().orElse(null);
    }

    /** An item of a current version that keeps the identifier and URI of the package it came from. */
    record KeptItem(String frameworkCode, String itemCode, String identifier, String uri) {
    }

    /** The items of the current published versions ({@code currentVersions}: code → version) that keep identifiers. */
    List<KeptItem> keptItems(Map<String, String> currentVersions) {
        List<KeptItem> found = new java.util.ArrayList<>();
        currentVersions.forEach((code, version) -> of(code, version).stream()
                .filter(node -> node.kind() == Kind.ITEM && node.identifier() != null)
                .forEach(node -> found.add(new KeptItem(code, node.key(), node.identifier(),
                        node.content().path("uri").asText("urn:uuid:" + node.identifier())))));
        return found;
    }

    private String write(ObjectNode content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read(String content) {
        try {
            return (ObjectNode) json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
