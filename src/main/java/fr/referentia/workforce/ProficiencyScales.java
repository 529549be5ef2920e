package fr.referentia.workforce;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's proficiency scale: the default four levels until its HR sets its own (2 to 10
 * levels, each with a label and a description). A scale that would drop a level still used by a job
 * profile or an assessment is refused.
 */
@Service
@Transactional
public class ProficiencyScales {

    public record LevelInput(String label, String description) {
    }

    private final ScaleLevelRepository levels;
    private final JobProfileRepository profiles;
    private final AssessmentRepository assessments;
    private final WorkforceAccess access;
    private final Workforce workforce;
    private final ApplicationEventPublisher events;

    ProficiencyScales(ScaleLevelRepository levels, JobProfileRepository profiles, AssessmentRepository assessments,
            WorkforceAccess access, Workforce workforce, ApplicationEventPublisher events) {
        this.levels = levels;
        this.profiles = profiles;
        this.assessments = assessments;
        this.access = access;
        this.workforce = workforce;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public ProficiencyScale scale(String requesterEmail, UUID organisationId) {
        access.requireMember(requesterEmail, organisationId);
        return workforce.scaleOf(organisationId);
    }

    public ProficiencyScale change(String requesterEmail, UUID organisationId, List<LevelInput> input) {
        access.requireHr(requesterEmail, organisationId);
        if (input == null || input.size() < 2 || input.size() > 10) {
            throw new BadInputException("Une échelle de maîtrise compte de 2 à 10 niveaux, du plus bas au plus haut.");
        }
        List<ProficiencyLevel> scale = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            LevelInput level = input.get(i);
            String where = "Niveau " + (i + 1) + " : ";
            scale.add(new ProficiencyLevel(i + 1,
                    Texts.oneLine(level == null ? null : level.label(), where + "le libellé", 60, true),
                    Texts.multiLine(level == null ? null : level.description(), where + "la description", 1000) == null
                            ? "" : Texts.multiLine(level.description(), where + "la description", 1000)));
        }
        int highestUsed = Math.max(
                profiles.findByOrganisationIdOrderByTitleAsc(organisationId).stream()
                        .flatMap(p -> p.getRequirements().stream()).mapToInt(JobRequirement::getLevel).max().orElse(0),
                assessments.findByOrganisationIdOrderByAssessedAtDescIdAsc(organisationId).stream()
                        .filter(a -> a.getLevel() != null).mapToInt(Assessment::getLevel).max().orElse(0));
        if (highestUsed > scale.size()) {
            throw new BadInputException("Le niveau " + highestUsed + " est utilisé par une fiche de poste ou une "
                    + "évaluation : l'échelle doit garder au moins " + highestUsed + " niveaux.");
        }
        levels.deleteByOrganisationId(organisationId);
        levels.flush();
        scale.forEach(level -> levels.save(new ScaleLevel(organisationId, level)));
        levels.flush();
        events.publishEvent(AuditEvent.of("PROFICIENCY_SCALE_CHANGED", "ORGANISATION", organisationId.toString())
                .organisation(organisationId).by(requesterEmail));
        return new ProficiencyScale(scale);
    }
}
