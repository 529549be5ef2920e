package fr.referentia.workforce;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScaleLevelRepository extends JpaRepository<ScaleLevel, ScaleLevel.Key> {

    List<ScaleLevel> findByOrganisationIdOrderByRankAsc(UUID organisationId);

    void deleteByOrganisationId(UUID organisationId);
}
