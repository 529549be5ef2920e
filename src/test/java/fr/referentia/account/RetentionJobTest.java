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

        RetentionJob job = new RetentionJob(new RetentionSettings(Period.ofYears(5), Period.ofDays(90), "-"),
                NEW_YEAR_2010, maintenance, users, List.of(certificationData), transactions);
        assertThat(job.purgeExpired()).isEqualTo(new RetentionJob.Purge(1, 1));

        assertThat(entries.findById(expiredEntry)).isEmpty();
        assertThat(entries.findById(entryAtTheLimit)).isPresent();
        assertThat(users.findById(expiredInvitation)).isEmpty();
        assertThat(users.findAllById(List.of(recentInvitation, activated, erased, keptByAModule))).hasSize(4);
        // Nothing else is past its period in 2010: running again purges nothing.
        assertThat(job.purgeExpired()).isEqualTo(new RetentionJob.Purge(0, 0));
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
