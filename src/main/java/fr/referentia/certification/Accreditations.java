package fr.referentia.certification;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.GrantPolicy;
import fr.referentia.account.Role;
import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import fr.referentia.shared.audit.AuditEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessors' accreditations (R5), recorded by the certification office or the branch
 * administrator. Recording one for a person who is not yet an assessor gives them the role,
 * through {@link AccountAdministration} and so through {@link GrantPolicy}. The assessor is kept by
 * account id and read through {@link AccountDirectory}; recording and renewing are audited.
 */
@Service
@Transactional
public class Accreditations {

    private final AccreditationRepository accreditations;
    private final AccountDirectory directory;
    private final AccountAdministration administration;
    private final FrameworkCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accreditations(AccreditationRepository accreditations, AccountDirectory directory,
            AccountAdministration administration, FrameworkCatalog catalog, ApplicationEventPublisher events,
            Clock clock) {
        this.accreditations = accreditations;
        this.directory = directory;
        this.administration = administration;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** What the audit trail keeps of an accreditation. */
    record AccreditationState(String number, AccreditationKind kind, List<String> certifications,
            LocalDate validFrom, LocalDate validUntil) {

        static AccreditationState of(Accreditation a) {
            return new AccreditationState(a.getNumber(), a.getKind(), a.getCertificationCodes(), a.getValidFrom(),
                    a.getValidUntil());
        }
    }

    /**
     * What the office types in: the assessor's e-mail (an existing account) or e-mail and name (a new
     * one), the number, the kind, the certification codes and the validity dates as typed.
     * Serializable because it travels in the (JDBC-stored) session as a flash attribute.
     */
    public record NewAccreditation(String assessorEmail, String assessorName, String number, String kind,
            List<String> certifications, String validFrom, String validUntil) implements java.io.Serializable {
    }

    public record CertificationLabel(String code, String title) {
    }

    public record AccreditationView(UUID id, String assessorName, String assessorEmail, String number,
            AccreditationKind kind, List<CertificationLabel> certifications, LocalDate validFrom,
            LocalDate validUntil, AccreditationStatus status) {
    }

    /** Every accreditation, and those expiring within the chosen number of days, soonest first. */
    public record Overview(int expiringWithinDays, LocalDate today, List<AccreditationView> expiringSoon,
            List<AccreditationView> all) {
    }

    /** R5 for the certification module: may this assessor evaluate this certification on this day? */
    @Transactional(readOnly = true)
    public boolean isAccredited(UUID assessorId, String certificationCode, LocalDate date) {
        Objects.requireNonNull(assessorId, "assessorId");
        Objects.requireNonNull(certificationCode, "certificationCode");
        Objects.requireNonNull(date, "date");
        return directory.find(assessorId)
                .filter(person -> person.enabled() && person.holds(Role.ASSESSOR))
                .map(person -> accreditations.findByAssessorIdOrderByValidUntilAscNumberAsc(person.id()).stream()
                        .anyMatch(a -> a.covers(certificationCode)
                                && AccreditationStatusPolicy.DEFAULT.statusOn(a.validity(), date).allowsEvaluation()))
                .orElse(false);
    }

    public AccreditationView record(String requesterEmail, NewAccreditation form) {
        requireOffice(requesterEmail);
        AccreditationNumber number = AccreditationNumber.parse(form.number());
        AccreditationKind kind = kind(form.kind());
        Map<String, Summary> catalogue = catalogue();
        List<String> codes = certificationCodes(form.certifications(), catalogue);
        AccreditationValidity validity = AccreditationValidity.parse(form.validFrom(), form.validUntil());
        if (accreditations.existsByNumber(number.value())) {
            throw new ConflictException("Une habilitation porte déjà le numéro " + number.value() + ".");
        }
        UUID assessorId = assessor(requesterEmail, form.assessorEmail(), form.assessorName());
        Accreditation accreditation = new Accreditation(assessorId, number, kind, codes, validity, clock.instant());
        try {
            accreditations.saveAndFlush(accreditation);
        } catch (DataIntegrityViolationException e) {
            // Recorded by someone else between the check and the insert.
            throw new ConflictException("Une habilitation porte déjà le numéro " + number.value() + ".");
        }
        events.publishEvent(audit("ACCREDITATION_RECORDED", accreditation)
                .change(null, AccreditationState.of(accreditation)).by(requesterEmail));
        return view(accreditation, AccreditationStatusPolicy.DEFAULT, today(), catalogue);
    }

    /** Renewal: new validity dates for the same habilitation. */
    public AccreditationView renew(String requesterEmail, UUID accreditationId, String validFrom, String validUntil) {
        requireOffice(requesterEmail);
        Accreditation accreditation = find(accreditationId);
        AccreditationState before = AccreditationState.of(accreditation);
        accreditation.changeValidity(AccreditationValidity.parse(validFrom, validUntil), clock.instant());
        events.publishEvent(audit("ACCREDITATION_RENEWED", accreditation)
                .change(before, AccreditationState.of(accreditation)).by(requesterEmail));
        return view(accreditation, AccreditationStatusPolicy.DEFAULT, today(), catalogue());
    }

    @Transactional(readOnly = true)
    public AccreditationView accreditation(String requesterEmail, UUID accreditationId) {
        requireOffice(requesterEmail);
        return view(find(accreditationId), AccreditationStatusPolicy.DEFAULT, today(), catalogue());
    }

    /** {@code expiringWithinDays} null means the default (60 days). */
    @Transactional(readOnly = true)
    public Overview overview(String requesterEmail, Integer expiringWithinDays) {
        requireOffice(requesterEmail);
        AccreditationStatusPolicy policy = expiringWithinDays == null ? AccreditationStatusPolicy.DEFAULT
                : new AccreditationStatusPolicy(expiringWithinDays);
        LocalDate today = today();
        Map<String, Summary> catalogue = catalogue();
        List<Accreditation> recorded = accreditations.findAllByOrderByValidUntilAscNumberAsc();
        Map<UUID, AccountSummary> people = directory.findAll(
                recorded.stream().map(Accreditation::getAssessorId).collect(Collectors.toSet()));
        List<AccreditationView> all = recorded.stream()
                .map(a -> view(a, policy, today, catalogue, people))
                .sorted(Comparator.comparing((AccreditationView v) -> v.assessorName().toLowerCase(Locale.FRENCH))
                        .thenComparing(AccreditationView::number))
                .toList();
        List<AccreditationView> expiringSoon = all.stream()
                .filter(v -> v.status() == AccreditationStatus.EXPIRING_SOON)
                .sorted(Comparator.comparing(AccreditationView::validUntil).thenComparing(AccreditationView::number))
                .toList();
        return new Overview(policy.expiringWithinDays(), today, expiringSoon, all);
    }

    /** The signed-in person's own accreditations, whatever their roles. */
    @Transactional(readOnly = true)
    public List<AccreditationView> mine(String email) {
        AccountSummary me = requester(email);
        LocalDate today = today();
        Map<String, Summary> catalogue = catalogue();
        Map<UUID, AccountSummary> people = Map.of(me.id(), me);
        return accreditations.findByAssessorIdOrderByValidUntilAscNumberAsc(me.id()).stream()
                .map(a -> view(a, AccreditationStatusPolicy.DEFAULT, today, catalogue, people)).toList();
    }

    /** The certifications (CQP and titres) an accreditation may cover, for the form. */
    @Transactional(readOnly = true)
    public List<CertificationLabel> certifications() {
        return catalogue().values().stream().filter(s -> s.kind().isCertification())
                .map(s -> new CertificationLabel(s.code(), s.title())).toList();
    }

    /** E-mails of the current assessors, to suggest in the form. */
    @Transactional(readOnly = true)
    public List<String> assessorEmails(String requesterEmail) {
        requireOffice(requesterEmail);
        return directory.holdersOf(Role.ASSESSOR).stream().map(AccountSummary::email).toList();
    }

    /** The assessor's account id: an existing account (given the role if needed) or a new one, invited. */
    private UUID assessor(String requesterEmail, String email, String name) {
        if (email == null || email.isBlank()) {
            throw new BadInputException("L'adresse e-mail de l'évaluateur est obligatoire.");
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        var existing = directory.findByEmail(normalised);
        if (existing.isPresent()) {
            AccountSummary person = existing.get();
            if (!person.holds(Role.ASSESSOR)) {
                administration.grant(requesterEmail, person.id(), Role.ASSESSOR, null);
            }
            return person.id();
        }
        if (name == null || name.isBlank()) {
            throw new BadInputException("Aucun compte n'existe pour l'adresse " + normalised
                    + " : indiquez le nom et le prénom de l'évaluateur pour lui créer un compte.");
        }
        return administration.createUser(requesterEmail, normalised, name, Role.ASSESSOR, null).getId();
    }

    private static AccreditationKind kind(String value) {
        if (value != null) {
            for (AccreditationKind kind : AccreditationKind.values()) {
                if (kind.name().equals(value.strip())) {
                    return kind;
                }
            }
        }
        throw new BadInputException("Choisissez le type d'habilitation : « "
                + AccreditationKind.SECTOR_PROFESSIONAL.label() + " » ou « " + AccreditationKind.EXTERNAL.label()
                + " ».");
    }

    private static List<String> certificationCodes(List<String> input, Map<String, Summary> catalogue) {
        Set<String> codes = new LinkedHashSet<>();
        if (input != null) {
            input.stream().filter(Objects::nonNull).map(String::strip).filter(code -> !code.isEmpty())
                    .forEach(codes::add);
        }
        if (codes.isEmpty()) {
            throw new BadInputException("Choisissez au moins une certification (CQP ou titre) couverte par l'habilitation.");
        }
        for (String code : codes) {
            Summary framework = catalogue.get(code);
            if (framework == null) {
                throw new BadInputException("La certification « " + code + " » n'existe pas dans le catalogue des référentiels.");
            }
            if (!framework.kind().isCertification()) {
                throw new BadInputException("« " + code + " » est le référentiel métiers, pas une certification : "
                        + "une habilitation porte sur des CQP ou des titres.");
            }
        }
        return new ArrayList<>(codes);
    }

    private AccreditationView view(Accreditation a, AccreditationStatusPolicy policy, LocalDate today,
            Map<String, Summary> catalogue) {
        return view(a, policy, today, catalogue, directory.findAll(List.of(a.getAssessorId())));
    }

    private AccreditationView view(Accreditation a, AccreditationStatusPolicy policy, LocalDate today,
            Map<String, Summary> catalogue, Map<UUID, AccountSummary> people) {
        List<CertificationLabel> certifications = a.getCertificationCodes().stream()
                .map(code -> new CertificationLabel(code,
                        catalogue.containsKey(code) ? catalogue.get(code).title() : code))
                .toList();
        AccountSummary assessor = people.get(a.getAssessorId());
        return new AccreditationView(a.getId(), assessor == null ? "Compte supprimé" : assessor.displayName(),
                assessor == null ? "" : assessor.email(), a.getNumber(),
                a.getKind(), certifications, a.getValidFrom(), a.getValidUntil(),
                policy.statusOn(a.validity(), today));
    }

    private Map<String, Summary> catalogue() {
        return catalog.list().stream().collect(Collectors.toMap(Summary::code, Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
    }

    private Accreditation find(UUID id) {
        return accreditations.findById(id).orElseThrow(() -> new NotFoundException("Habilitation introuvable."));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private AccountSummary requester(String email) {
        return directory.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private void requireOffice(String email) {
        directory.requireAnyRole(email,
                "Seuls le secrétariat de certification et l'administrateur de branche gèrent les habilitations.",
                Role.CERTIFICATION_OFFICE, Role.BRANCH_ADMIN);
    }

    private static AuditEvent audit(String action, Accreditation accreditation) {
        return AuditEvent.of(action, "ACCREDITATION", accreditation.getNumber()).subject(accreditation.getAssessorId());
    }
}
