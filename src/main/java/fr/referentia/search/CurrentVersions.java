package fr.referentia.search;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The current (latest published) version of each referential, held in memory instead of being read
 * from the database on every search. This node forgets it as soon as a change to a referential is
 * committed here (every publication, import or edit publishes an {@code AuditEvent} on a
 * {@code FRAMEWORK}); other nodes, which see no such event, re-read it at most
 * {@code referentia.search.current-versions-refresh} after their last read (10 s by default). A
 * short re-read interval was chosen over a version stamp checked on every search because that check
 * would itself be the per-search query this class removes; ten seconds of delay on another node after
 * a publication is acceptable for search, and a single-node deployment sees it at once.
 */
@Component
public class CurrentVersions {

    private record Snapshot(Map<String, String> labels, Instant readAt) {
    }

    private final FrameworkCatalog catalog;
    private final Clock clock;
    private final Duration refresh;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    CurrentVersions(FrameworkCatalog catalog, Clock clock,
            @Value("${referentia.search.current-versions-refresh:10s}") Duration refresh) {
        this.catalog = catalog;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The version label of the current version of each referential, by code. */
    public Map<String, String> labels() {
        Snapshot held = snapshot;
        Instant now = clock.instant();
        if (held != null && now.isBefore(held.readAt().plus(refresh))) {
            return held.labels();
        }
        long before = generation.get();
        Snapshot read = new Snapshot(Map.copyOf(catalog.currentVersionLabels()), now);
        // A change committed while reading makes this reading stale: do not keep it.
        if (generation.get() == before) {
            snapshot = read;
        }
        return read.labels();
    }

    /** Forgets the versions held after any committed change to a referential (publication included). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void frameworkChanged(AuditEvent event) {
        if ("FRAMEWORK".equals(event.objectType())) {
            forget();
        }
    }

    void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }
}
