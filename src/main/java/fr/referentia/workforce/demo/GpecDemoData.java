package fr.referentia.workforce.demo;

import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.workforce.Workforce;
import fr.referentia.workforce.Workforce.EmployeeFacts;
import fr.referentia.workforce.interview.CareerInterviews;
import fr.referentia.workforce.plan.DevelopmentPlans;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * Demo data of career interviews and development plans (demo profile only), once, on top of the module's teams,
 * job profiles and assessments: every person with a job in the demonstration organisation gets a hiring date (their
 * first job there; five years ago for the demo employee, with a birth date that brings the mid-career interview
 * near), the demo employee a career interview with its copy handed over and a planned training, so that HR sees
 * overdue and upcoming interviews.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE - 40) // after the demo accounts and the module's teams and assessments
class GpecDemoData implements ApplicationRunner {

    static final String HR = "org-hr@demo.referentia.fr";
    static final String EMPLOYEE = "employee@demo.referentia.fr";
    private static final Logger log = LoggerFactory.getLogger(GpecDemoData.class);

    private final AccountDirectory directory;
    private final Workforce workforce;
    private final CareerInterviews interviews;
    private final DevelopmentPlans plans;
    private final Clock clock;

    GpecDemoData(AccountDirectory directory, Workforce workforce, CareerInterviews interviews, DevelopmentPlans plans,
            Clock clock) {
        this.directory = directory;
        this.workforce = workforce;
        this.interviews = interviews;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountSummary hr = directory.findByEmail(HR).orElse(null);
        AccountSummary employee = directory.findByEmail(EMPLOYEE).orElse(null);
        if (hr == null || employee == null || hr.organisationId() == null) {
            return;
        }
        UUID organisation = hr.organisationId();
        if (interviews.employment(HR, organisation, employee.id()).hiredOn() != null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int recorded = 0;
        for (EmployeeFacts facts : workforce.employeesOf(organisation)) {
            if (facts.personId().equals(employee.id()) || facts.hiredOn() == null) {
                continue;
            }
            interviews.recordEmployment(HR, organisation, facts.personId(),
                    new CareerInterviews.EmploymentInput(facts.hiredOn().toString(), null));
            recorded++;
        }
        interviews.recordEmployment(HR, organisation, employee.id(), new CareerInterviews.EmploymentInput(
                today.minusYears(5).toString(), today.minusYears(44).minusMonths(6).toString()));
        LocalDate held = today.minusYears(4).plusMonths(1);
        interviews.record(HR, organisation, employee.id(), new CareerInterviews.InterviewInput(held.toString(),
                "PERIODIC", List.of(hr.id().toString()),
                List.of(CareerInterviews.LEGAL_TOPICS.get(0), CareerInterviews.LEGAL_TOPICS.get(1)),
                "Formation à l'animation de classes virtuelles.", null, held.toString()));
        plans.create(HR, organisation, employee.id(), new DevelopmentPlans.ActionInput("TRAINING",
                "Animer une classe virtuelle", today.plusMonths(1).toString(), today.plusMonths(1).plusDays(2).toString(),
                14, List.of(new DevelopmentPlans.GapRef("RAC-METIERS-FORMATION", "DOM1-A1-C4"))));
        log.info("Données de démonstration des entretiens de parcours professionnel : {} dates d'embauche",
                recorded + 1);
    }
}
