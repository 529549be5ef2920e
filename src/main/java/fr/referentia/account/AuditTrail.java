package fr.referentia.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.audit.AuditEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: the public API to record what happened (directly, or by publishing an
 * {@link AuditEvent}) and, for administrators, to browse and export it.
 */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;
    static final int MAX_JSON = 100_000;
    private static final int EXPORT_CHUNK = 500;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,79}");

    private final AuditEntryRepository entries;
    private final UserAccountRepository users;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(AuditEntryRepository entries, UserAccountRepository users, EntityManager entityManager,
            ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.users = users;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** Records the event in the caller's transaction: the change and its trace stand or fall together. */
    @Transactional
    public AuditEntry record(AuditEvent event) {
        if (!CODE.matcher(event.action()).matches() || !CODE.matcher(event.objectType()).matches()) {
            throw new IllegalArgumentException("Audit action and object type are upper-case codes: " + event);
        }
        String email = event.actorEmail() != null ? event.actorEmail() : signedInPerson();
        String actorEmail = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        UUID actorId = actorEmail == null ? null : users.findByEmail(actorEmail).map(UserAccount::getId).orElse(null);
        return entries.save(new AuditEntry(clock.instant(), actorId, actorEmail, event.action(), event.objectType(),
                event.objectId(), event.subjectId(), event.organisationId(), toJson(event.before()),
                toJson(event.after())));
    }

    /** Other modules publish {@link AuditEvent}s; recorded synchronously, in the publisher's transaction. */
    @EventListener
    @Transactional
    public void on(AuditEvent event) {
        record(event);
    }

    public record AuditPage(List<AuditEntry> entries, int page, int pageCount, long total) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pageCount;
        }
    }

    /** One page of the entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, int page) {
        if (page < 0) {
            throw new BadInputException("Le numéro de page ne peut pas être négatif.");
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEntry> countRoot = count.from(AuditEntry.class);
        count.select(cb.count(countRoot)).where(matching(filter, cb, countRoot, null));
        long total = entityManager.createQuery(count).getSingleResult();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page >= pageCount) {
            // Checked before the offset is computed: page × size would overflow an int far past the end.
            throw new BadInputException("La page " + (page + 1) + " n'existe pas : le journal en compte "
                    + pageCount + " pour ces filtres.");
        }
        List<AuditEntry> found = entityManager.createQuery(newestFirst(filter, null))
                .setFirstResult(page * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return new AuditPage(found, page, pageCount, total);
    }

    /** Every entry matching the filter, newest first, as they were when the export started. */
    @Transactional(readOnly = true)
    public void export(AuditFilter filter, Consumer<AuditEntry> sink) {
        Long lastId = entityManager.createQuery("select max(e.id) from AuditEntry e", Long.class).getSingleResult();
        if (lastId == null) {
            return;
        }
        for (int offset = 0; ; offset += EXPORT_CHUNK) {
            List<AuditEntry> chunk = entityManager.createQuery(newestFirst(filter, lastId))
                    .setFirstResult(offset).setMaxResults(EXPORT_CHUNK).getResultList();
            chunk.forEach(sink);
            entityManager.clear();
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /** The object types present in the trail, for the filter's list. */
    @Transactional(readOnly = true)
    public List<String> objectTypes() {
        return entityManager.createQuery("select distinct e.objectType from AuditEntry e order by e.objectType",
                String.class).getResultList();
    }

    private CriteriaQuery<AuditEntry> newestFirst(AuditFilter filter, Long upToId) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> root = query.from(AuditEntry.class);
        return query.select(root).where(matching(filter, cb, root, upToId))
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
    }

    private Predicate[] matching(AuditFilter filter, CriteriaBuilder cb, Root<AuditEntry> root, Long upToId) {
        List<Predicate> where = new ArrayList<>();
        if (filter.person() != null) {
            where.add(cb.like(cb.lower(root.get("actorEmail")), contains(filter.person()), '\\'));
        }
        if (filter.objectType() != null) {
            where.add(cb.equal(root.get("objectType"), filter.objectType()));
        }
        if (filter.objectCode() != null) {
            where.add(cb.like(cb.lower(root.get("objectId")), contains(filter.objectCode()), '\\'));
        }
        if (filter.from() != null) {
            Instant start = filter.from().atStartOfDay(clock.getZone()).toInstant();
            where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), start));
        }
        if (filter.to() != null) {
            Instant end = filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            where.add(cb.lessThan(root.get("occurredAt"), end));
        }
        if (upToId != null) {
            where.add(cb.lessThanOrEqualTo(root.get("id"), upToId));
        }
        return where.toArray(Predicate[]::new);
    }

    private static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            String text = json.writeValueAsString(state);
            if (text.length() > MAX_JSON) {
                throw new IllegalArgumentException("Audit state over " + MAX_JSON + " characters: record a summary");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state cannot be written as JSON", e);
        }
    }

    private static String signedInPerson() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }
}
