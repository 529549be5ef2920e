package fr.referentia.workforce.gap;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.ItemType;
import fr.referentia.search.ConfirmedMatches;
import fr.referentia.workforce.ProficiencyScale;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gap of every employee of the branch to their job profile and to some certifications, from the database: the
 * figures the observatory aggregates, and what the GPEC benchmark measures. No person-level data leaves this class:
 * only counts and mean coverages.
 * <p>
 * It follows {@link GapAnalyses} rule for rule: an employee's job is their newest assignment if it is current and
 * has a job profile; the level of a competency is the latest assessment of each source (self, manager; « not
 * observed » counts as no level), the manager's counting when there is one; a certification's competency is read
 * from itself and from its confirmed matches, the best level of each source counting. The database gives each
 * person's latest level of each competency and source, already in person order, from an index alone
 * ({@code ix_assessment_latest}: no sort, no visit of the table); the job profiles and the jobs are small and read
 * whole; each person's gaps are computed as their rows go by. The people are read in parallel ranges of their ids,
 * one connection each. Only two assessments of the same person, competency and source recorded at the same
 * microsecond could be told apart differently (any of them here, the smallest id in {@link GapAnalyses}).
 */
@Service
@Transactional(readOnly = true)
public class BranchGaps {

    /** Rows fetched at a time: they are streamed through a cursor, never all in memory. */
    static final int FETCH_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final FrameworkCatalog catalog;
    private final ConfirmedMatches matches;

    BranchGaps(JdbcClient jdbc, DataSource dataSource, FrameworkCatalog catalog, ConfirmedMatches matches) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.matches = matches;
    }

    /**
     * @param people           employees with a current job profile
     * @param requirementsMet  required competencies at level, over all of them
     * @param requirements     required competencies, over all of them
     * @param jobCoverage      mean coverage of their job profile
     * @param certificationCoverage mean coverage of each certification
     */
    public record Totals(int people, long requirementsMet, long requirements, double jobCoverage,
            Map<String, Double> certificationCoverage) {
    }

    /**
     * One employee's figures, as {@link GapAnalysis} computes them one by one.
     *
     * @param certificationCoverage in the order of the certifications asked for
     */
    record PersonGaps(int requirements, int met, double jobCoverage, double[] certificationCoverage) {
    }

    public Totals everyone(List<String> certificationCodes) {
        Map<UUID, PersonGaps> people = byPerson(certificationCodes);
        long met = 0;
        long total = 0;
        double jobSum = 0;
        double[] certificationSums = new double[certificationCodes.size()];
        for (PersonGaps person : people.values()) {
            met += person.met();
            total += person.requirements();
            jobSum += person.jobCoverage();
            for (int c = 0; c < certificationSums.length; c++) {
                certificationSums[c] += person.certificationCoverage()[c];
            }
        }
        int count = people.size();
        Map<String, Double> certificationCoverage = new LinkedHashMap<>();
        for (int c = 0; c < certificationSums.length; c++) {
            certificationCoverage.put(certificationCodes.get(c), count == 0 ? 0 : certificationSums[c] / count);
        }
        return new Totals(count, met, total, count == 0 ? 0 : jobSum / count, certificationCoverage);
    }

    /** A required level of a competency (its key: referential code / item code). */
    private record Required(String key, int level) {
    }

    /** A certification's competency and the keys it is read from (itself first, then its confirmed matches). */
    private record CertificationItem(String[] keys) {
    }

    /** Every employee with a current job profile and their figures. */
    Map<UUID, PersonGaps> byPerson(List<String> certificationCodes) {
        int certificationLevel = GapAnalyses.certificationLevel(ProficiencyScale.DEFAULT);
        List<List<CertificationItem>> certifications = new ArrayList<>();
        for (String code : certificationCodes) {
            Map<String, List<ConfirmedMatches.Match>> matched = matches.of(code);
            List<CertificationItem> items = new ArrayList<>();
            for (var item : catalog.items(code, ItemType.COMPETENCY)) {
                List<String> keys = new ArrayList<>();
                keys.add(code + "/" + item.code());
                matched.getOrDefault(item.code(), List.of()).forEach(m -> keys.add(m.frameworkCode() + "/" + m.itemCode()));
                items.add(new CertificationItem(keys.toArray(String[]::new)));
            }
            certifications.add(items);
        }
        Map<UUID, List<Required>> profiles = new HashMap<>();
        jdbc.sql("SELECT job_profile_id, framework_code, item_code, required_level FROM job_requirement "
                        + "ORDER BY job_profile_id, position")
                .query(rs -> {
                    profiles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Required(rs.getString(2) + "/" + rs.getString(3), rs.getInt(4)));
                });
        // As Workforce.factsOf: the newest assignment, if current and with a job profile.
        Map<UUID, List<Required>> jobs = new HashMap<>();
        jdbc.sql("SELECT person_id, job_profile_id FROM (SELECT person_id, job_profile_id, ended_on, ROW_NUMBER() OVER "
                        + "(PARTITION BY person_id ORDER BY started_on DESC, recorded_at DESC) AS newest FROM job_assignment) a "
                        + "WHERE newest = 1 AND ended_on IS NULL AND job_profile_id IS NOT NULL")
                .query(rs -> {
                    jobs.put(rs.getObject(1, UUID.class), profiles.getOrDefault(rs.getObject(2, UUID.class), List.of()));
                });
        Calculator calculator = new Calculator(jobs, certifications, certificationLevel);
        int partitions = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Map<UUID, PersonGaps>> parts = new ArrayList<>();
        if (partitions == 1) {
            parts.add(read(calculator, null, null));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(partitions);
            try {
                List<Future<Map<UUID, PersonGaps>>> futures = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    UUID from = p == 0 ? null : boundary(p, partitions);
                    UUID to = p == partitions - 1 ? null : boundary(p + 1, partitions);
                    futures.add(pool.submit(() -> read(calculator, from, to)));
                }
                for (Future<Map<UUID, PersonGaps>> future : futures) {
                    parts.add(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while computing the branch's gaps", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("The branch's gaps could not be computed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Map<UUID, PersonGaps> people = new HashMap<>(jobs.size() * 2);
        parts.forEach(people::putAll);
        // Employees with no assessment at all: nothing met.
        jobs.forEach((person, required) -> people.computeIfAbsent(person, p -> calculator.gaps(required, Map.of())));
        return people;
    }

    /** The first id of partition {@code p} of {@code count} (uuids compare as unsigned bytes). */
    static UUID boundary(int p, int count) {
        return new UUID((long) (p * (0x1_0000_0000L / count)) << 32, 0);
    }

    /** The employees with an id in [from, to) (null: unbounded) and an assessment, on a connection of its own. */
    private Map<UUID, PersonGaps> read(Calculator calculator, UUID from, UUID to) {
        String range = (from == null ? "" : " AND person_id >= ?") + (to == null ? "" : " AND person_id < ?");
        // Per person and competency: the latest self level * 16 + the latest manager level (0: none, not observed;
        // levels are 1 to 10, ck_proficiency_level_rank).
        String sql = "SELECT person_id, framework_code || '/' || item_code, "
                + "MAX(CASE WHEN source = 'SELF' THEN level ELSE 0 END) * 16 "
                + "+ MAX(CASE WHEN source = 'SELF' THEN 0 ELSE level END) FROM ("
                + "SELECT DISTINCT ON (person_id, framework_code, item_code, source) person_id, framework_code, item_code, "
                + "source, CASE WHEN not_observed THEN 0 ELSE COALESCE(level_rank, 0) END AS level FROM assessment "
                + "WHERE 1 = 1" + range + " ORDER BY person_id, framework_code, item_code, source, assessed_at DESC) latest "
                + "GROUP BY person_id, framework_code, item_code ORDER BY person_id";
        Map<UUID, PersonGaps> people = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                int at = 1;
                if (from != null) {
                    statement.setObject(at++, from);
                }
                if (to != null) {
                    statement.setObject(at, to);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    String current = null;
                    Map<String, Integer> levels = new HashMap<>();
                    while (rs.next()) {
                        String person = rs.getString(1);
                        if (!person.equals(current)) {
                            calculator.finish(current, levels, people);
                            current = person;
                            levels.clear();
                        }
                        levels.put(rs.getString(2), rs.getInt(3));
                    }
                    calculator.finish(current, levels, people);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The latest assessments could not be read", e);
        }
        return people;
    }

    /** One person's gaps from their levels (by key: self * 16 + manager, 0 for none). */
    private record Calculator(Map<UUID, List<Required>> jobs, List<List<CertificationItem>> certifications,
            int certificationLevel) {

        void finish(String person, Map<String, Integer> levels, Map<UUID, PersonGaps> people) {
            if (person == null) {
                return;
            }
            UUID id = UUID.fromString(person);
            List<Required> required = jobs.get(id);
            if (required != null) {
                people.put(id, gaps(required, levels));
            }
        }

        PersonGaps gaps(List<Required> required, Map<String, Integer> levels) {
            int met = 0;
            for (Required r : required) {
                Integer pair = levels.get(r.key());
                if (pair != null && counted(pair >> 4, pair & 15) >= r.level()) {
                    met++;
                }
            }
            double[] coverage = new double[certifications.size()];
            for (int c = 0; c < coverage.length; c++) {
                List<CertificationItem> items = certifications.get(c);
                int certified = 0;
                for (CertificationItem item : items) {
                    int self = 0;
                    int manager = 0;
                    for (String key : item.keys()) {
                        Integer pair = levels.get(key);
                        if (pair != null) {
                            self = Math.max(self, pair >> 4);
                            manager = Math.max(manager, pair & 15);
                        }
                    }
                    if (counted(self, manager) >= certificationLevel) {
                        certified++;
                    }
                }
                coverage[c] = coverage(certified, items.size());
            }
            return new PersonGaps(required.size(), met, coverage(met, required.size()), coverage);
        }

        /** The manager's level when there is one, else the person's own (0: not assessed). */
        private static int counted(int self, int manager) {
            return manager > 0 ? manager : self;
        }
    }

    /** As {@link GapAnalysis.Result#coverage()}: the share met, to the thousandth; 0 when nothing is required. */
    private static double coverage(int met, int size) {
        return size == 0 ? 0 : Math.round(1000.0 * met / size) / 1000.0;
    }
}
