package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.IntegrationTest;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The nightly purge, run with a fixed clock in 2010 so that only the data made old here is past its period. */
@IntegrationTest
class RetentionJobTest {

    static final Clock NEW_YEAR_2010 = Clock.fixed(Instant.parse("2010-01-01T11:00:00Z"), ZoneId.of("Europe/Paris"));

    @Autowired
    RetentionSettings settings;

    @Autowired
    AuditMaintenance maintenance;

    @Autowired
    AuditEntryRepository entries;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PendingMembershipRepository memberships;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    SampleCertificationData certificationData;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    List<ScheduledTaskHolder> scheduled;

    @Test
    void periodsAndScheduleComeFromConfiguration() {
        assertThat(settings.auditEntries()).isEqualTo(Period.ofYears(5));
        assertThat(settings.unactivatedAccounts()).isEqualTo(Period.ofDays(90));
        assertThat(settings.pendingMemberships()).isEqualTo(Period.ofDays(90));
        assertThat(scheduled.stream().flatMap(holder -> holder.getScheduledTasks().stream()))
                .anySatisfy(task -> assertThat(task.getTask()).isInstanceOfSatisfying(CronTask.class,
                        cron -> assertThat(cron.getExpression()).isEqualTo("0 30 3 * * *")));
    }

    @Test
    void purgesOnlyWhatIsPastItsPeriod() {
        // Five years before 1 January 2010 at noon in Paris: 1 January 2005, 11:00 UTC.
        Long expiredEntry = entry("2005-01-01T10:59:59Z");
        Long entryAtTheLimit = entry("2005-01-01T11:00:00Z");
        // Ninety days before: 3 October 2009 (noon in Paris, 10:00 UTC in summer time).
        UUID expiredInvitation = account("invitation-echue", null, "2009-09-01T10:00:00Z", false);
        UUID recentInvitation = account("invitation-recente", null, "2009-12-15T10:00:00Z", false);
        UUID activated = account("active", "{noop}secret", "2001-01-01T10:00:00Z", false);
        UUID erased = account("effacee", null, "2001-01-01T10:00:00Z", true);
        UUID keptByAModule = account(SampleCertificationData.PREFIX + "ancien", null, "2001-01-01T10:00:00Z", false);

        // Invitations of existing accounts, 90 days after their answer or, unanswered, their expiry.
        UUID answeredLongAgo = membership("2009-08-01T10:00:00Z", "2009-08-10T10:00:00Z", "2009-08-15T10:00:00Z");
        UUID answeredAtTheLimit = membership("2009-08-01T10:00:00Z", "2009-10-03T10:00:00Z", "2009-09-15T10:00:00Z");
        UUID answeredRecently = membership("2009-09-20T10:00:00Z", "2009-12-01T10:00:00Z", "2009-10-20T10:00:00Z");
        UUID expiredLongAgo = membership("2009-08-01T10:00:00Z", null, "2009-08-15T10:00:00Z");
        UUID expiredRecently = membership("2009-10-20T10:00:00Z", null, "2009-11-03T10:00:00Z");
        UUID stillOpen = membership("2009-12-20T10:00:00Z", null, "2010-01-03T10:00:00Z");

        RetentionJob job = new RetentionJob(new RetentionSettings(Period.ofYears(5), Period.ofDays(90),
                Period.ofDays(90), "-"), NEW_YEAR_2010, maintenance, users, memberships, List.of(certificationData),
                transactions);
        assertThat(job.purgeExpired()).isEqualTo(new RetentionJob.Purge(1, 1, 2));

        assertThat(entries.findById(expiredEntry)).isEmpty();
        assertThat(entries.findById(entryAtTheLimit)).isPresent();
        assertThat(users.findById(expiredInvitation)).isEmpty();
        assertThat(users.findAllById(List.of(recentInvitation, activated, erased, keptByAModule))).hasSize(4);
        assertThat(memberships.findAllById(List.of(answeredLongAgo, expiredLongAgo))).isEmpty();
        assertThat(memberships.findAllById(List.of(answeredAtTheLimit, answeredRecently, expiredRecently, stillOpen)))
                .hasSize(4);
        // Nothing else is past its period in 2010: running again purges nothing.
        assertThat(job.purgeExpired()).isEqualTo(new RetentionJob.Purge(0, 0, 0));
    }

    /** An organisation's invitation of an existing account, created, answered (or not) and expiring at these dates. */
    private UUID membership(String createdAt, String answeredAt, String expiresAt) {
        return transactions.execute(status -> {
            Organisation organisation = organisations.save(new Organisation("Organisme rétention " + UUID.randomUUID(),
                    new Siret(AdministrationPagesTest.validSiret()), "Brest", SizeBand.FROM_0_TO_9,
                    OrganisationType.ASSOCIATION));
            UserAccount person = users.save(new UserAccount("invite-" + UUID.randomUUID() + "@retention.example.fr",
                    "Invitée", "{noop}secret"));
            PendingMembership membership = new PendingMembership(person, organisation, Role.EMPLOYEE, "Invitée",
                    "rh@retention.example.fr", Instant.parse(createdAt), Instant.parse(expiresAt));
            if (answeredAt != null) {
                membership.answer(true, Instant.parse(answeredAt));
            }
            return memberships.save(membership).getId();
        });
    }

    private Long entry(String at) {
        return entries.save(new AuditEntry(Instant.parse(at), null, "retention@example.fr", "SAMPLE_DONE", "SAMPLE",
                "retention-" + UUID.randomUUID(), null, null, null, null)).getId();
    }

    private UUID account(String prefix, String passwordHash, String createdAt, boolean erase) {
        UserAccount account = new UserAccount(prefix + "-" + UUID.randomUUID() + "@retention.example.fr", "Retenue",
                passwordHash);
        if (erase) {
            account.erase("anonyme-" + UUID.randomUUID() + "@efface.invalid", "Personne effacée", Instant.now());
        }
        users.save(account);
        transactions.executeWithoutResult(status -> entityManager
                .createQuery("update UserAccount u set u.createdAt = :at where u.id = :id")
                .setParameter("at", Instant.parse(createdAt)).setParameter("id", account.getId()).executeUpdate());
        return account.getId();
    }
}
