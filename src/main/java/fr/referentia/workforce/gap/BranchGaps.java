package fr.referentia.workforce.gap;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.ItemType;
import fr.referentia.search.ConfirmedMatches;
import fr.referentia.workforce.ProficiencyScale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gap of every employee of the branch to their job profile and to some certifications, computed by the
 * database in one statement: the figures the observatory aggregates, and what the GPEC benchmark measures. No
 * person-level data leaves this class: only counts and mean coverages.
 * <p>
 * The statement follows {@link GapAnalyses} rule for rule: an employee's job is their newest assignment if it is
 * current and has a job profile; the level of a competency is the latest assessment of each source (self, manager;
 * « not observed » counts as no level), the manager's counting when there is one; a certification's competency is
 * read from itself and from its confirmed matches, the best level of each source counting. The latest assessment
 * of a source is found without sorting: each row's time and level are packed in one number whose maximum, per
 * person, competency and source, is the latest row (with its level in the low bits). Only two assessments of the
 * same person, competency and source recorded at the same microsecond could be told apart differently (the
 * highest level wins here, the smallest id in {@link GapAnalyses}).
 */
@Service
@Transactional(readOnly = true)
public class BranchGaps {

    /** Level codes take the low byte of the packed number; 255 means « no level » (not observed). */
    private static final int NO_LEVEL = 255;

    private final JdbcClient jdbc;
    private final FrameworkCatalog catalog;
    private final ConfirmedMatches matches;

    BranchGaps(JdbcClient jdbc, FrameworkCatalog catalog, ConfirmedMatches matches) {
        this.jdbc = jdbc;
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

    /** Every employee with a current job profile and their figures, from one statement. */
    Map<UUID, PersonGaps> byPerson(List<String> certificationCodes) {
        int certificationLevel = GapAnalyses.certificationLevel(ProficiencyScale.DEFAULT);
        // The certifications' competencies, each read from itself and from the items it is matched to.
        List<Object> parameters = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        int[] sizes = new int[certificationCodes.size()];
        for (int c = 0; c < certificationCodes.size(); c++) {
            String code = certificationCodes.get(c);
            Map<String, List<ConfirmedMatches.Match>> matched = matches.of(code);
            for (var item : catalog.items(code, ItemType.COMPETENCY)) {
                sizes[c]++;
                List<String[]> sources = new ArrayList<>();
                sources.add(new String[] {code, item.code()});
                matched.getOrDefault(item.code(), List.of())
                        .forEach(m -> sources.add(new String[] {m.frameworkCode(), m.itemCode()}));
                for (String[] source : sources) {
                    values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
                    parameters.addAll(List.of(c, item.code(), source[0], source[1]));
                }
            }
        }
        if (values.isEmpty()) {
            // No certification (or none with competencies): a relation with no row, of the same columns.
            values.append("(?, ?, ?, ?)");
            parameters.addAll(List.of(-1, "", "", ""));
        }
        StringBuilder perCertification = new StringBuilder();
        for (int c = 0; c < certificationCodes.size(); c++) {
            perCertification.append(", SUM(CASE WHEN certification = ").append(c).append(" AND COALESCE(manager, self) >= ")
                    .append(certificationLevel).append(" THEN 1 ELSE 0 END) AS met_").append(c);
        }
        StringBuilder selectCertifications = new StringBuilder();
        for (int c = 0; c < certificationCodes.size(); c++) {
            selectCertifications.append(", c.met_").append(c);
        }
        String packed = "CAST(EXTRACT(EPOCH FROM assessed_at) * 1000000 AS BIGINT) * 256 + "
                + "COALESCE(CASE WHEN not_observed THEN NULL ELSE level_rank END, " + NO_LEVEL + ")";
        String sql = "WITH latest AS ("
                + "SELECT person_id, framework_code, item_code, "
                + "NULLIF(MOD(MAX(CASE WHEN source = 'SELF' THEN " + packed + " END), 256), " + NO_LEVEL + ") AS self, "
                + "NULLIF(MOD(MAX(CASE WHEN source <> 'SELF' THEN " + packed + " END), 256), " + NO_LEVEL + ") AS manager "
                + "FROM assessment GROUP BY person_id, framework_code, item_code), "
                + "jobs AS (SELECT person_id, job_profile_id FROM (SELECT person_id, job_profile_id, ended_on, "
                + "ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY started_on DESC, recorded_at DESC) AS newest "
                + "FROM job_assignment) a WHERE newest = 1 AND ended_on IS NULL AND job_profile_id IS NOT NULL), "
                + "job_gaps AS (SELECT j.person_id, COUNT(r.item_code) AS required, "
                + "SUM(CASE WHEN COALESCE(l.manager, l.self) >= r.required_level THEN 1 ELSE 0 END) AS met "
                + "FROM jobs j LEFT JOIN job_requirement r ON r.job_profile_id = j.job_profile_id "
                + "LEFT JOIN latest l ON l.person_id = j.person_id AND l.framework_code = r.framework_code "
                + "AND l.item_code = r.item_code GROUP BY j.person_id), "
                + "certification_item (certification, item_code, source_framework, source_item) AS (VALUES " + values + "), "
                + "certification_levels AS (SELECT l.person_id, m.certification, m.item_code, MAX(l.self) AS self, "
                + "MAX(l.manager) AS manager FROM latest l JOIN certification_item m "
                + "ON m.source_framework = l.framework_code AND m.source_item = l.item_code "
                + "GROUP BY l.person_id, m.certification, m.item_code), "
                + "certification_gaps AS (SELECT person_id" + perCertification + " FROM certification_levels "
                + "GROUP BY person_id) "
                + "SELECT g.person_id, g.required, g.met" + selectCertifications + " FROM job_gaps g "
                + "LEFT JOIN certification_gaps c ON c.person_id = g.person_id";
        Map<UUID, PersonGaps> people = new HashMap<>();
        jdbc.sql(sql).params(parameters).query(rs -> {
            int required = rs.getInt(2);
            int met = rs.getInt(3);
            double[] certifications = new double[sizes.length];
            for (int c = 0; c < sizes.length; c++) {
                certifications[c] = coverage(rs.getInt(4 + c), sizes[c]);
            }
            people.put(rs.getObject(1, UUID.class), new PersonGaps(required, met, coverage(met, required),
                    certifications));
        });
        return people;
    }

    /** As {@link GapAnalysis.Result#coverage()}: the share met, to the thousandth; 0 when nothing is required. */
    private static double coverage(int met, int size) {
        return size == 0 ? 0 : Math.round(1000.0 * met / size) / 1000.0;
    }
}
