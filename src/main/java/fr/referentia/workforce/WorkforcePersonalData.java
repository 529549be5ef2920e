package fr.referentia.workforce;

import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What competency management keeps about a person, on « Mes données », in their archive and in their
 * erasure: their jobs, the assessments of their competencies (self and manager) with their evidence, and
 * the assessments they made of others as a manager. Retention: assessments and their evidence files are
 * kept {@value #RETENTION_YEARS} years (the evidence purpose's retention), jobs while the person belongs to
 * the organisation. On erasure the person's jobs, the assessments about them and their evidence (files
 * included) are deleted; the assessments they made of others stay with those people, the evidence they
 * added no longer names them.
 */
@Component
@Transactional
class WorkforcePersonalData implements PersonalDataContributor {

    static final int RETENTION_YEARS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private final AssessmentRepository assessments;
    private final AssessmentEvidenceRepository evidence;
    private final JobAssignmentRepository assignments;
    private final JobProfileRepository profiles;
    private final TeamRepository teams;
    private final FileStorage files;

    WorkforcePersonalData(AssessmentRepository assessments, AssessmentEvidenceRepository evidence,
            JobAssignmentRepository assignments, JobProfileRepository profiles, TeamRepository teams,
            FileStorage files) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.assignments = assignments;
        this.profiles = profiles;
        this.teams = teams;
        this.files = files;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> sections(Subject subject) {
        List<Section> sections = new ArrayList<>();
        List<List<String>> jobs = assignments.findByPersonIdOrderBySinceDescRecordedAtDesc(subject.userId()).stream()
                .map(a -> List.of(a.getJobProfileId() == null ? "" : profiles.findById(a.getJobProfileId())
                                .map(JobProfile::getTitle).orElse(""),
                        a.getTeamId() == null ? "" : teams.findById(a.getTeamId()).map(Team::getName).orElse(""),
                        a.getSince().format(DAY), a.getUntil() == null ? "" : a.getUntil().format(DAY)))
                .toList();
        if (!jobs.isEmpty()) {
            sections.add(new Section("postes", "Mes postes", List.of("Poste", "Équipe", "Depuis", "Jusqu'au"), jobs));
        }
        List<Assessment> mine = assessments.findByPersonIdOrderByAssessedAtDescIdAsc(subject.userId());
        if (!mine.isEmpty()) {
            List<UUID> ids = mine.stream().map(Assessment::getId).toList();
            List<AssessmentEvidence> proofs = evidence.findByAssessmentIdInOrderByAddedAtAsc(ids);
            List<List<String>> rows = mine.stream().map(a -> List.of(a.getFrameworkCode() + " (" + a.getFrameworkVersion()
                            + ") · " + a.getItemCode(), a.getSource().label(),
                    a.isNotObserved() ? "Pas eu l'occasion de le montrer" : String.valueOf(a.getLevel()),
                    a.getComment() == null ? "" : a.getComment(), a.getObservedOn().format(DAY),
                    MOMENT.format(a.getAssessedAt()),
                    String.join(", ", proofs.stream().filter(p -> p.getAssessmentId().equals(a.getId()))
                            .map(AssessmentEvidence::getLabel).toList())))
                    .toList();
            sections.add(new Section("evaluations-de-competences", "Évaluations de mes compétences (conservées "
                    + RETENTION_YEARS + " ans)", List.of("Compétence", "Source", "Niveau", "Commentaire", "Observée le",
                    "Enregistrée le", "Preuves"), rows));
        }
        List<List<String>> made = assessments.findByAssessorIdAndPersonIdNot(subject.userId(), subject.userId())
                .stream().map(a -> List.of(a.getFrameworkCode() + " · " + a.getItemCode(),
                        a.isNotObserved() ? "Pas eu l'occasion de le montrer" : String.valueOf(a.getLevel()),
                        MOMENT.format(a.getAssessedAt())))
                .toList();
        if (!made.isEmpty()) {
            sections.add(new Section("evaluations-faites", "Évaluations que j'ai faites en tant que manager",
                    List.of("Compétence", "Niveau", "Enregistrée le"), made));
        }
        return sections;
    }

    @Override
    public void erase(Subject subject) {
        List<Assessment> about = assessments.findByPersonIdOrderByAssessedAtDescIdAsc(subject.userId());
        if (!about.isEmpty()) {
            List<AssessmentEvidence> proofs = evidence.findByAssessmentIdInOrderByAddedAtAsc(
                    about.stream().map(Assessment::getId).toList());
            proofs.stream().map(AssessmentEvidence::getFileId).filter(java.util.Objects::nonNull)
                    .forEach(id -> files.find(id).ifPresent(f -> files.delete(id)));
            evidence.deleteAll(proofs);
            assessments.deleteAll(about);
        }
        assignments.deleteAll(assignments.findByPersonId(subject.userId()));
        evidence.findByAddedBy(subject.email()).forEach(e -> e.pseudonymiseAddedBy(ERASED_PERSON));
    }
}
