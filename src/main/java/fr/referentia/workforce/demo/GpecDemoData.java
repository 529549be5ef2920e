package fr.referentia.workforce.demo;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Role;
import fr.referentia.workforce.Assessments;
import fr.referentia.workforce.Assessments.AssessmentInput;
import fr.referentia.workforce.JobProfiles;
import fr.referentia.workforce.JobProfiles.JobProfileInput;
import fr.referentia.workforce.JobProfiles.RequirementInput;
import fr.referentia.workforce.Staffing;
import fr.referentia.workforce.Workforce;
import fr.referentia.workforce.interview.CareerInterviews;
import fr.referentia.workforce.plan.DevelopmentPlans;
import java.time.Clock;
import java.time.LocalDate;
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

/**
 * GPEC demo data, only in the "demo" profile, once: in the demonstration organisation, two job profiles cut from
 * the branch framework, two teams led by the demo manager (the demo employee in the first), a few more employees,
 * self and manager assessments (a fixed seed), hiring dates, a career interview and a development action, so that
 * a newcomer sees a filled heat map, gaps and a draft plan.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 50) // after the demo accounts and the bootstrap
class GpecDemoData implements ApplicationRunner {

    static final String HR = "org-hr@demo.referentia.fr";
    static final String MANAGER = "manager@demo.referentia.fr";
    static final String EMPLOYEE = "employee@demo.referentia.fr";
    static final String RAC = "RAC-METIERS-FORMATION";
    private static final Logger log = LoggerFactory.getLogger(GpecDemoData.class);

    private final AccountDirectory directory;
    private final AccountAdministration administration;
    private final Workforce workforce;
    private final JobProfiles profiles;
    private final Staffing staffing;
    private final Assessments assessments;
    private final CareerInterviews interviews;
    private final DevelopmentPlans plans;
    private final Clock clock;

    GpecDemoData(AccountDirectory directory, AccountAdministration administration, Workforce workforce,
            JobProfiles profiles, Staffing staffing, Assessments assessments, CareerInterviews interviews,
            DevelopmentPlans plans, Clock clock) {
        this.directory = directory;
        this.administration = administration;
        this.workforce = workforce;
        this.profiles = profiles;
        this.staffing = staffing;
        this.assessments = assessments;
        this.interviews = interviews;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountSummary hr = directory.findByEmail(HR).orElse(null);
        AccountSummary manager = directory.findByEmail(MANAGER).orElse(null);
        AccountSummary employee = directory.findByEmail(EMPLOYEE).orElse(null);
        if (hr == null || manager == null || employee == null || hr.organisationId() == null) {
            return;
        }
        UUID organisation = hr.organisationId();
        if (!workforce.teams(organisation).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> trainer = List.of("DOM1-A1-C1", "DOM1-A1-C2", "DOM1-A1-C3", "DOM1-A1-C4", "DOM1-A1-C5", "DOM1-A1-C6");
        UUID trainerProfile = profiles.create(HR, organisation, new JobProfileInput("Formateur / Formatrice",
                "Concevoir et animer des actions de formation, en présentiel et à distance.", "Responsable pédagogique",
                "Temps plein, déplacements ponctuels", requirements(trainer, 3))).id();
        List<String> seller = List.of("DOM1-A1-C1", "DOM1-A1-C7", "DOM1-A1-C8", "DOM1-A2-C1", "DOM1-A2-C2");
        UUID sellerProfile = profiles.create(HR, organisation, new JobProfileInput("Conseiller commercial / Conseillère commerciale",
                "Développer et suivre un portefeuille de clients de formation.", "Responsable commercial", "Temps plein",
                requirements(seller, 2))).id();
        UUID pedagogy = staffing.createTeam(HR, organisation, "Pédagogie", manager.id()).id();
        UUID sales = staffing.createTeam(HR, organisation, "Commercial", manager.id()).id();

        List<UUID> pedagogyPeople = new ArrayList<>(List.of(employee.id()));
        List<UUID> salesPeople = new ArrayList<>();
        String[] names = {"Camille Martin", "Lucas Bernard", "Inès Petit", "Hugo Durand", "Léa Moreau", "Nathan Laurent"};
        for (int i = 0; i < names.length; i++) {
            String email = "demo-salarie-" + (i + 1) + "@demo.referentia.fr";
            String name = names[i];
            UUID id = directory.findByEmail(email).map(AccountSummary::id).orElseGet(
                    () -> administration.createUser(HR, email, name, Role.EMPLOYEE, organisation).getId());
            (i < 3 ? pedagogyPeople : salesPeople).add(id);
        }
        Random random = new Random(12);
        staffing.assign(HR, organisation, employee.id(), pedagogy, trainerProfile, today.minusYears(5).toString());
        for (UUID person : pedagogyPeople.subList(1, pedagogyPeople.size())) {
            staffing.assign(HR, organisation, person, pedagogy, trainerProfile, today.minusYears(2 + random.nextInt(4)).toString());
        }
        for (UUID person : salesPeople) {
            staffing.assign(HR, organisation, person, sales, sellerProfile, today.minusYears(1 + random.nextInt(3)).toString());
        }
        assess(organisation, employee, manager, trainer, random);
        for (UUID person : pedagogyPeople.subList(1, pedagogyPeople.size())) {
            assess(organisation, directory.find(person).orElseThrow(), manager, trainer, random);
        }
        for (UUID person : salesPeople) {
            assess(organisation, directory.find(person).orElseThrow(), manager, seller, random);
        }
        interviews.recordEmployment(HR, organisation, employee.id(),
                new CareerInterviews.EmploymentInput(today.minusYears(5).toString(), today.minusYears(44).minusMonths(6).toString()));
        interviews.record(HR, organisation, employee.id(), new CareerInterviews.InterviewInput(
                today.minusYears(4).plusMonths(1).toString(), "PERIODIC", List.of(hr.id().toString()),
                List.of(CareerInterviews.LEGAL_TOPICS.get(0), CareerInterviews.LEGAL_TOPICS.get(1)),
                "Formation à l'animation de classes virtuelles.", null, today.minusYears(4).plusMonths(1).toString()));
        plans.create(HR, organisation, employee.id(), new DevelopmentPlans.ActionInput("TRAINING",
                "Animer une classe virtuelle", today.plusMonths(1).toString(), today.plusMonths(1).plusDays(2).toString(),
                14, List.of(new DevelopmentPlans.GapRef(RAC, "DOM1-A1-C4"))));
        log.info("Données de démonstration GPEC : 2 fiches de poste, 2 équipes, {} salariés évalués",
                pedagogyPeople.size() + salesPeople.size());
    }

    private static List<RequirementInput> requirements(List<String> items, int level) {
        List<RequirementInput> requirements = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            requirements.add(new RequirementInput(RAC, "1", items.get(i), i == 0 ? level + 1 : level,
                    i < 3 ? "ESSENTIAL" : "OPTIONAL"));
        }
        return requirements;
    }

    private void assess(UUID organisation, AccountSummary person, AccountSummary manager, List<String> items,
            Random random) {
        for (String item : items) {
            int self = 1 + random.nextInt(4);
            assessments.record(person.email(), organisation, person.id(),
                    new AssessmentInput(RAC, "1", item, self, null, null, null, List.of()));
            if (random.nextInt(5) == 0) {
                assessments.record(manager.email(), organisation, person.id(),
                        new AssessmentInput(RAC, "1", item, null, true, null, null, List.of()));
            } else {
                assessments.record(manager.email(), organisation, person.id(), new AssessmentInput(RAC, "1", item,
                        Math.max(1, Math.min(4, self + random.nextInt(3) - 1)), null, null, null, List.of()));
            }
        }
    }
}
