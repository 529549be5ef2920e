package fr.referentia.certification;

import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.certification.Accommodation.Need;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R13: a candidate declares the accommodation they need for their evaluation, with their explicit
 * consent to pass it on. Only the need is asked (never a diagnosis); only the candidate and the
 * certification office, which organises the evaluation, read it — not the employer, not the
 * accompanying organisation.
 */
@Service
@Transactional
public class Accommodations {

    static final String UNKNOWN = "Aménagement introuvable : seuls le candidat et le secrétariat de certification y "
            + "ont accès.";

    @Schema(description = "Les besoins d'aménagement (EXTRA_TIME, ACCESSIBLE_ROOM, ASSISTIVE_TECHNOLOGY, OTHER), leur "
            + "précision sans diagnostic, et l'accord du candidat pour les transmettre aux organisateurs",
            example = "{\"needs\": [\"EXTRA_TIME\", \"ACCESSIBLE_ROOM\"], \"details\": \"Un tiers-temps et une salle "
                    + "de plain-pied.\", \"consent\": true}")
    public record AccommodationRequest(List<String> needs, String details, Boolean consent) {
    }

    public record NeedView(String code, String label) {
    }

    public record AccommodationView(UUID applicationId, List<NeedView> needs, String details, Instant consentAt) {

        public boolean declared() {
            return !needs.isEmpty();
        }
    }

    private final ApplicationRepository applications;
    private final AccommodationRepository accommodations;
    private final DossierReaders readers;
    private final Clock clock;

    Accommodations(ApplicationRepository applications, AccommodationRepository accommodations, DossierReaders readers,
            Clock clock) {
        this.applications = applications;
        this.accommodations = accommodations;
        this.readers = readers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AccommodationView accommodation(String email, UUID applicationId) {
        Application application = readable(readers.person(email), applicationId);
        return view(application.getId());
    }

    public AccommodationView declare(String email, UUID applicationId, AccommodationRequest request) {
        AccountSummary person = readers.person(email);
        Application application = readable(person, applicationId);
        if (!application.getCandidateId().equals(person.id())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Seul le candidat déclare ses besoins d'aménagement.");
        }
        if (Set.of(ApplicationState.WITHDRAWN, ApplicationState.ARCHIVED, ApplicationState.DECIDED)
                .contains(application.getState())) {
            throw new ConflictException("La candidature est à l'état « " + application.getState().label()
                    + " » : il n'y a plus d'évaluation à aménager.");
        }
        if (request == null) {
            throw new BadInputException("Indiquez vos besoins d'aménagement (needs), ou une liste vide pour n'en "
                    + "déclarer aucun.");
        }
        Set<Need> needs = needs(request.needs());
        String details = FormText.multiLine(request.details(), "La précision", 1000);
        if (needs.isEmpty()) {
            if (details != null) {
                throw new BadInputException("Choisissez le besoin que vous précisez (temps supplémentaire, salle "
                        + "accessible, aide technique ou autre).");
            }
            accommodations.findById(application.getId()).ifPresent(accommodations::delete);
            return view(application.getId());
        }
        if (needs.contains(Need.OTHER) && details == null) {
            throw new BadInputException("Précisez l'« autre besoin » : ce dont vous avez besoin, sans diagnostic.");
        }
        if (!Boolean.TRUE.equals(request.consent())) {
            throw new BadInputException("Donnez votre accord (consent : true) pour que vos besoins d'aménagement "
                    + "soient transmis aux organisateurs de votre évaluation ; sans cet accord, rien n'est enregistré.");
        }
        Accommodation accommodation = accommodations.findById(application.getId())
                .orElseGet(() -> new Accommodation(application.getId()));
        accommodation.record(needs, details, person.id(), clock.instant());
        accommodations.save(accommodation);
        return view(application.getId());
    }

    private Application readable(AccountSummary person, UUID applicationId) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException(UNKNOWN));
        if (!application.getCandidateId().equals(person.id()) && !person.holds(fr.referentia.account.Role.CERTIFICATION_OFFICE)) {
            throw new NotFoundException(UNKNOWN);
        }
        return application;
    }

    private AccommodationView view(UUID applicationId) {
        return accommodations.findById(applicationId)
                .map(a -> new AccommodationView(applicationId, a.needs().stream()
                        .map(n -> new NeedView(n.name(), n.label())).toList(), a.getDetails(), a.getConsentAt()))
                .orElse(new AccommodationView(applicationId, List.of(), null, null));
    }

    public static List<NeedView> allNeeds() {
        return EnumSet.allOf(Need.class).stream().map(n -> new NeedView(n.name(), n.label())).toList();
    }

    private static Set<Need> needs(List<String> codes) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            try {
                needs.add(Need.valueOf(code == null ? "" : code.strip()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("Besoin d'aménagement inconnu : « " + code + " » (attendu : EXTRA_TIME, "
                        + "ACCESSIBLE_ROOM, ASSISTIVE_TECHNOLOGY ou OTHER).");
            }
        }
        return needs;
    }
}
