package fr.referentia.account;

import fr.referentia.shared.ConflictException;
import fr.referentia.shared.audit.AuditEvent;
import fr.referentia.shared.mail.MailMessage;
import fr.referentia.shared.mail.Mails.OutgoingMails;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations into an organisation for people who already have an account (issue 10, enumeration
 * through the bulk import): the organisation is answered exactly as for a new person, the person
 * gets a mail, and the role is theirs only once they accept it, signed in, on « Mes invitations ».
 * Nothing of the account (its name, its other roles) reaches the organisation meanwhile.
 */
@Service
@Transactional
public class Memberships implements PersonalDataContributor {

    static final String PAGE = "/mon-compte/invitations";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PendingMembershipRepository memberships;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final AccountSettings settings;
    private final String baseUrl;
    private final Clock clock;

    Memberships(PendingMembershipRepository memberships, UserAccountRepository users, AuditTrail audit,
            ApplicationEventPublisher events, MessageSource messages, AccountSettings settings,
            @Value("${referentia.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
        this.memberships = memberships;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** An invitation as its person sees it. */
    public record Invitation(UUID id, String organisationName, String roleLabel, Instant expiresAt) {
    }

    /** What an organisation asks of an existing account: a role, under the name it typed. */
    record Offer(UserAccount person, Role role, String typedName) {
    }

    /**
     * Invites each person into the organisation (the caller has checked {@link GrantPolicy}); an
     * invitation already waiting for the same role there is left as it is. Mails leave after commit.
     */
    void offer(String inviterEmail, Organisation organisation, List<Offer> offers) {
        Instant now = clock.instant();
        List<MailMessage> mails = new ArrayList<>();
        for (Offer offer : offers) {
            boolean waiting = memberships.findOpen(offer.person(), now).stream()
                    .anyMatch(open -> open.getOrganisation().getId().equals(organisation.getId())
                            && open.getRole() == offer.role());
            if (waiting) {
                continue;
            }
            PendingMembership membership = memberships.save(new PendingMembership(offer.person(), organisation,
                    offer.role(), offer.typedName(), inviterEmail, now, now.plus(settings.invitationValidity())));
            audit.record(AuditEvent.of("MEMBERSHIP_OFFERED", "USER_ACCOUNT", offer.person().getId().toString())
                    .subject(offer.person().getId()).organisation(organisation.getId())
                    .change(null, new OfferState(offer.role(), organisation.getName(), offer.typedName()))
                    .by(inviterEmail));
            mails.add(mail(membership));
        }
        if (!mails.isEmpty()) {
            events.publishEvent(new OutgoingMails(mails));
        }
    }

    /** What the journal keeps of an invitation. */
    record OfferState(Role role, String organisationName, String invitedName) {
    }

    /**
     * Sends the invitation again with a new validity, limited like invitations of new people
     * ({@link PasswordLinks#INVITATIONS_PER_HOUR}), and in the same words.
     */
    void resend(PendingMembership membership) {
        int alreadySent = membership.resend(clock.instant(), settings.invitationValidity(),
                PasswordLinks.INVITATIONS_PER_HOUR);
        if (alreadySent > 0) {
            throw new ConflictException(membership.getUser().getEmail() + " a déjà reçu " + alreadySent
                    + " invitations dans l'heure : attendez avant d'en envoyer une nouvelle (la dernière reste valable).");
        }
        events.publishEvent(new OutgoingMails(List.of(mail(membership))));
    }

    /**
     * Sends again the organisation's latest unanswered invitation to the person, if there is one
     * (see {@link #resend}); returns whether there was.
     */
    boolean resendIn(UserAccount person, UUID organisationId) {
        Optional<PendingMembership> latest = memberships.findUnansweredIn(organisationId, List.of(person.getId()))
                .stream().max(java.util.Comparator.comparing(PendingMembership::getCreatedAt));
        latest.ifPresent(this::resend);
        return latest.isPresent();
    }

    /**
     * The organisation withdraws its unanswered invitations of that role to the person; returns whether
     * there was one. Audited; the person's page no longer shows it.
     */
    boolean withdraw(String requesterEmail, UserAccount person, Organisation organisation, Role role) {
        List<PendingMembership> withdrawn = memberships.findUnansweredIn(organisation.getId(), List.of(person.getId()))
                .stream().filter(membership -> membership.getRole() == role).toList();
        Instant now = clock.instant();
        for (PendingMembership membership : withdrawn) {
            membership.answer(false, now);
            audit.record(AuditEvent.of("MEMBERSHIP_WITHDRAWN", "USER_ACCOUNT", person.getId().toString())
                    .subject(person.getId()).organisation(organisation.getId())
                    .change(new OfferState(role, organisation.getName(), membership.getInvitedName()), null)
                    .by(requesterEmail));
        }
        return !withdrawn.isEmpty();
    }

    /** The organisation's unanswered invitations to the person, the newest first. */
    List<PendingMembership> unansweredIn(UserAccount person, UUID organisationId) {
        return memberships.findUnansweredIn(organisationId, List.of(person.getId())).stream()
                .sorted(java.util.Comparator.comparing(PendingMembership::getCreatedAt).reversed()).toList();
    }

    /** The signed-in person's invitations waiting for an answer. */
    @Transactional(readOnly = true)
    public List<Invitation> openOf(String email) {
        return memberships.findOpen(person(email), clock.instant()).stream()
                .map(open -> new Invitation(open.getId(), open.getOrganisation().getName(), open.getRole().label(),
                        open.getExpiresAt())).toList();
    }

    /**
     * Accepts one of the person's own open invitations: the role is granted and both are audited.
     * Returns the organisation's name, or empty when the invitation is unknown, another's, expired or
     * already answered (all read the same).
     */
    public Optional<String> accept(String email, UUID id) {
        return answer(email, id, true);
    }

    /** Declines one of the person's own open invitations; nothing else changes. */
    public Optional<String> decline(String email, UUID id) {
        return answer(email, id, false);
    }

    private Optional<String> answer(String email, UUID id, boolean accept) {
        UserAccount person = person(email);
        Instant now = clock.instant();
        Optional<PendingMembership> found = id == null ? Optional.empty()
                : memberships.findByIdAndUser(id, person).filter(membership -> membership.isOpen(now));
        found.ifPresent(membership -> {
            membership.answer(accept, now);
            Organisation organisation = membership.getOrganisation();
            OfferState state = new OfferState(membership.getRole(), organisation.getName(), membership.getInvitedName());
            audit.record(AuditEvent.of(accept ? "MEMBERSHIP_ACCEPTED" : "MEMBERSHIP_DECLINED", "USER_ACCOUNT",
                    person.getId().toString()).subject(person.getId()).organisation(organisation.getId())
                    .change(state, null).by(person.getEmail()));
            if (accept) {
                List<AccountAdministration.GrantState> before = AccountAdministration.grantStates(person);
                if (person.grant(membership.getRole(), organisation)) {
                    audit.record(AuditEvent.of("ROLE_GRANTED", "USER_ACCOUNT", person.getId().toString())
                            .subject(person.getId()).organisation(organisation.getId())
                            .change(before, AccountAdministration.grantStates(person)).by(person.getEmail()));
                }
            }
        });
        return found.map(membership -> membership.getOrganisation().getName());
    }

    private MailMessage mail(PendingMembership membership) {
        String link = baseUrl + PAGE;
        return new MailMessage(membership.getUser().getEmail(), message("mail.membership.subject"),
                message("mail.membership.body", membership.getOrganisation().getName(), membership.getRole().label(),
                        membership.getUser().getEmail(), link, WHEN.format(membership.getExpiresAt().atZone(PARIS))),
                link);
    }

    private UserAccount person(String email) {
        return users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = users.findById(subject.userId()).map(memberships::findByUserOrderByCreatedAtDesc)
                .orElse(List.of()).stream()
                .map(membership -> List.of(membership.getOrganisation().getName(), membership.getRole().label(),
                        membership.getInvitedName(), DAY.format(membership.getCreatedAt().atZone(PARIS)),
                        membership.getAnsweredAt() == null ? "sans réponse"
                                : Boolean.TRUE.equals(membership.getAccepted()) ? "acceptée" : "refusée"))
                .toList();
        return rows.isEmpty() ? List.of() : List.of(new Section("invitationsOrganismes", "Invitations d'organismes",
                List.of("Organisme", "Rôle", "Nom saisi par l'organisme", "Date", "Réponse"), rows));
    }

    @Override
    public void erase(Subject subject) {
        users.findById(subject.userId()).ifPresent(memberships::deleteByUser);
    }
}
