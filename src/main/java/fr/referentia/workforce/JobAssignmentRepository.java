package fr.referentia.workforce;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobAssignmentRepository extends JpaRepository<JobAssignment, UUID> {

    /** A person's assignments, newest first. */
    List<JobAssignment> findByPersonIdOrderBySinceDescRecordedAtDesc(UUID personId);

    Optional<JobAssignment> findFirstByPersonIdAndUntilIsNullOrderBySinceDesc(UUID personId);

    List<JobAssignment> findByOrganisationIdAndUntilIsNull(UUID organisationId);

    List<JobAssignment> findByTeamIdInAndUntilIsNull(Collection<UUID> teamIds);

    List<JobAssignment> findByPersonId(UUID personId);

    List<JobAssignment> findByOrganisationId(UUID organisationId);
}
