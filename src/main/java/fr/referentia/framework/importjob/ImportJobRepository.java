package fr.referentia.framework.importjob;

import fr.referentia.framework.ImportProgress.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ImportJobRepository extends JpaRepository<ImportJob, UUID> {

    Optional<ImportJob> findByIdAndOwner(UUID id, String owner);

    List<ImportJob> findByOwnerOrderByCreatedAtDesc(String owner, Pageable page);

    @Modifying
    @Query("update ImportJob j set j.status = fr.referentia.framework.importjob.ImportStatus.RUNNING,"
            + " j.phase = :phase, j.processed = :processed, j.total = :total, j.updatedAt = :now where j.id = :id")
    int progress(UUID id, Phase phase, int processed, int total, Instant now);

    @Modifying
    @Query("update ImportJob j set j.status = fr.referentia.framework.importjob.ImportStatus.DONE,"
            + " j.processed = :total, j.total = :total, j.frameworkCode = :code, j.frameworkVersion = :version,"
            + " j.updatedAt = :now, j.finishedAt = :now where j.id = :id")
    int done(UUID id, int total, String code, String version, Instant now);

    @Modifying
    @Query("update ImportJob j set j.status = fr.referentia.framework.importjob.ImportStatus.FAILED,"
            + " j.message = :message, j.problems = :problems, j.updatedAt = :now, j.finishedAt = :now"
            + " where j.id = :id")
    int failed(UUID id, String message, String problems, Instant now);
}
