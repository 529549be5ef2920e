package fr.referentia.framework.exchange;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.shared.NotFoundException;
import java.util.HashMap;
import java.util.Map;

/** The referentials of this server, as a CASE exchange sees them: current versions and their items' identifiers. */
final class ReferentialDirectory implements CasePackage.Directory {

    private final FrameworkCatalog catalog;
    private Map<String, String> versions;
    private Map<String, CasePackage.ItemRef> byIdentifier;

    ReferentialDirectory(FrameworkCatalog catalog) {
        this.catalog = catalog;
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
        }
        return byIdentifier.get(identifier);
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
}
