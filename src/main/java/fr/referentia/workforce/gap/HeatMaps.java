package fr.referentia.workforce.gap;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.Sha256;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Style;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.Xlsx;
import fr.referentia.shared.spreadsheet.SpreadsheetWriter.XlsxSheet;
import fr.referentia.workforce.ProficiencyScale;
import fr.referentia.workforce.Workforce;
import fr.referentia.workforce.gap.GapAnalysis.Requirement;
import fr.referentia.workforce.scope.WorkforceScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's view of its competencies: the heat map (teams × required competencies), the most frequent
 * gaps and the draft plan de développement des compétences aggregated from the gaps (XLSX). The organisation's
 * HR sees everything; the observatory ({@code OBSERVER}) sees only the heat map's aggregates, under disclosure
 * control (R17). Every current member of a team with a job profile is analysed against that profile, from the
 * database in a few set queries; the result is kept per organisation for a short while and dropped as soon as
 * anything of the organisation changes on this node.
 */
@Service
@Transactional(readOnly = true)
public class HeatMaps {

    static final int FREQUENT_GAPS = 10;

    private final WorkforceScope scope;
    private final AccountAdministration administration;
    private final Workforce workforce;
    private final FrameworkCatalog catalog;
    private final GapSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HeatMapCache cache;

    HeatMaps(WorkforceScope scope, AccountAdministration administration, Workforce workforce, FrameworkCatalog catalog,
            GapSettings settings, JdbcClient jdbc, Clock clock, HeatMapCache cache) {
        this.cache = cache;
        this.scope = scope;
        this.administration = administration;
        this.workforce = workforce;
        this.catalog = catalog;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One analysed person: their team, and their gap to their job profile. */
    record Analysed(UUID personId, UUID teamId, List<GapAnalysis.Item> items) {
    }

    /**
     * An organisation's analysed people as kept, with the maps (by view: HR's, the observatory's) and the answers
     * made from them once, on first use.
     */
    record Computed(Instant at, List<HeatMap.Team> teams, List<Analysed> people, Map<String, HeatMap.Result> maps,
            Map<String, Rendered> answers) {

        Computed(Instant at, List<HeatMap.Team> teams, List<Analysed> people) {
            this(at, teams, people, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /**
     * A heat map's answer as written once: its bytes, the same compressed with gzip, and its tag (an HTTP
     * {@code ETag}: the view, HR's or the observatory's, and a digest of the bytes; so it changes with the answer,
     * and is the same when the map is computed again unchanged, on this node or another).
     */
    public record Rendered(String etag, byte[] body, byte[] gzipped) {
    }

    /** {@code aggregatesOnly}: the observatory's view, with cells under the threshold suppressed. */
    public record View(UUID organisationId, String organisationName, HeatMap.Result map, boolean aggregatesOnly,
            ProficiencyScale scale) {
    }

    /** One line of the draft plan: a competency, the people with a gap, the action, its priority and hours. */
    public record PlanLine(String priority, String frameworkCode, String itemCode, String text, String action,
            int people, List<String> names, int estimatedHours, int notAssessed) {
    }

    public View heatMap(String requesterEmail, UUID organisationId) {
        Seen seen = seen(requesterEmail, organisationId);
        return seen.view(workforce.scaleOf(organisationId));
    }

    /**
     * The heat map's answer as {@code render} writes it (the API's JSON), with the same checks as
     * {@link #heatMap}: written and compressed once per kept map and per view, then served as is until anything
     * of the organisation changes. The observatory's answer is another one (cells under the threshold
     * suppressed), with a tag of its own.
     */
    public Rendered heatMapAnswer(String requesterEmail, UUID organisationId, Function<View, byte[]> render) {
        Seen seen = seen(requesterEmail, organisationId);
        return seen.computed().answers().computeIfAbsent(seen.key(), key -> {
            byte[] body = render.apply(seen.view(workforce.scaleOf(organisationId)));
            return new Rendered("\"" + key + "-" + Sha256.hex(body).substring(0, 32) + "\"", body, gzip(body));
        });
    }

    /** Who asks, which view they get (its key in the kept map), and the map. */
    private record Seen(UUID organisationId, String name, boolean observer, String key, HeatMap.Result map,
            Computed computed) {

        View view(ProficiencyScale scale) {
            return new View(organisationId, name, map, observer, scale);
        }
    }

    private Seen seen(String requesterEmail, UUID organisationId) {
        AccountSummary requester = scope.requester(requesterEmail);
        boolean observer = requester.holds(Role.OBSERVER) && !scope.isHrOf(requester, organisationId);
        if (!observer) {
            scope.requireHr(requesterEmail, organisationId);
        }
        String name = organisationName(organisationId);
        Computed computed = computed(organisationId);
        int threshold = observer ? settings.disclosureThreshold() : 0;
        String key = observer ? "observer-" + threshold : "hr";
        HeatMap.Result map = computed.maps().computeIfAbsent(key, k -> HeatMap.of(computed.teams(), computed.people()
                .stream().map(p -> new HeatMap.Member(p.teamId(), p.items())).toList(), threshold, FREQUENT_GAPS));
        return new Seen(organisationId, name, observer, key, map, computed);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The draft plan (its HR only), most urgent first. */
    public List<PlanLine> draftPlan(String requesterEmail, UUID organisationId) {
        scope.requireHr(requesterEmail, organisationId);
        Computed computed = computed(organisationId);
        Map<String, GapAnalysis.Item> items = new LinkedHashMap<>();
        Map<String, Set<UUID>> gaps = new HashMap<>();
        Map<String, Integer> hours = new HashMap<>();
        Map<String, Integer> notAssessed = new HashMap<>();
        for (Analysed person : computed.people()) {
            for (GapAnalysis.Item item : person.items()) {
                String key = item.frameworkCode() + "/" + item.itemCode();
                items.merge(key, item, (a, b) -> a.essential() ? a : b);
                if (item.status() == GapStatus.GAP) {
                    gaps.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(person.personId());
                    hours.merge(key, item.missingLevels() * settings.hoursPerLevel(), Integer::sum);
                } else if (item.status() == GapStatus.NOT_ASSESSED) {
                    notAssessed.merge(key, 1, Integer::sum);
                }
            }
        }
        Set<UUID> everyone = new LinkedHashSet<>();
        gaps.values().forEach(everyone::addAll);
        Map<UUID, AccountSummary> names = scope.find(everyone);
        List<PlanLine> lines = new ArrayList<>();
        items.forEach((key, item) -> {
            Set<UUID> people = gaps.getOrDefault(key, Set.of());
            if (people.isEmpty()) {
                return;
            }
            lines.add(new PlanLine(item.essential() ? "Haute" : "Normale", item.frameworkCode(), item.itemCode(),
                    item.text(), "Formation", people.size(), people.stream()
                            .map(id -> names.containsKey(id) ? names.get(id).displayName() : "Compte supprimé")
                            .sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                    hours.getOrDefault(key, 0), notAssessed.getOrDefault(key, 0)));
        });
        lines.sort(Comparator.comparing((PlanLine l) -> l.priority().equals("Haute") ? 0 : 1)
                .thenComparing(PlanLine::people, Comparator.reverseOrder())
                .thenComparing(PlanLine::frameworkCode).thenComparing(PlanLine::itemCode));
        return lines;
    }

    public byte[] draftPlanXlsx(String requesterEmail, UUID organisationId) {
        List<PlanLine> lines = draftPlan(requesterEmail, organisationId);
        Xlsx workbook = SpreadsheetWriter.xlsx();
        XlsxSheet sheet = workbook.sheet("Plan de développement");
        sheet.row(List.of("Projet de plan de développement des compétences — " + organisationName(organisationId)
                + " — établi le " + LocalDate.now(clock) + " à partir des écarts aux fiches de poste"));
        sheet.row(Style.BOLD, List.of("Priorité", "Référentiel", "Code", "Compétence", "Action proposée",
                "Personnes concernées", "Noms", "Heures estimées", "Personnes non évaluées"));
        for (PlanLine line : lines) {
            sheet.row(Style.WRAPPED, List.of(line.priority(), line.frameworkCode(), line.itemCode(), line.text(),
                    line.action(), String.valueOf(line.people()), String.join(", ", line.names()),
                    String.valueOf(line.estimatedHours()), String.valueOf(line.notAssessed())));
        }
        sheet.columnWidth(3, 70);
        sheet.columnWidth(6, 40);
        return workbook.bytes();
    }

    /** Anything recorded about an organisation (an assessment, an assignment, a profile) drops its heat map. */
    public record OrganisationLink(UUID id, String name) {
    }

    /** The organisations whose heat map the observatory may read (aggregates only). */
    public List<OrganisationLink> organisationsForObserver(String requesterEmail) {
        if (!scope.requester(requesterEmail).holds(Role.OBSERVER)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "La vue d'ensemble des organismes est réservée à l'observatoire.");
        }
        return administration.organisations().stream().map(o -> new OrganisationLink(o.getId(), o.getName())).toList();
    }

    private String organisationName(UUID organisationId) {
        return administration.findOrganisation(organisationId)
                .orElseThrow(() -> new NotFoundException(WorkforceScope.UNKNOWN_ORGANISATION)).getName();
    }

    private Computed computed(UUID organisationId) {
        Instant now = clock.instant();
        return cache.get(organisationId, now, () -> compute(organisationId, now));
    }

    /** The organisation's teams and every current member's gap to their job profile, in four queries. */
    Computed compute(UUID organisationId, Instant now) {
        List<HeatMap.Team> teams = jdbc.sql("SELECT id, name FROM team WHERE organisation_id = ? ORDER BY name")
                .param(organisationId)
                .query((rs, n) -> new HeatMap.Team(rs.getObject(1, UUID.class), rs.getString(2))).list();
        Map<UUID, UUID[]> members = new LinkedHashMap<>();
        jdbc.sql("SELECT person_id, team_id, job_profile_id FROM job_assignment WHERE organisation_id = ? "
                        + "AND ended_on IS NULL AND team_id IS NOT NULL AND job_profile_id IS NOT NULL "
                        + "ORDER BY started_on DESC")
                .param(organisationId)
                .query(rs -> {
                    members.putIfAbsent(rs.getObject(1, UUID.class),
                            new UUID[] {rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)});
                });
        ItemTexts texts = new ItemTexts(catalog);
        Map<UUID, List<Requirement>> requirements = new HashMap<>();
        jdbc.sql("SELECT r.job_profile_id, r.framework_code, r.framework_version, r.item_code, r.required_level, "
                        + "r.importance FROM job_requirement r JOIN job_profile p ON p.id = r.job_profile_id "
                        + "WHERE p.organisation_id = ? ORDER BY r.job_profile_id, r.position")
                .param(organisationId)
                .query(rs -> {
                    requirements.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Requirement(rs.getString(2), rs.getString(4),
                                    texts.text(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5),
                                    "ESSENTIAL".equals(rs.getString(6))));
                });
        Map<UUID, Map<String, Integer[]>> levels = latestLevels(organisationId);
        List<Analysed> people = new ArrayList<>(members.size());
        members.forEach((personId, teamAndProfile) -> {
            Map<String, Integer[]> own = levels.getOrDefault(personId, Map.of());
            GapAnalysis.Result result = GapAnalysis.of(requirements.getOrDefault(teamAndProfile[1], List.of()),
                    r -> GapAnalyses.observed(own, r.key(), List.of()));
            people.add(new Analysed(personId, teamAndProfile[0], result.items()));
        });
        return new Computed(now, teams, people);
    }

    /** Each person's latest self and manager level of each competency ([self, manager], null when not observed). */
    Map<UUID, Map<String, Integer[]>> latestLevels(UUID organisationId) {
        Map<UUID, Map<String, Integer[]>> levels = new HashMap<>();
        jdbc.sql("SELECT person_id, framework_code, item_code, source, level_rank, not_observed FROM ("
                        + "SELECT a.person_id, a.framework_code, a.item_code, a.source, a.level_rank, a.not_observed, "
                        + "ROW_NUMBER() OVER (PARTITION BY a.person_id, a.framework_code, a.item_code, a.source "
                        + "ORDER BY a.assessed_at DESC, a.id) AS newest FROM assessment a WHERE a.organisation_id = ?) x "
                        + "WHERE newest = 1")
                .param(organisationId)
                .query(rs -> {
                    Integer[] pair = levels.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2) + "/" + rs.getString(3), k -> new Integer[2]);
                    int level = rs.getInt(5);
                    boolean noLevel = rs.wasNull();
                    pair["SELF".equals(rs.getString(4)) ? 0 : 1] = noLevel || rs.getBoolean(6) ? null : level;
                });
        return levels;
    }
}
