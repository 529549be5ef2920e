package fr.referentia.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Append-only on purpose: a plain {@link Repository}, so no inherited update or delete method. */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    Optional<AuditEntry> findById(Long id);

    /** Entries done by the person or about them, newest first. */
    List<AuditEntry> findByActorIdOrSubjectIdOrderByOccurredAtDescIdDesc(UUID actorId, UUID subjectId, Limit limit);

    long countByActorIdOrSubjectId(UUID actorId, UUID subjectId);
}
