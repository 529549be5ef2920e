package fr.referentia;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records, in every test context, each change of the readiness state with the number of
 * referentials in the database at that moment: what the start-up looked like from outside.
 */
@Component
public class ReadinessHistory {

    public record Change(ReadinessState state, int frameworks) {
    }

    private final JdbcTemplate jdbc;
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    ReadinessHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AvailabilityChangeEvent<ReadinessState> event) {
        Integer frameworks = jdbc.queryForObject("select count(distinct code) from framework", Integer.class);
        changes.add(new Change(event.getState(), frameworks == null ? 0 : frameworks));
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }
}
