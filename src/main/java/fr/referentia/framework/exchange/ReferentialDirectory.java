package fr.referentia.framework.exchange;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.FrameworkViews.VersionRow;
import fr.referentia.shared.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The referentials of this server, as a CASE exchange sees them: current versions, their items' identifiers
 * (derived, or kept from the package they were imported from) and the CFDocuments imported before.
 */
final class ReferentialDirectory implements CasePackage.Directory {

    private final FrameworkCatalog catalog;
    private final CaseNodes nodes;
    private Map<String, String> versions;
    private Map<String, CasePackage.ItemRef> byIdentifier;
    private Map<CasePackage.ItemRef, CaseNodes.KeptItem> kept;

    ReferentialDirectory(FrameworkCatalog catalog, CaseNodes nodes) {
        this.catalog = catalog;
        this.nodes = nodes;
    }

    @Override
    public String currentVersion(String frameworkCode) {
        if (versions == null) {
            versions = catalog.currentVersionLabels();
        }
        return versions.get(frameworkCode);
    }

    @Override
    public CasePackage.ItemRef item(String identifier) {
        if (byIdentifier == null) {
            // Built once per exchange, and only when a package points outside itself.
            byIdentifier = new HashMap<>();
            currentVersion("");
            versions.forEach((code, version) -> {
                for (ItemRow row : catalog.items(code, null)) {
                    byIdentifier.put(CasePackage.itemId(code, version, row.code()).toString(),
                            new CasePackage.ItemRef(code, row.code()));
                }
            });
            kept().values().forEach(item -> byIdentifier.put(item.identifier(),
                    new CasePackage.ItemRef(item.frameworkCode(), item.itemCode())));
        }
        return byIdentifier.get(identifier);
    }

    @Override
    public CaseNodes.KeptItem keptItem(String frameworkCode, String itemCode) {
        return kept().get(new CasePackage.ItemRef(frameworkCode, itemCode));
    }

    private Map<CasePackage.ItemRef, CaseNodes.KeptItem> kept() {
        if (kept == null) {
            currentVersion("");
            kept = new HashMap<>();
            nodes.keptItems(versions).forEach(item ->
                    kept.put(new CasePackage.ItemRef(item.frameworkCode(), item.itemCode()), item));
        }
        return kept;
    }

    @Override
    public boolean exists(String frameworkCode, String itemCode) {
        try {
            catalog.item(frameworkCode, itemCode);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public String codeOfDocument(String identifier) {
        return nodes.codeOfDocument(identifier);
    }

    @Override
    public boolean versionExists(String frameworkCode, String version) {
        if (!catalog.exists(frameworkCode)) {
            return false;
        }
        List<VersionRow> all = catalog.versions(frameworkCode, true);
        return all.stream().anyMatch(row -> row.version().equals(version));
    }
}
