package fr.referentia.workforce;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, UUID> {

    List<Team> findByOrganisationIdOrderByNameAsc(UUID organisationId);

    List<Team> findByManagerIdOrderByNameAsc(UUID managerId);

    Optional<Team> findByIdAndOrganisationId(UUID id, UUID organisationId);

    boolean existsByOrganisationIdAndNameIgnoreCase(UUID organisationId, String name);
}
