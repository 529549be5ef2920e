package fr.referentia.account;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges what is past its retention period ({@link RetentionSettings}): audit entries, accounts
 * whose invitation was never accepted (no password ever set, not erased, and nothing a module must
 * keep about them), and organisations' invitations of existing accounts once answered or expired.
 * Logs how much of each kind it purged.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    record Purge(int auditEntries, int unactivatedAccounts, int pendingMemberships) {
    }

    private final RetentionSettings settings;
    private final Clock clock;
    private final AuditMaintenance audit;
    private final UserAccountRepository users;
    private final PendingMembershipRepository memberships;
    private final List<PersonalDataContributor> contributors;
    private final TransactionTemplate transactions;

    RetentionJob(RetentionSettings settings, Clock clock, AuditMaintenance audit, UserAccountRepository users,
            PendingMembershipRepository memberships, List<PersonalDataContributor> contributors,
            TransactionTemplate transactions) {
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
        this.users = users;
        this.memberships = memberships;
        this.contributors = contributors;
        this.transactions = transactions;
    }

    @Scheduled(cron = "${referentia.retention.cron}", zone = "Europe/Paris")
    void scheduledPurge() {
        purgeExpired();
    }

    Purge purgeExpired() {
        Instant now = clock.instant();
        Instant auditCutoff = RetentionPolicy.cutoff(now, clock.getZone(), settings.auditEntries());
        Instant accountCutoff = RetentionPolicy.cutoff(now, clock.getZone(), settings.unactivatedAccounts());
        Instant membershipCutoff = RetentionPolicy.cutoff(now, clock.getZone(), settings.pendingMemberships());
        Purge purge = transactions.execute(status -> new Purge(audit.purgeBefore(auditCutoff),
                purgeUnactivatedAccounts(accountCutoff), memberships.deleteEndedBefore(membershipCutoff)));
        log.info("Purge des données échues : {} entrée(s) du journal d'audit antérieure(s) au {}, "
                + "{} compte(s) jamais activé(s) créé(s) avant le {}, {} invitation(s) d'organisme répondue(s) ou "
                + "expirée(s) avant le {}", purge.auditEntries(), auditCutoff, purge.unactivatedAccounts(),
                accountCutoff, purge.pendingMemberships(), membershipCutoff);
        return purge;
    }

    private int purgeUnactivatedAccounts(Instant cutoff) {
        List<UserAccount> expired = users.findByPasswordHashIsNullAndErasedAtIsNullAndCreatedAtBefore(cutoff).stream()
                .filter(this::nothingToKeep)
                .toList();
        users.deleteAll(expired);
        return expired.size();
    }

    private boolean nothingToKeep(UserAccount user) {
        var subject = new PersonalDataContributor.Subject(user.getId(), user.getEmail(), user.getDisplayName());
        return contributors.stream().allMatch(contributor -> contributor.mustKeep(subject).isEmpty());
    }
}
