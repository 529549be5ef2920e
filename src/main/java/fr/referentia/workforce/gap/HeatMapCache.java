package fr.referentia.workforce.gap;

import fr.referentia.shared.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The organisations' analysed people (and the views and answers made from them), kept for
 * {@link GapSettings#heatMapCacheTtl()} and dropped once anything recorded about an organisation (an assessment,
 * an assignment, a job profile: every such change is audited with its organisation) commits on this node. Other
 * nodes see the change within the time to live. A map computed while a change of its organisation committed is
 * served once but not kept.
 */
@Component
class HeatMapCache {

    private final Map<UUID, HeatMaps.Computed> entries = new ConcurrentHashMap<>();
    /** How many changes of each organisation committed on this node. */
    private final Map<UUID, Long> changes = new ConcurrentHashMap<>();
    private final GapSettings settings;

    HeatMapCache(GapSettings settings) {
        this.settings = settings;
    }

    HeatMaps.Computed get(UUID organisationId, Instant now, Supplier<HeatMaps.Computed> compute) {
        HeatMaps.Computed cached = entries.get(organisationId);
        if (cached != null && cached.at().plus(settings.heatMapCacheTtl()).isAfter(now)) {
            return cached;
        }
        Long before = changes.get(organisationId);
        HeatMaps.Computed fresh = compute.get();
        synchronized (this) {
            // Expired maps (and their answers) of other organisations go too: nothing is kept longer than asked.
            entries.values().removeIf(e -> !e.at().plus(settings.heatMapCacheTtl()).isAfter(now));
            if (Objects.equals(before, changes.get(organisationId))) {
                entries.put(organisationId, fresh);
            }
        }
        return fresh;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(AuditEvent event) {
        if (event.organisationId() != null) {
            synchronized (this) {
                changes.merge(event.organisationId(), 1L, Long::sum);
                entries.remove(event.organisationId());
            }
        }
    }
}
