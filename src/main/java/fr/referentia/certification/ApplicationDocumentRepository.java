package fr.referentia.certification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, UUID> {

    List<ApplicationDocument> findByApplicationIdOrderByUploadedAtAsc(UUID applicationId);

    Optional<ApplicationDocument> findByFileId(UUID fileId);

    List<ApplicationDocument> findByApplicationIdInOrderByUploadedAtAsc(java.util.Collection<UUID> applicationIds);
}
