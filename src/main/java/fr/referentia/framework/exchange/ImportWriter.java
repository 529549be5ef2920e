package fr.referentia.framework.exchange;

import fr.referentia.framework.CanonicalFramework.Header;
import fr.referentia.framework.Framework;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkImporter;
import fr.referentia.framework.FrameworkStatus;
import fr.referentia.framework.FrameworkVersions;
import fr.referentia.framework.ImportProgress;
import fr.referentia.shared.ConflictException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a parsed file in one transaction: the referential version ({@link FrameworkImporter}), the CASE
 * nodes it keeps ({@link CaseNodes}) and, for a CASE package whose {@code adoptionStatus} is « Adopted », its
 * publication through {@link FrameworkVersions#publish} (audited, by the person who imports, dated by the
 * package's {@code statusStartDate}). A refusal at any step changes nothing.
 */
@Service
class ImportWriter {

    private final FrameworkImporter importer;
    private final FrameworkVersions versions;
    private final FrameworkCatalog catalog;
    private final CaseNodes nodes;
    private final Clock clock;

    ImportWriter(FrameworkImporter importer, FrameworkVersions versions, FrameworkCatalog catalog, CaseNodes nodes,
            Clock clock) {
        this.importer = importer;
        this.versions = versions;
        this.catalog = catalog;
        this.nodes = nodes;
        this.clock = clock;
    }

    @Transactional
    public Framework write(CasePackage.Parsed parsed, String owner, ImportProgress progress) {
        Header header = parsed.framework().framework();
        if (parsed.newVersion()) {
            // One draft at a time per referential, as when a draft is opened by hand.
            catalog.versions(header.code(), true).stream().filter(row -> row.status() == FrameworkStatus.DRAFT)
                    .findFirst().ifPresent(draft -> {
                        throw new ConflictException("Ce paquet CASE est une nouvelle version du référentiel « "
                                + header.code() + " », qui a déjà une version brouillon « " + draft.version()
                                + " » en cours : publiez-la avant d'importer une nouvelle version. Rien n'a été importé.");
                    });
        }
        Framework framework = importer.importFramework(parsed.framework(), progress);
        if (!parsed.nodes().isEmpty()) {
            nodes.save(framework.getId(), parsed.nodes());
        }
        if (!parsed.publish()) {
            return framework;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate adopted = header.validationDate() != null && !header.validationDate().isAfter(today)
                ? header.validationDate() : today;
        return versions.publish(header.code(), header.version(), adopted, header.validationNote(), owner);
    }
}
