package fr.referentia.account.web;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountAdministration.NewOrganisation;
import fr.referentia.account.AccountDirectory;
import fr.referentia.account.AccountManagement;
import fr.referentia.account.AccountDirectory.AccountSummary;
import fr.referentia.account.Organisation;
import fr.referentia.account.OrganisationType;
import fr.referentia.account.Role;
import fr.referentia.account.SizeBand;
import fr.referentia.shared.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts for machines: who am I, the organisations (branch administrator) and an
 * organisation's people (its HR or the branch administrator). The same services and checks as
 * the pages: another organisation's id reads as unknown (404), creating a person sends the
 * invitation. A person's id here is their account id, the one every API path uses.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Comptes", description = "Compte connecté, organismes et personnes d'un organisme")
class AccountApi {

    private final AccountAdministration administration;
    private final AccountDirectory directory;
    private final AccountManagement accounts;

    AccountApi(AccountAdministration administration, AccountDirectory directory, AccountManagement accounts) {
        this.administration = administration;
        this.accounts = accounts;
        this.directory = directory;
    }

    record Me(UUID id, String email, String displayName, List<Role> roles, UUID organisationId) {
    }

    record OrganisationEntry(UUID id, String name, String siret, String address, SizeBand sizeBand,
            OrganisationType type) {

        static OrganisationEntry of(Organisation organisation) {
            return new OrganisationEntry(organisation.getId(), organisation.getName(),
                    organisation.getSiret().value(), organisation.getAddress(), organisation.getSizeBand(),
                    organisation.getType());
        }
    }

    @Schema(description = "Un organisme à créer ; enums : voir sizeBand et type")
    record NewOrganisationRequest(
            @Schema(example = "Formations du Littoral") String name,
            @Schema(description = "14 chiffres (espaces admis), clé de Luhn vérifiée", example = "732 829 320 00074")
            String siret,
            @Schema(example = "3 quai de la Fosse, 44000 Nantes") String address,
            @Schema(description = "FROM_0_TO_9, FROM_10_TO_49, FROM_50_TO_249 ou FROM_250", example = "FROM_10_TO_49")
            String sizeBand,
            @Schema(description = "PRIVATE_FOR_PROFIT, ASSOCIATION, PUBLIC_OR_CONSULAR, INDEPENDENT_TRAINER ou "
                    + "APPRENTICE_TRAINING_CENTRE", example = "ASSOCIATION") String type) {
    }

    record PersonEntry(UUID id, String email, String displayName, List<Role> roles) {
    }

    @Schema(description = "Une personne à créer dans l'organisme ; elle reçoit une invitation par e-mail")
    record NewPersonRequest(
            @Schema(example = "camille.martin@exemple.fr") String email,
            @Schema(example = "Camille Martin") String displayName,
            @Schema(description = "ORG_HR, MANAGER ou EMPLOYEE (rôles d'un organisme)", example = "EMPLOYEE")
            String role) {
    }

    @GetMapping("/me")
    @Operation(summary = "Le compte connecté : son identifiant (celui des chemins de l'API), ses rôles, son organisme")
    Me me(Principal principal) {
        AccountSummary me = directory.findByEmail(principal.getName())
                .orElseThrow(() -> new AccessDeniedException("Compte inconnu."));
        return new Me(me.id(), me.email(), me.displayName(), sorted(me.roles()), me.organisationId());
    }

    @GetMapping("/organisations")
    @Operation(summary = "Les organismes, par nom (rôle BRANCH_ADMIN)")
    List<OrganisationEntry> organisations(Principal principal) {
        administration.people(principal.getName(), null); // branch administrators only, as on the page
        return administration.organisations().stream().map(OrganisationEntry::of).toList();
    }

    @PostMapping("/organisations")
    @Operation(summary = "Crée un organisme (rôle BRANCH_ADMIN) ; 409 si le SIRET existe déjà")
    ResponseEntity<OrganisationEntry> createOrganisation(Principal principal,
            @RequestBody(required = false) NewOrganisationRequest body) {
        NewOrganisationRequest input = body == null ? new NewOrganisationRequest(null, null, null, null, null) : body;
        Organisation created = administration.createOrganisation(principal.getName(), new NewOrganisation(
                input.name(), input.siret(), input.address(),
                value(SizeBand.class, input.sizeBand(), "La tranche d'effectif"),
                value(OrganisationType.class, input.type(), "Le type d'organisme")));
        return ResponseEntity.status(HttpStatus.CREATED).body(OrganisationEntry.of(created));
    }

    @GetMapping("/organisations/{organisationId}/people")
    @Operation(summary = "Les personnes d'un organisme et leurs rôles dans celui-ci (son RH ou BRANCH_ADMIN ; un autre"
            + " organisme : 404)")
    List<PersonEntry> people(@PathVariable UUID organisationId, Principal principal) {
        // Their roles in this organisation only, and those it invited as it typed them (issue 10: nothing of elsewhere).
        return accounts.members(principal.getName(), organisationId).stream()
                .map(member -> new PersonEntry(member.id(), member.email(), member.displayName(), member.roles()))
                .toList();
    }

    @PostMapping("/organisations/{organisationId}/people")
    @Operation(summary = "Crée une personne dans l'organisme et lui envoie l'invitation à choisir son mot de passe "
            + "(son RH ou BRANCH_ADMIN) ; 409 si l'adresse a déjà un compte dans l'organisme (ailleurs : la personne est"
            + " invitée à le rejoindre, la réponse est la même que pour une nouvelle personne)")
    ResponseEntity<PersonEntry> createPerson(@PathVariable UUID organisationId, Principal principal,
            @RequestBody(required = false) NewPersonRequest body) {
        NewPersonRequest input = body == null ? new NewPersonRequest(null, null, null) : body;
        Role role = value(Role.class, input.role(), "Le rôle");
        // Only what was typed goes back: an address with an account elsewhere is answered like a new one (issue 10).
        AccountAdministration.Invited invited = administration.invite(principal.getName(), input.email(),
                input.displayName(), role, organisationId);
        return ResponseEntity.status(HttpStatus.CREATED).body(new PersonEntry(invited.id(), invited.email(),
                invited.displayName(), List.of(invited.role())));
    }

    /** A refusal by the services (e.g. {@code GrantPolicy}) keeps its French reason. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Accès refusé");
        return problem;
    }

    private static List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }

    /** An enum's name as sent; null stays null for the service to refuse in its own words. */
    private static <E extends Enum<E>> E value(Class<E> type, String name, String what) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name.strip()))
                .findFirst().orElseThrow(() -> new BadInputException(what + " « " + name.strip()
                        + " » n'existe pas ; valeurs possibles : " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }
}
