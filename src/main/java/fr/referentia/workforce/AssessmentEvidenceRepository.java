package fr.referentia.workforce;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentEvidenceRepository extends JpaRepository<AssessmentEvidence, UUID> {

    List<AssessmentEvidence> findByAssessmentIdInOrderByAddedAtAsc(Collection<UUID> assessmentIds);

    Optional<AssessmentEvidence> findFirstByFileId(UUID fileId);

    List<AssessmentEvidence> findByAddedBy(String addedBy);
}
