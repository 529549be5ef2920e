package fr.referentia.workforce;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobProfileRepository extends JpaRepository<JobProfile, UUID> {

    List<JobProfile> findByOrganisationIdOrderByTitleAsc(UUID organisationId);

    List<JobProfile> findByOrganisationIdIsNullOrderByTitleAsc();

    Optional<JobProfile> findByTemplateKey(String templateKey);

    Optional<JobProfile> findByIdAndOrganisationId(UUID id, UUID organisationId);
}
