package fr.referentia.account;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only two changes the audit trail accepts, both required by the GDPR: anonymising a
 * person who asked for erasure, and purging entries past their retention period. Nothing else
 * in the application updates or deletes an entry.
 */
@Component
class AuditMaintenance {

    private final EntityManager entityManager;

    AuditMaintenance(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Replaces the person's e-mail (as author) and their e-mail and name (in the before/after
     * states) by the pseudonym, in every entry by them or about them. Returns how many changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int anonymise(UUID userId, String email, String displayName, String pseudonymEmail, String pseudonymName) {
        entityManager.flush();
        PersonalDataScrubber scrubber = new PersonalDataScrubber(email, pseudonymEmail, displayName, pseudonymName);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, actor_email, before_json, after_json FROM audit_entry
                WHERE actor_id = :user OR subject_id = :user OR actor_email = :email""")
                .setParameter("user", userId).setParameter("email", email).getResultList();
        for (Object[] row : rows) {
            String actorEmail = (String) row[1];
            boolean byThem = actorEmail != null && actorEmail.equalsIgnoreCase(email);
            entityManager.createNativeQuery("""
                    UPDATE audit_entry SET actor_email = :actor, before_json = :before, after_json = :after
                    WHERE id = :id""")
                    .setParameter("actor", byThem ? pseudonymEmail : actorEmail)
                    .setParameter("before", scrubber.scrubJson((String) row[2]))
                    .setParameter("after", scrubber.scrubJson((String) row[3]))
                    .setParameter("id", ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        entityManager.clear(); // loaded entries would show the old values
        return rows.size();
    }

    /** Deletes the entries that occurred before the cut-off; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    int purgeBefore(Instant cutoff) {
        return entityManager.createQuery("delete from AuditEntry e where e.occurredAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
