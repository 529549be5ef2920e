package fr.referentia.account;

import fr.referentia.framework.FrameworkCatalog;
import fr.referentia.framework.FrameworkViews.Summary;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessors' accreditations (R5), recorded by the certification office or the branch
 * administrator. Recording one for a person who is not yet an assessor gives them the role,
 * through {@link AccountAdministration} and so through {@link GrantPolicy}.
 */
@Service
@Transactional
public class Accreditations {

    private final AccreditationRepository accreditations;
    private final UserAccountRepository users;
    private final AccountAdministration administration;
    private final FrameworkCatalog catalog;
    private final Clock clock;

    Accreditations(AccreditationRepository accreditations, UserAccountRepository users,
            AccountAdministration administration, FrameworkCatalog catalog, Clock clock) {
        this.accreditations = accreditations;
        this.users = users;
        this.administration = administration;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * What the office types in: the assessor's e-mail (an existing account) or e-mail and name (a new
     * one), the number, the kind, the certification codes and the validity dates as typed.
     */
    /** The form as typed; Serializable because it travels in the (JDBC-stored) session as a flash attribute. */
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
        return users.findById(assessorId)
                .filter(user -> user.isEnabled() && user.roles().contains(Role.ASSESSOR))
                .map(user -> accreditations.findByAssessorIdOrderByValidUntilAscNumberAsc(user.getId()).stream()
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
        UserAccount assessor = assessor(requesterEmail, form.assessorEmail(), form.assessorName());
        Accreditation accreditation = new Accreditation(assessor, number, kind, codes, validity, Instant.now(clock));
        try {
            accreditations.saveAndFlush(accreditation);
        } catch (DataIntegrityViolationException e) {
            // Recorded by someone else between the check and the insert.
            throw new ConflictException("Une habilitation porte déjà le numéro " + number.value() + ".");
        }
        return view(accreditation, AccreditationStatusPolicy.DEFAULT, today(), catalogue);
    }

    /** Renewal: new validity dates for the same habilitation. */
    public AccreditationView renew(String requesterEmail, UUID accreditationId, String validFrom, String validUntil) {
        requireOffice(requesterEmail);
        Accreditation accreditation = find(accreditationId);
        accreditation.changeValidity(AccreditationValidity.parse(validFrom, validUntil), Instant.now(clock));
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
        List<AccreditationView> all = accreditations.findAllByOrderByValidUntilAscNumberAsc().stream()
                .map(a -> view(a, policy, today, catalogue))
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
        UserAccount me = requester(email);
        LocalDate today = today();
        Map<String, Summary> catalogue = catalogue();
        return accreditations.findByAssessorIdOrderByValidUntilAscNumberAsc(me.getId()).stream()
                .map(a -> view(a, AccreditationStatusPolicy.DEFAULT, today, catalogue)).toList();
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
        return users.findAllByOrderByEmailAsc().stream().filter(u -> u.roles().contains(Role.ASSESSOR))
                .map(UserAccount::getEmail).toList();
    }

    private UserAccount assessor(String requesterEmail, String email, String name) {
        if (email == null || email.isBlank()) {
            throw new BadInputException("L'adresse e-mail de l'évaluateur est obligatoire.");
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        var existing = users.findByEmail(normalised);
        if (existing.isPresent()) {
            UserAccount user = existing.get();
            if (!user.roles().contains(Role.ASSESSOR)) {
                administration.grant(requesterEmail, user.getId(), Role.ASSESSOR, null);
            }
            return user;
        }
        if (name == null || name.isBlank()) {
            throw new BadInputException("Aucun compte n'existe pour l'adresse " + normalised
                    + " : indiquez le nom et le prénom de l'évaluateur pour lui créer un compte.");
        }
        return administration.createUser(requesterEmail, normalised, name, Role.ASSESSOR, null);
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
        List<CertificationLabel> certifications = a.getCertificationCodes().stream()
                .map(code -> new CertificationLabel(code,
                        catalogue.containsKey(code) ? catalogue.get(code).title() : code))
                .toList();
        UserAccount assessor = a.getAssessor();
        return new AccreditationView(a.getId(), assessor.getDisplayName(), assessor.getEmail(), a.getNumber(),
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

    private UserAccount requester(String email) {
        return users.findByEmail(email).orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
    }

    private void requireOffice(String email) {
        Set<Role> roles = requester(email).roles();
        if (!roles.contains(Role.CERTIFICATION_OFFICE) && !roles.contains(Role.BRANCH_ADMIN)) {
            throw new AccessDeniedException(
                    "Seuls le secrétariat de certification et l'administrateur de branche gèrent les habilitations.");
        }
    }
}
