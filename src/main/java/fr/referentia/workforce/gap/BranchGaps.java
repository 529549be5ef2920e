package fr.referentia.workforce.gap;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.ItemType;
import fr.referentia.search.ConfirmedMatches;
import fr.referentia.workforce.ProficiencyScale;
import fr.referentia.workforce.gap.GapAnalysis.Requirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gap of every employee of the branch to their job profile and to some certifications, from the database in
 * one pass (the assessments are read once, person by person): the figures the observatory aggregates, and what
 * the GPEC benchmark measures. No person-level data leaves: only counts and mean coverages.
 */
@Service
@Transactional(readOnly = true)
public class BranchGaps {

    /** Rows fetched at a time from the assessments: they are streamed through a cursor, never all in memory. */
    static final int FETCH_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final FrameworkCatalog catalog;
    private final ConfirmedMatches matches;

    BranchGaps(JdbcClient jdbc, DataSource dataSource, FrameworkCatalog catalog, ConfirmedMatches matches) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
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

    public Totals everyone(List<String> certificationCodes) {
        int certificationLevel = GapAnalyses.certificationLevel(ProficiencyScale.DEFAULT);
        Map<String, List<Requirement>> certifications = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> matched = new HashMap<>();
        for (String code : certificationCodes) {
            certifications.put(code, catalog.items(code, ItemType.COMPETENCY).stream()
                    .map(item -> new Requirement(code, item.code(), "", certificationLevel, true)).toList());
            Map<String, List<String>> keys = new HashMap<>();
            matches.of(code).forEach((item, list) -> keys.put(code + "/" + item,
                    list.stream().map(m -> m.frameworkCode() + "/" + m.itemCode()).toList()));
            matched.put(code, keys);
        }
        Map<UUID, List<Requirement>> profiles = new HashMap<>();
        jdbc.sql("SELECT job_profile_id, framework_code, item_code, required_level, importance FROM job_requirement "
                        + "ORDER BY job_profile_id, position")
                .query(rs -> {
                    profiles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Requirement(rs.getString(2), rs.getString(3), "", rs.getInt(4),
                                    "ESSENTIAL".equals(rs.getString(5))));
                });
        Map<UUID, UUID> jobs = new HashMap<>();
        jdbc.sql("SELECT person_id, job_profile_id FROM job_assignment WHERE ended_on IS NULL AND job_profile_id IS NOT NULL")
                .query(rs -> {
                    jobs.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                });
        long[] met = new long[1];
        long[] total = new long[1];
        double[] jobSum = new double[1];
        Map<String, double[]> certificationSums = new LinkedHashMap<>();
        certificationCodes.forEach(code -> certificationSums.put(code, new double[1]));
        int[] people = new int[1];
        PersonLevels current = new PersonLevels();
        Runnable finish = () -> {
            if (current.person == null) {
                return;
            }
            UUID profile = jobs.get(current.person);
            if (profile != null) {
                people[0]++;
                GapAnalysis.Result job = GapAnalysis.of(profiles.getOrDefault(profile, List.of()),
                        r -> GapAnalyses.observed(current.levels, r.key(), List.of()));
                met[0] += job.count(GapStatus.MET);
                total[0] += job.items().size();
                jobSum[0] += job.coverage();
                certifications.forEach((code, requirements) -> {
                    Map<String, List<String>> keys = matched.get(code);
                    certificationSums.get(code)[0] += GapAnalysis.of(requirements, r -> GapAnalyses.observed(
                            current.levels, r.key(), keys.getOrDefault(r.key(), List.of()))).coverage();
                });
            }
        };
        streaming.query("SELECT person_id, framework_code, item_code, source, level_rank, not_observed, assessed_at "
                        + "FROM assessment ORDER BY person_id", rs -> {
                    UUID person = rs.getObject(1, UUID.class);
                    if (!person.equals(current.person)) {
                        finish.run();
                        current.reset(person);
                    }
                    int level = rs.getInt(5);
                    boolean noLevel = rs.wasNull() || rs.getBoolean(6);
                    current.offer(rs.getString(2) + "/" + rs.getString(3), "SELF".equals(rs.getString(4)) ? 0 : 1,
                            noLevel ? null : level, rs.getTimestamp(7).getTime());
                });
        finish.run();
        Map<String, Double> certificationCoverage = new LinkedHashMap<>();
        certificationSums.forEach((code, sum) -> certificationCoverage.put(code, people[0] == 0 ? 0 : sum[0] / people[0]));
        return new Totals(people[0], met[0], total[0], people[0] == 0 ? 0 : jobSum[0] / people[0], certificationCoverage);
    }

    /** One person's latest level by competency and source, as the rows come. */
    private static final class PersonLevels {

        UUID person;
        final Map<String, Integer[]> levels = new HashMap<>();
        final Map<String, long[]> times = new HashMap<>();

        void reset(UUID next) {
            person = next;
            levels.clear();
            times.clear();
        }

        void offer(String key, int source, Integer level, long at) {
            long[] when = times.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
            if (at >= when[source]) {
                when[source] = at;
                levels.computeIfAbsent(key, k -> new Integer[2])[source] = level;
            }
        }
    }
}
