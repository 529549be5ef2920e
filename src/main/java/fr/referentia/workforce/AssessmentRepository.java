package fr.referentia.workforce;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentRepository extends JpaRepository<Assessment, UUID> {

    /** A person's assessments, newest first. */
    List<Assessment> findByPersonIdOrderByAssessedAtDescIdAsc(UUID personId);

    List<Assessment> findByPersonIdInOrderByAssessedAtDescIdAsc(Collection<UUID> personIds);

    List<Assessment> findByOrganisationIdOrderByAssessedAtDescIdAsc(UUID organisationId);

    List<Assessment> findByAssessorIdAndPersonIdNot(UUID assessorId, UUID personId);

    List<Assessment> findByAssessedAtBefore(java.time.Instant limit);
}
