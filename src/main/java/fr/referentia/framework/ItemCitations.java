package fr.referentia.framework;

import fr.referentia.shared.policy.Decision;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves {@link ItemCitation}s: the cited item as its version holds it, the latest published version
 * of a referential, and what became of a cited item in a newer published version ({@link ItemSuccessor},
 * from the version diff), so that a citation can be offered a migration. Only versions a reader may see
 * are cited: published or retired, never a draft (it reads as unknown).
 */
@Service
@Transactional(readOnly = true)
public class ItemCitations {

    private final FrameworkRepository frameworks;
    private final ItemRepository items;
    private final FrameworkCatalog catalog;

    ItemCitations(FrameworkRepository frameworks, ItemRepository items, FrameworkCatalog catalog) {
        this.frameworks = frameworks;
        this.items = items;
        this.catalog = catalog;
    }

    /**
     * The cited item: its text, type (as a person reads it), parent, essential flag (elements only), with
     * the referential's title and the cited version's status.
     */
    public record CitedItem(ItemCitation citation, String frameworkTitle, FrameworkStatus versionStatus,
            ItemType type, String typeName, String text, String parentCode, Boolean essential) {
    }

    /** The cited item; a 404 ({@link FrameworkNotFoundException}) naming what is unknown: referential, version or item. */
    public CitedItem resolve(ItemCitation citation) {
        Framework version = citedVersion(citation);
        FrameworkItem item = items.findByFrameworkAndCode(version, citation.itemCode())
                .orElseThrow(() -> new FrameworkNotFoundException("La version « " + citation.version()
                        + " » du référentiel « " + citation.frameworkCode() + " » n'a pas d'élément de code « "
                        + citation.itemCode() + " »."));
        return new CitedItem(citation, version.getTitle(), version.getStatus(), item.getType(),
                item.getTypeLabel() != null ? item.getTypeLabel() : item.getType().label(), item.getText(),
                item.getParentCode(), item.getEssential());
    }

    /** The label of the latest published version of the referential; empty when none is published. */
    public Optional<String> latestPublishedVersion(String frameworkCode) {
        return frameworks.findFirstByCodeAndStatusOrderByCreatedAtDescIdDesc(frameworkCode, FrameworkStatus.PUBLISHED)
                .map(Framework::getVersion);
    }

    /**
     * What became of the cited item in {@code newerVersion}, a published version made after the cited
     * one; refused (400) for any other version, 404 when the citation or the version is unknown.
     */
    public ItemSuccessor successor(ItemCitation citation, String newerVersion) {
        resolve(citation);
        Framework newer = catalog.version(citation.frameworkCode(), newerVersion, false);
        Decision.allowedIf(newer.getStatus() == FrameworkStatus.PUBLISHED
                        && isAfter(citation.frameworkCode(), newerVersion, citation.version()),
                "La version « " + newerVersion + " » du référentiel « " + citation.frameworkCode()
                        + " » n'est pas une version publiée plus récente que la version citée « " + citation.version()
                        + " ».").orBadInput();
        VersionDiff.Result diff = catalog.diff(citation.frameworkCode(), newerVersion, citation.version(), false);
        return ItemSuccessor.of(citation, newerVersion, diff);
    }

    /**
     * What became of the cited item in the latest published version of its referential; empty when the
     * citation already cites it (or a version published later than every other).
     */
    public Optional<ItemSuccessor> successorInLatest(ItemCitation citation) {
        resolve(citation);
        return latestPublishedVersion(citation.frameworkCode())
                .filter(latest -> !latest.equals(citation.version()))
                .filter(latest -> isAfter(citation.frameworkCode(), latest, citation.version()))
                .map(latest -> successor(citation, latest));
    }

    /** Whether {@code version} was made after {@code other}, both versions of the referential {@code code}. */
    private boolean isAfter(String code, String version, String other) {
        List<String> newestFirst = frameworks.findAllByCodeOrderByCreatedAtDescIdDesc(code).stream()
                .map(Framework::getVersion).toList();
        return newestFirst.indexOf(version) < newestFirst.indexOf(other);
    }

    private Framework citedVersion(ItemCitation citation) {
        return catalog.version(citation.frameworkCode(), citation.version(), false);
    }
}
