package fr.referentia.account;

import fr.referentia.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first branch administrator of a fresh installation, as Keycloak's bootstrap admin: while no
 * active branch administrator exists (an enabled account holding the role with a password), the
 * address given by {@code referentia.bootstrap.admin-email} ({@code REFERENTIA_BOOTSTRAP_ADMIN_EMAIL})
 * receives an invitation at start, through the usual invitation link. Its account is created, or an
 * existing one is given the role; a restart while the invitation is still valid sends nothing more,
 * an expired one is replaced. Once a branch administrator has chosen a password, it does nothing.
 */
@Component
@Order(BootstrapAdmin.ORDER)
class BootstrapAdmin implements ApplicationRunner {

    /** After the seeds and their indexing, and after the demo accounts of the embedded profile. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    /** What happened at this start, for the log and the tests. */
    enum Outcome { NOT_CONFIGURED, ADMIN_EXISTS, INVITED, ROLE_GRANTED, INVITATION_PENDING, REINVITED }

    private final UserAccountRepository users;
    private final PasswordLinkRepository links;
    private final PasswordLinks passwordLinks;
    private final AccountAdministration administration;
    private final AuditTrail audit;
    private final Clock clock;
    private final String email;
    private final String displayName;

    BootstrapAdmin(UserAccountRepository users, PasswordLinkRepository links, PasswordLinks passwordLinks,
            AccountAdministration administration, AuditTrail audit, Clock clock,
            @Value("${referentia.bootstrap.admin-email:}") String email,
            @Value("${referentia.bootstrap.admin-name:Administrateur de branche}") String displayName) {
        this.users = users;
        this.links = links;
        this.passwordLinks = passwordLinks;
        this.administration = administration;
        this.audit = audit;
        this.clock = clock;
        this.email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        this.displayName = displayName == null || displayName.isBlank() ? "Administrateur de branche"
                : displayName.strip();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Outcome outcome = bootstrap();
        switch (outcome) {
            case NOT_CONFIGURED -> log.warn("Aucun administrateur de branche actif et aucune adresse d'amorçage : "
                    + "définissez REFERENTIA_BOOTSTRAP_ADMIN_EMAIL pour inviter le premier administrateur.");
            case ADMIN_EXISTS -> log.debug("Un administrateur de branche actif existe : pas d'amorçage.");
            case INVITED, REINVITED -> log.info("Amorçage : invitation d'administrateur de branche envoyée à {}.", email);
            case ROLE_GRANTED -> log.info("Amorçage : {} devient administrateur de branche.", email);
            case INVITATION_PENDING -> log.info("Amorçage : l'invitation envoyée à {} est encore valable ; "
                    + "rien de plus n'est envoyé.", email);
        }
    }

    Outcome bootstrap() {
        if (users.countActiveHolders(Role.BRANCH_ADMIN) > 0) {
            return Outcome.ADMIN_EXISTS;
        }
        if (email.isEmpty()) {
            return Outcome.NOT_CONFIGURED;
        }
        if (email.length() > EmailAddresses.MAXIMUM_LENGTH || !EmailAddresses.isValid(email)) {
            throw new IllegalStateException("REFERENTIA_BOOTSTRAP_ADMIN_EMAIL (referentia.bootstrap.admin-email) « "
                    + email + " » n'est pas une adresse e-mail valide.");
        }
        Optional<UserAccount> existing = users.findByEmail(email);
        if (existing.isEmpty()) {
            UserAccount admin = new UserAccount(email, displayName, null);
            admin.grant(Role.BRANCH_ADMIN, null);
            users.save(admin);
            administration.recordCreation(null, admin, null);
            passwordLinks.inviteNew(List.of(admin));
            recordInvitation(admin);
            return Outcome.INVITED;
        }
        UserAccount account = existing.get();
        if (!account.isEnabled()) {
            throw new IllegalStateException("Le compte " + email + " (REFERENTIA_BOOTSTRAP_ADMIN_EMAIL) est désactivé :"
                    + " choisissez une autre adresse pour le premier administrateur de branche.");
        }
        if (!account.roles().contains(Role.BRANCH_ADMIN)) {
            var before = account.getGrants().stream().map(g -> g.getRole().name()).toList();
            account.grant(Role.BRANCH_ADMIN, null);
            audit.record(AuditEvent.of("ROLE_GRANTED", "USER_ACCOUNT", account.getId().toString())
                    .subject(account.getId())
                    .change(before, account.getGrants().stream().map(g -> g.getRole().name()).toList()));
            if (account.getPasswordHash() != null) {
                return Outcome.ROLE_GRANTED; // an active account: its password is already chosen
            }
        }
        Instant now = clock.instant();
        boolean pending = links.openInvitationExpiries(List.of(account.getId())).stream()
                .anyMatch(row -> ((Instant) row[1]).isAfter(now));
        if (pending) {
            return Outcome.INVITATION_PENDING;
        }
        passwordLinks.reinvite(account);
        recordInvitation(account);
        return Outcome.REINVITED;
    }

    private void recordInvitation(UserAccount admin) {
        audit.record(AuditEvent.of("BOOTSTRAP_ADMIN_INVITED", "USER_ACCOUNT", admin.getId().toString())
                .subject(admin.getId()).change(null, new AccountAdministration.AccountState(admin.getEmail(),
                        admin.getDisplayName())));
    }
}
