package fr.referentia.account.web;

import fr.referentia.account.AccountAdministration.Person;
import fr.referentia.account.AccountManagement;
import fr.referentia.account.AccountManagement.AccountView;
import fr.referentia.account.AccountManagement.GrantView;
import fr.referentia.account.Role;
import fr.referentia.shared.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts administration for machines, with the services and rules of the pages ({@link AccountPages}):
 * {@code /api/v1/accounts} for the branch administrator, {@code /api/v1/organisations/{id}/people/{userId}}
 * for that organisation's HR (another organisation, or a person outside it: 404). A refusal by the
 * rules is a 403 problem with its French reason, bad input a 400, a change already made a 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Administration des comptes", description = "Chercher les comptes, changer les rôles, désactiver et réactiver")
class AccountManagementApi {

    private final AccountManagement accounts;

    AccountManagementApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    record AccountsPage(List<Person> people, int page, int pageCount, long total) {
    }

    record AccountEntry(UUID id, String email, String displayName, String state, boolean enabled,
            List<GrantView> roles, List<Role> grantableRoles) {

        static AccountEntry of(AccountView view) {
            return new AccountEntry(view.id(), view.email(), view.displayName(), view.state(), view.enabled(),
                    view.grants(), view.grantableRoles());
        }
    }

    @Schema(description = "Un rôle à donner ; organisationId pour les rôles d'organisme (ignoré sous /organisations/{id})")
    record RoleRequest(@Schema(example = "MANAGER") String role, UUID organisationId) {
    }

    @Schema(description = "L'état voulu du compte : false le désactive (sessions fermées, jetons et liens révoqués)")
    record ActiveRequest(@Schema(example = "false") Boolean active) {
    }

    @GetMapping("/accounts")
    @Operation(summary = "Les comptes, 25 par page (à partir de 0), filtrés (rôle BRANCH_ADMIN)")
    AccountsPage search(Principal principal, @RequestParam(required = false) String q,
            @RequestParam(required = false) String role, @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page) {
        AccountManagement.AccountPage found = accounts.search(principal.getName(), null,
                new AccountManagement.AccountQuery(q, role(role), organisationId, active, page));
        return new AccountsPage(found.people(), found.page(), found.pageCount(), found.total());
    }

    @GetMapping("/accounts/{userId}")
    @Operation(summary = "Un compte, ses rôles et ceux que l'on peut lui donner (rôle BRANCH_ADMIN)")
    AccountEntry account(@PathVariable UUID userId, Principal principal) {
        return AccountEntry.of(accounts.account(principal.getName(), userId, null));
    }

    @GetMapping("/organisations/{organisationId}/people/{userId}")
    @Operation(summary = "Une personne de l'organisme et ses rôles dans celui-ci (son RH ou BRANCH_ADMIN)")
    AccountEntry member(@PathVariable UUID organisationId, @PathVariable UUID userId, Principal principal) {
        return AccountEntry.of(accounts.account(principal.getName(), userId, organisationId));
    }

    @PostMapping("/accounts/{userId}/roles")
    @Operation(summary = "Donne un rôle (GrantPolicy)")
    AccountEntry grant(@PathVariable UUID userId, Principal principal, @RequestBody(required = false) RoleRequest body) {
        return grant(userId, null, body, principal);
    }

    @PostMapping("/organisations/{organisationId}/people/{userId}/roles")
    @Operation(summary = "Donne un rôle dans l'organisme (GrantPolicy : manager ou salarié pour son RH)")
    AccountEntry grantHere(@PathVariable UUID organisationId, @PathVariable UUID userId, Principal principal,
            @RequestBody(required = false) RoleRequest body) {
        return grant(userId, organisationId, body, principal);
    }

    private AccountEntry grant(UUID userId, UUID scope, RoleRequest body, Principal principal) {
        accounts.account(principal.getName(), userId, scope); // unknown: 404 before the input is read
        RoleRequest input = body == null ? new RoleRequest(null, null) : body;
        accounts.grant(principal.getName(), userId, role(input.role()), input.organisationId(), scope);
        return AccountEntry.of(accounts.account(principal.getName(), userId, scope));
    }

    @DeleteMapping("/accounts/{userId}/roles/{role}")
    @Operation(summary = "Retire un rôle (organisationId pour un rôle d'organisme) ; 409 si la personne ne l'a pas")
    AccountEntry revoke(@PathVariable UUID userId, @PathVariable String role,
            @RequestParam(required = false) UUID organisationId, Principal principal) {
        return revoke(userId, null, role, organisationId, principal);
    }

    @DeleteMapping("/organisations/{organisationId}/people/{userId}/roles/{role}")
    @Operation(summary = "Retire un rôle dans l'organisme ; 409 si la personne ne l'a pas")
    AccountEntry revokeHere(@PathVariable UUID organisationId, @PathVariable UUID userId, @PathVariable String role,
            Principal principal) {
        return revoke(userId, organisationId, role, organisationId, principal);
    }

    private AccountEntry revoke(UUID userId, UUID scope, String role, UUID organisationId, Principal principal) {
        accounts.account(principal.getName(), userId, scope);
        accounts.revoke(principal.getName(), userId, role(role), organisationId, scope);
        return AccountEntry.of(accounts.account(principal.getName(), userId, scope));
    }

    @PutMapping("/accounts/{userId}/active")
    @Operation(summary = "Désactive ({\"active\": false}) ou réactive un compte ; audité")
    AccountEntry active(@PathVariable UUID userId, Principal principal, @RequestBody(required = false) ActiveRequest body) {
        return active(userId, null, body, principal);
    }

    @PutMapping("/organisations/{organisationId}/people/{userId}/active")
    @Operation(summary = "Désactive ou réactive le compte d'une personne de l'organisme dont on gère tous les rôles")
    AccountEntry activeHere(@PathVariable UUID organisationId, @PathVariable UUID userId, Principal principal,
            @RequestBody(required = false) ActiveRequest body) {
        return active(userId, organisationId, body, principal);
    }

    private AccountEntry active(UUID userId, UUID scope, ActiveRequest body, Principal principal) {
        accounts.account(principal.getName(), userId, scope);
        if (body == null || body.active() == null) {
            throw new BadInputException("Indiquez l'état voulu : {\"active\": false} désactive le compte, true le réactive.");
        }
        if (body.active()) {
            accounts.reactivate(principal.getName(), userId, scope);
        } else {
            accounts.deactivate(principal.getName(), userId, scope);
        }
        return AccountEntry.of(accounts.account(principal.getName(), userId, scope));
    }

    /** A refusal by the rules keeps its French reason. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Accès refusé");
        return problem;
    }

    private static Role role(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new BadInputException("Le rôle « " + name.strip() + " » n'existe pas ; valeurs"
                        + " possibles : " + Arrays.stream(Role.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
