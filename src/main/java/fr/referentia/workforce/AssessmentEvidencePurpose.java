package fr.referentia.workforce;

import fr.referentia.shared.files.FileLimits;
import fr.referentia.shared.files.FilePurpose;
import fr.referentia.shared.files.StoredFile;
import java.time.Period;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence of an assessment (a certificate, a piece of work, a screenshot): PDF, office documents,
 * images or text, 10 MB a file, 100 MB per person, kept 6 years (then purged with the files). Read by
 * whoever may read the assessed person's assessments (themself, their manager, their HR).
 */
@Component
class AssessmentEvidencePurpose implements FilePurpose {

    static final String NAME = "gpec-preuve";
    static final DataSize MAX_FILE = DataSize.ofMegabytes(10);
    static final Period RETENTION = Period.ofYears(6);

    private final AssessmentEvidenceRepository evidence;
    private final AssessmentRepository assessments;
    private final WorkforceAccess access;

    AssessmentEvidencePurpose(AssessmentEvidenceRepository evidence, AssessmentRepository assessments,
            WorkforceAccess access) {
        this.evidence = evidence;
        this.assessments = assessments;
        this.access = access;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Preuve d'une évaluation de compétence";
    }

    @Override
    public FileLimits limits() {
        return FileLimits.of(Set.of(FileLimits.PDF, FileLimits.DOCX, FileLimits.ODT, FileLimits.PNG, FileLimits.JPEG,
                FileLimits.TEXT), MAX_FILE, DataSize.ofMegabytes(100), RETENTION);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(Authentication who, StoredFile file) {
        if (who.getName().equalsIgnoreCase(file.owner())) {
            return true;
        }
        return evidence.findFirstByFileId(file.id()).flatMap(e -> assessments.findById(e.getAssessmentId()))
                .map(a -> access.relationTo(who.getName(), a.getOrganisationId(), a.getPersonId()).isPresent())
                .orElse(false);
    }
}
