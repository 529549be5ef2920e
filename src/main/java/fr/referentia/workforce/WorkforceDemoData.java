package fr.referentia.workforce;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data (demo profile only), so that a newcomer sees competency management filled: in the demonstration
 * organisation, three teams (one led by the demo manager), three job profiles (a copy of the branch's
 * *Assistant(e) de formation*, a trainer and a sales adviser), the demo employee and twelve generated
 * colleagues in those jobs, and self and manager assessments drawn from a seeded random source. Made once:
 * nothing happens when the organisation already has teams.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 50) // after the demo accounts and the branch templates
class WorkforceDemoData implements ApplicationRunner {

    static final String HR = "org-hr@demo.referentia.fr";
    static final String MANAGER = "manager@demo.referentia.fr";
    static final String EMPLOYEE = "employee@demo.referentia.fr";
    static final String LEAD = "responsable.pedagogique@demo.referentia.fr";
    static final String RAC = JobProfileTemplates.BRANCH_FRAMEWORK;

    private static final Logger log = LoggerFactory.getLogger(WorkforceDemoData.class);
    private static final String[] NAMES = {"Camille Martin", "Léa Bernard", "Hugo Petit", "Inès Robert",
            "Nathan Richard", "Chloé Durand", "Louis Moreau", "Manon Laurent", "Jules Simon", "Sarah Michel",
            "Lucas Lefèvre", "Emma Garcia"};

    private final AccountDirectory directory;
    private final AccountAdministration administration;
    private final Workforce workforce;
    private final JobProfiles profiles;
    private final JobProfileRepository profileRepository;
    private final Staffing staffing;
    private final AssessmentRepository assessments;
    private final Clock clock;

    WorkforceDemoData(AccountDirectory directory, AccountAdministration administration, Workforce workforce,
            JobProfiles profiles, JobProfileRepository profileRepository, Staffing staffing, AssessmentRepository assessments,
            Clock clock) {
        this.directory = directory;
        this.administration = administration;
        this.workforce = workforce;
        this.profiles = profiles;
        this.profileRepository = profileRepository;
        this.staffing = staffing;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AccountSummary hr = directory.findByEmail(HR).orElse(null);
        AccountSummary manager = directory.findByEmail(MANAGER).orElse(null);
        AccountSummary employee = directory.findByEmail(EMPLOYEE).orElse(null);
        if (hr == null || manager == null || employee == null || hr.organisationId() == null
                || !workforce.teams(hr.organisationId()).isEmpty()) {
            return;
        }
        UUID org = hr.organisationId();
        Random random = new Random(1516);
        LocalDate today = LocalDate.now(clock);

        UUID assistant = profileRepository.findByTemplateKey(JobProfileTemplates.ASSISTANT)
                .map(t -> profiles.copyTemplate(HR, org, t.getId()).id())
                .orElseGet(() -> profile(org, "Assistant(e) de formation", "DOM6-A2-C1", "DOM6-A2-C2", "DOM6-A1-C1"));
        UUID trainer = profile(org, "Formateur / formatrice", "DOM1-A1-C1", "DOM1-A1-C2", "DOM1-A1-C3", "DOM1-A2-C1",
                "DOM1-A2-C2", "DOM1-A3-C1", "DOM3-A2-C1");
        UUID adviser = profile(org, "Conseiller(ère) commercial(e)", "DOM4-A1-C1", "DOM4-A2-C1", "DOM4-A3-C1",
                "DOM4-A4-C1", "DOM4-A5-C1", "DOM4-A6-C1");

        UUID otherManagerId = person(org, LEAD, "Nadia Lambert", Role.MANAGER);
        UUID administrative = staffing.createTeam(HR, org, "Pôle administratif", manager.id()).id();
        UUID teaching = staffing.createTeam(HR, org, "Équipe pédagogique", otherManagerId).id();
        UUID sales = staffing.createTeam(HR, org, "Développement commercial", otherManagerId).id();

        List<UUID[]> people = new ArrayList<>();
        people.add(new UUID[] {employee.id(), administrative, assistant});
        UUID[][] jobs = {{administrative, assistant}, {teaching, trainer}, {sales, adviser}};
        for (int i = 0; i < NAMES.length; i++) {
            String email = NAMES[i].toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                    .replace('é', 'e').replace('è', 'e').replace('ï', 'i') + "@demo.referentia.fr";
            UUID id = person(org, email, NAMES[i], Role.EMPLOYEE);
            UUID[] job = jobs[i % jobs.length];
            people.add(new UUID[] {id, job[0], job[1]});
        }
        // Assessments are written directly (trusted, generated data): through the service each would be
        // checked and audited one by one, which makes the start of the demo (and of every test context) slow.
        Map<String, UUID> ids = new HashMap<>();
        ids.put(MANAGER, manager.id());
        ids.put(LEAD, otherManagerId);
        List<Assessment> made = new ArrayList<>();
        for (UUID[] p : people) {
            LocalDate since = today.minusDays(200 + random.nextInt(3000));
            staffing.assign(HR, org, p[0], p[1], p[2], since.toString());
            UUID lead = ids.get(p[1].equals(administrative) ? MANAGER : LEAD);
            List<Workforce.RequiredCompetency> required = workforce.jobProfile(org, p[2]).orElseThrow().requirements();
            for (Workforce.RequiredCompetency r : required.subList(0, Math.min(10, required.size()))) {
                LocalDate observed = today.minusDays(10 + random.nextInt(300));
                int around = Math.max(1, Math.min(4, r.level() + random.nextInt(3) - 1));
                boolean notObserved = random.nextInt(10) == 0;
                Instant at = observed.atStartOfDay(clock.getZone()).plusHours(9).toInstant();
                made.add(new Assessment(org, p[0], r.citation(), notObserved ? null : around, null,
                        AssessmentSource.SELF, p[0], observed, at));
                if (random.nextInt(4) > 0) {
                    int managerLevel = Math.max(1, Math.min(4, around + random.nextInt(3) - 1));
                    LocalDate later = observed.plusDays(random.nextInt(10));
                    made.add(new Assessment(org, p[0], r.citation(), managerLevel, "Observé en situation de travail.",
                            AssessmentSource.MANAGER, lead, later, later.atStartOfDay(clock.getZone()).plusHours(11)
                                    .toInstant()));
                }
            }
        }
        assessments.saveAll(made);
        log.info("Données de démonstration GPEC : 3 équipes, 3 fiches de poste, {} personnes évaluées", people.size());
    }

    private UUID profile(UUID org, String title, String... competencies) {
        List<JobProfiles.RequirementInput> requirements = new ArrayList<>();
        for (int i = 0; i < competencies.length; i++) {
            requirements.add(new JobProfiles.RequirementInput(RAC, null, competencies[i], i < 3 ? 3 : 2,
                    i < competencies.length - 1 ? "ESSENTIAL" : "OPTIONAL"));
        }
        return profiles.create(HR, org, new JobProfiles.JobProfileInput(title, null, null, null, requirements)).id();
    }

    private UUID person(UUID org, String email, String name, Role role) {
        return directory.findByEmail(email).map(AccountSummary::id)
                .orElseGet(() -> administration.createUser(HR, email, name, role, org).getId());
    }
}
