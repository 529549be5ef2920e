package fr.referentia.account;

import fr.referentia.account.PasswordLink.Purpose;
import fr.referentia.shared.mail.MailMessage;
import fr.referentia.shared.mail.Mails.OutgoingMails;
import fr.referentia.shared.BadInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations and password resets: single-use, time-limited links by e-mail to
 * {@code /invitation/{token}} and {@code /mot-de-passe/{token}}, where the person sets a password
 * that {@link PasswordPolicy} accepts.
 */
@Service
@Transactional
public class PasswordLinks {

    static final String INVITATION_PATH = "/invitation/";
    static final String RESET_PATH = "/mot-de-passe/";
    /** A new reset link is sent at most once in this interval, so the form cannot flood a mailbox. */
    static final Duration RESET_INTERVAL = Duration.ofMinutes(1);

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);

    private final PasswordLinkRepository links;
    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final AccountSettings settings;
    private final String baseUrl;

    private final SignedInSessions signedInSessions;
    private final Clock clock;

    PasswordLinks(PasswordLinkRepository links, UserAccountRepository users, PasswordEncoder passwords,
            ApplicationEventPublisher events, MessageSource messages, AccountSettings settings,
            @Value("${referentia.base-url:http://localhost:8080}") String baseUrl, SignedInSessions signedInSessions, Clock clock) {
        this.signedInSessions = signedInSessions;
        this.clock = clock;
        this.links = links;
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The person a valid link is for, as its page shows them. */
    public record Holder(String email, String displayName) {
    }

    /** Sends an invitation to each newly created person. The messages leave once the caller's transaction commits. */
    void inviteNew(List<UserAccount> people) {
        Instant now = clock.instant();
        events.publishEvent(new OutgoingMails(people.stream().map(person -> invitation(person, now)).toList()));
    }

    /** Sends a new invitation; the person's earlier links stop working. */
    void reinvite(UserAccount person) {
        Instant now = clock.instant();
        revokeOpen(person, now);
        events.publishEvent(new OutgoingMails(List.of(invitation(person, now))));
    }

    private MailMessage invitation(UserAccount person, Instant now) {
        String link = issue(person, Purpose.INVITATION, now, settings.invitationValidity());
        String where = person.getGrants().stream().map(RoleGrant::getOrganisation).filter(Objects::nonNull)
                .findFirst().map(organisation -> message("mail.invitation.organisation", organisation.getName()))
                .orElse("");
        return new MailMessage(person.getEmail(), message("mail.invitation.subject"),
                message("mail.invitation.body", person.getDisplayName(), person.getEmail(), where, link,
                        WHEN.format(now.plus(settings.invitationValidity()).atZone(PARIS))), link);
    }

    /**
     * Sends a reset link if the address is that of an active account; otherwise does nothing. The
     * caller answers the same either way, so the form reveals no account.
     */
    public void requestReset(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .filter(user -> user.isEnabled() && user.getPasswordHash() != null)
                .ifPresent(user -> {
                    Instant now = clock.instant();
                    if (links.existsByUserAndPurposeAndCreatedAtAfter(user, Purpose.RESET, now.minus(RESET_INTERVAL))) {
                        return;
                    }
                    String link = issue(user, Purpose.RESET, now, settings.resetValidity());
                    events.publishEvent(new OutgoingMails(List.of(new MailMessage(user.getEmail(),
                            message("mail.reset.subject"), message("mail.reset.body", user.getDisplayName(),
                                    user.getEmail(), link, WHEN.format(now.plus(settings.resetValidity()).atZone(PARIS))),
                            link))));
                });
    }

    @Transactional(readOnly = true)
    public Holder openInvitation(String token) {
        return holder(valid(Purpose.INVITATION, token, false));
    }

    @Transactional(readOnly = true)
    public Holder openReset(String token) {
        return holder(valid(Purpose.RESET, token, false));
    }

    /** Sets the first password from an invitation; the link is spent. */
    public void acceptInvitation(String token, String password, String confirmation) {
        setPassword(Purpose.INVITATION, token, password, confirmation);
    }

    /** Sets a new password from a reset link; the link is spent. */
    public void resetPassword(String token, String password, String confirmation) {
        setPassword(Purpose.RESET, token, password, confirmation);
    }

    private void setPassword(Purpose purpose, String token, String password, String confirmation) {
        PasswordLink link = valid(purpose, token, true);
        UserAccount user = link.getUser();
        List<String> refused = PasswordPolicy.rejections(new PasswordPolicy.Candidate(password, confirmation,
                user.getEmail()));
        if (!refused.isEmpty()) {
            throw new BadInputException(String.join(" ", refused), refused);
        }
        Instant now = clock.instant();
        user.changePassword(passwords.encode(password));
        signedInSessions.endAllOf(user.getEmail());
        link.use(now);
        // Any other link of this person (an older reset, a pending invitation) stops working too.
        revokeOpen(user, now);
    }

    private PasswordLink valid(Purpose purpose, String token, boolean toSpend) {
        String hash = token == null || token.isBlank() ? null : LinkTokens.hash(token);
        PasswordLink link = (hash == null ? Optional.<PasswordLink>empty()
                : toSpend ? links.lockByTokenHash(hash) : links.findByTokenHash(hash))
                .filter(found -> found.getPurpose() == purpose).orElse(null);
        if (link == null) {
            throw new InvalidLinkException(LinkPolicy.unknown(purpose), true);
        }
        LinkPolicy.checkAll(link.state(clock.instant())).orThrow(reason -> new InvalidLinkException(reason, false));
        return link;
    }

    private String issue(UserAccount user, Purpose purpose, Instant now, Duration validity) {
        String token = LinkTokens.newToken();
        links.save(new PasswordLink(user, purpose, LinkTokens.hash(token), now, now.plus(validity)));
        return baseUrl + (purpose == Purpose.INVITATION ? INVITATION_PATH : RESET_PATH) + token;
    }

    private void revokeOpen(UserAccount user, Instant now) {
        links.findOpen(user).forEach(open -> open.revoke(now));
    }

    private static Holder holder(PasswordLink link) {
        return new Holder(link.getUser().getEmail(), link.getUser().getDisplayName());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
