package fr.referentia.certification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierFileRepository extends JpaRepository<DossierFile, UUID> {

    List<DossierFile> findByApplicationIdOrderByUploadedAtAsc(UUID applicationId);

    Optional<DossierFile> findByFileId(UUID fileId);
}
