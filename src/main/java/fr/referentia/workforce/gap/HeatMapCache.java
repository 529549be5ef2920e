package fr.referentia.workforce.gap;

import fr.referentia.shared.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The organisations' analysed people, kept for {@link GapSettings#heatMapCacheTtl()} and dropped once anything
 * recorded about an organisation (an assessment, an assignment, a job profile: every such change is audited with
 * its organisation) commits on this node. Other nodes see the change within the time to live.
 */
@Component
class HeatMapCache {

    private final Map<UUID, HeatMaps.Computed> entries = new ConcurrentHashMap<>();
    private final GapSettings settings;

    HeatMapCache(GapSettings settings) {
        this.settings = settings;
    }

    HeatMaps.Computed get(UUID organisationId, Instant now, Supplier<HeatMaps.Computed> compute) {
        HeatMaps.Computed cached = entries.get(organisationId);
        if (cached != null && cached.at().plus(settings.heatMapCacheTtl()).isAfter(now)) {
            return cached;
        }
        HeatMaps.Computed fresh = compute.get();
        entries.put(organisationId, fresh);
        return fresh;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(AuditEvent event) {
        if (event.organisationId() != null) {
            entries.remove(event.organisationId());
        }
    }
}
