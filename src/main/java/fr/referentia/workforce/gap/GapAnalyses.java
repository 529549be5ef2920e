package fr.referentia.workforce.gap;

import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.ItemRow;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.framework.ItemType;
import fr.referentia.search.ConfirmedMatches;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.policy.Decision;
import fr.referentia.workforce.AssessmentSource;
import fr.referentia.workforce.Importance;
import fr.referentia.workforce.ProficiencyScale;
import fr.referentia.workforce.VaeThresholds;
import fr.referentia.workforce.Workforce;
import fr.referentia.workforce.Workforce.AssessedCompetency;
import fr.referentia.workforce.Workforce.EmployeeFacts;
import fr.referentia.workforce.Workforce.JobProfileSummary;
import fr.referentia.workforce.gap.GapAnalysis.Observed;
import fr.referentia.workforce.gap.GapAnalysis.Requirement;
import fr.referentia.workforce.scope.WorkforceScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's gap analysis: against their job profile, another job profile of the organisation (mobility), or a
 * certification referential (through the confirmed matches of the comparison module where the certification's
 * items are not the ones assessed), with the next steps and, for a certification, the VAE suggestion (R2's
 * threshold from {@link VaeThresholds}). The person, their manager and their organisation's HR see it.
 */
@Service
@Transactional(readOnly = true)
public class GapAnalyses {

    private final Workforce workforce;
    private final WorkforceScope scope;
    private final FrameworkCatalog catalog;
    private final ConfirmedMatches matches;
    private final ObjectProvider<VaeThresholds> thresholds;
    private final GapSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    GapAnalyses(Workforce workforce, WorkforceScope scope, FrameworkCatalog catalog, ConfirmedMatches matches,
            ObjectProvider<VaeThresholds> thresholds, GapSettings settings, JdbcClient jdbc, Clock clock) {
        this.workforce = workforce;
        this.scope = scope;
        this.catalog = catalog;
        this.matches = matches;
        this.thresholds = thresholds;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum TargetKind { JOB_PROFILE, CERTIFICATION }

    /** What the analysis compares with: a job profile (its id) or a certification (its code). */
    public record Target(TargetKind kind, String id, String title) {
    }

    /** One suggested next step, in French, with the page it leads to (or null). */
    public record NextStep(String text, String href) {
    }

    public record Vae(boolean suggested, String reason, String href, int thresholdYears, double seniorityYears) {
    }

    public record GapView(UUID organisationId, UUID personId, String displayName, Target target, double coverage,
            List<GapAnalysis.Item> items, Vae vae, ProficiencyScale scale, List<NextStep> nextSteps,
            List<JobProfileSummary> otherProfiles, List<Summary> certifications) {

        public boolean vaeSuggested() {
            return vae != null && vae.suggested();
        }

        public long count(GapStatus status) {
            return items.stream().filter(i -> i.status() == status).count();
        }
    }

    /**
     * The gap of a person: to {@code jobProfileId} if given, else to {@code certificationCode} if given, else to
     * their current job profile.
     */
    public GapView gap(String requesterEmail, UUID organisationId, UUID personId, UUID jobProfileId,
            String certificationCode) {
        return gap(requesterEmail, organisationId, personId, jobProfileId, certificationCode, false);
    }

    /**
     * As {@link #gap(String, UUID, UUID, UUID, String)}; with {@code targetOptional}, a person without a job profile
     * and no target asked for gets an empty analysis (target null) instead of a refusal: the page then asks for one.
     */
    public GapView gap(String requesterEmail, UUID organisationId, UUID personId, UUID jobProfileId,
            String certificationCode, boolean targetOptional) {
        scope.relation(requesterEmail, organisationId, personId);
        AccountSummary person = scope.personIn(organisationId, personId);
        ProficiencyScale scale = workforce.scaleOf(organisationId);
        Optional<EmployeeFacts> facts = workforce.factsOf(personId);
        List<AssessedCompetency> latest = workforce.latestAssessments(personId);
        Map<String, Integer[]> levels = levels(latest);
        ItemTexts texts = new ItemTexts(catalog);
        Target target;
        GapAnalysis.Result result;
        Vae vae = null;
        if (jobProfileId == null && (certificationCode == null || certificationCode.isBlank())) {
            if (targetOptional && facts.map(EmployeeFacts::jobProfileId).isEmpty()) {
                return new GapView(organisationId, personId, person.displayName(), null, 0, List.of(), null, scale,
                        List.of(), workforce.jobProfiles(organisationId),
                        catalog.list().stream().filter(s -> s.kind().isCertification()).toList());
            }
            jobProfileId = facts.map(EmployeeFacts::jobProfileId).orElseThrow(() -> new BadInputException(
                    person.displayName() + " n'occupe aucun poste avec une fiche de poste : choisissez une fiche de poste "
                            + "(jobProfile) ou une certification (certification) à comparer."));
        }
        if (jobProfileId != null) {
            UUID profileId = jobProfileId;
            JobProfileSummary profile = workforce.jobProfile(organisationId, profileId)
                    .orElseThrow(() -> new NotFoundException("Fiche de poste introuvable."));
            target = new Target(TargetKind.JOB_PROFILE, profile.id().toString(), profile.title());
            result = GapAnalysis.of(requirements(profile, texts), r -> observed(levels, r.key(), List.of()));
        } else {
            String code = certificationCode.strip();
            Summary certification = catalog.list().stream().filter(s -> s.code().equals(code)).findFirst()
                    .filter(s -> s.kind().isCertification())
                    .orElseThrow(() -> new NotFoundException("Certification « " + code + " » introuvable parmi les "
                            + "référentiels publiés (CQP et titres)."));
            target = new Target(TargetKind.CERTIFICATION, code, certification.title());
            Map<String, List<ConfirmedMatches.Match>> matched = matches.of(code);
            int level = certificationLevel(scale);
            List<Requirement> requirements = catalog.items(code, ItemType.COMPETENCY).stream()
                    .map((ItemRow item) -> new Requirement(code, item.code(), item.text(), level, true)).toList();
            result = GapAnalysis.of(requirements, r -> observed(levels, r.key(),
                    matched.getOrDefault(r.itemCode(), List.of()).stream()
                            .map(m -> m.frameworkCode() + "/" + m.itemCode()).toList()));
            vae = vae(code, result.coverage(), seniorityYears(personId, facts));
        }
        return new GapView(organisationId, personId, person.displayName(), target, result.coverage(), result.items(), vae,
                scale, nextSteps(organisationId, personId, result, vae), workforce.jobProfiles(organisationId),
                catalog.list().stream().filter(s -> s.kind().isCertification()).toList());
    }

    /** The required level of a certification's competencies: mastery (3 of the default 4 levels). */
    static int certificationLevel(ProficiencyScale scale) {
        return Math.max(1, (int) Math.ceil(scale.size() * 0.75));
    }

    Vae vae(String certificationCode, double coverage, double seniority) {
        int years = thresholds.getIfAvailable(() -> VaeThresholds.DEFAULT).yearsFor(certificationCode);
        Decision decision = VaeSuggestionPolicy.checkAll(new VaeSuggestionPolicy.Request(coverage, seniority, years));
        String href = "/referentiels/" + certificationCode;
        return new Vae(decision.isAllowed(), decision.isAllowed()
                ? "Votre portefeuille couvre " + Math.round(coverage * 100) + " % de la certification et votre ancienneté ("
                        + String.format(java.util.Locale.FRENCH, "%.1f", seniority) + " ans) atteint le seuil de recevabilité de "
                        + years + " ans : une VAE est possible."
                : decision.reason(), href, years, seniority);
    }

    /**
     * Years of activity in the organisation (R2: activity related to the certification): from the hiring date HR
     * entered or the first job recorded in the organisation, whichever is earlier; 0 if neither is known.
     */
    private double seniorityYears(UUID personId, Optional<EmployeeFacts> facts) {
        LocalDate since = facts.map(EmployeeFacts::hiredOn).orElse(null);
        LocalDate hired = jdbc.sql("SELECT hired_on FROM employment WHERE person_id = ?").param(personId)
                .query(LocalDate.class).optional().orElse(null);
        if (since == null || hired != null && hired.isBefore(since)) {
            since = hired;
        }
        if (since == null) {
            return 0;
        }
        return Math.max(0, ChronoUnit.DAYS.between(since, LocalDate.now(clock)) / 365.25);
    }

    private List<NextStep> nextSteps(UUID organisationId, UUID personId, GapAnalysis.Result result, Vae vae) {
        List<NextStep> steps = new ArrayList<>();
        String plan = "/gpec/organismes/" + organisationId + "/personnes/" + personId + "/plan-de-developpement";
        if (vae != null && vae.suggested()) {
            steps.add(new NextStep("Candidater à la certification par la VAE : consultez le référentiel et ses modalités.",
                    vae.href()));
        }
        for (GapAnalysis.Item item : result.items()) {
            if (item.status() == GapStatus.GAP) {
                steps.add(new NextStep("Formation pour atteindre le niveau requis (" + item.missingLevels()
                        + " niveau(x) à gagner) : " + item.itemCode() + " — " + item.text(), plan));
            }
        }
        long notAssessed = result.count(GapStatus.NOT_ASSESSED);
        if (notAssessed > 0) {
            steps.add(new NextStep(notAssessed + " compétence(s) à évaluer (auto-évaluation puis évaluation du manager).",
                    null));
        }
        return steps;
    }

    static List<Requirement> requirements(JobProfileSummary profile, ItemTexts texts) {
        return profile.requirements().stream().map(r -> new Requirement(r.citation().frameworkCode(),
                r.citation().itemCode(), texts.text(r.citation().frameworkCode(), r.citation().version(),
                        r.citation().itemCode()), r.level(), r.importance() == Importance.ESSENTIAL)).toList();
    }

    /** Latest level by item key: [self, manager], null when absent or not observed. */
    static Map<String, Integer[]> levels(List<AssessedCompetency> latest) {
        Map<String, Integer[]> levels = new HashMap<>();
        for (AssessedCompetency a : latest) {
            Integer[] pair = levels.computeIfAbsent(a.itemKey(), k -> new Integer[2]);
            pair[a.source() == AssessmentSource.SELF ? 0 : 1] = a.notObserved() ? null : a.level();
        }
        return levels;
    }

    /** The levels of the item itself, or the best of the matched items' when higher. */
    static Observed observed(Map<String, Integer[]> levels, String key, List<String> matchedKeys) {
        Integer self = null;
        Integer manager = null;
        List<String> through = new ArrayList<>();
        Integer[] own = levels.get(key);
        if (own != null) {
            self = own[0];
            manager = own[1];
        }
        for (String other : matchedKeys) {
            Integer[] pair = levels.get(other);
            if (pair == null || pair[0] == null && pair[1] == null) {
                continue;
            }
            through.add(other);
            self = max(self, pair[0]);
            manager = max(manager, pair[1]);
        }
        return new Observed(self, manager, through);
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.max(a, b);
    }
}
