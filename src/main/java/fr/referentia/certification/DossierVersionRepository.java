package fr.referentia.certification;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierVersionRepository extends JpaRepository<DossierVersion, DossierVersion.Key> {

    List<DossierVersion> findByApplicationIdOrderByNumberAsc(UUID applicationId);
}
