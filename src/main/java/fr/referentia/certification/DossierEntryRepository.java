package fr.referentia.certification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierEntryRepository extends JpaRepository<DossierEntry, DossierEntry.Key> {

    List<DossierEntry> findByApplicationId(java.util.UUID applicationId);
}
