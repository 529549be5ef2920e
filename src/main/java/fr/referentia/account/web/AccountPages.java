package fr.referentia.account.web;

import fr.referentia.account.AccountAdministration;
import fr.referentia.account.AccountManagement;
import fr.referentia.account.Role;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's account page: their roles (given and taken away through {@code GrantPolicy} and
 * {@code AccountChangePolicy}), deactivation and reactivation after a confirmation page. Under
 * {@code /admin/comptes/{userId}} for the branch administrator; under
 * {@code /organismes/{organisationId}/personnes/{userId}} for that organisation's HR (and the branch
 * administrator), where only the roles held in that organisation are shown and changed, and anyone
 * without a role there reads as unknown.
 */
@Controller
class AccountPages {

    /** The word the confirmation form sends: a deactivation is never one click away. */
    static final String CONFIRMED = "oui";

    private final AccountManagement accounts;
    private final AccountAdministration administration;

    AccountPages(AccountManagement accounts, AccountAdministration administration) {
        this.accounts = accounts;
        this.administration = administration;
    }

    @GetMapping("/admin/comptes/{userId}")
    String account(@PathVariable UUID userId, Principal principal, Model model) {
        return page(userId, null, principal, model);
    }

    @GetMapping("/organismes/{organisationId}/personnes/{userId}")
    String member(@PathVariable UUID organisationId, @PathVariable UUID userId, Principal principal, Model model) {
        return page(userId, organisationId, principal, model);
    }

    private String page(UUID userId, UUID scope, Principal principal, Model model) {
        model.addAttribute("account", accounts.account(principal.getName(), userId, scope));
        model.addAttribute("base", base(userId, scope));
        model.addAttribute("back", scope == null ? "/admin/comptes" : "/organismes/" + scope + "/personnes");
        if (scope == null) {
            model.addAttribute("organisations", administration.organisations());
        } else {
            model.addAttribute("organisation", administration.managedOrganisation(principal.getName(), scope));
        }
        return "account/account";
    }

    @PostMapping("/admin/comptes/{userId}/roles")
    String grant(@PathVariable UUID userId, @RequestParam(required = false) Role role,
            @RequestParam(required = false) UUID organisationId, Principal principal, RedirectAttributes redirect) {
        return grant(userId, null, role, organisationId, principal, redirect);
    }

    @PostMapping("/organismes/{organisationId}/personnes/{userId}/roles")
    String grantHere(@PathVariable UUID organisationId, @PathVariable UUID userId,
            @RequestParam(required = false) Role role, Principal principal, RedirectAttributes redirect) {
        return grant(userId, organisationId, role, organisationId, principal, redirect);
    }

    private String grant(UUID userId, UUID scope, Role role, UUID organisationId, Principal principal,
            RedirectAttributes redirect) {
        accounts.account(principal.getName(), userId, scope); // unknown person or organisation: 404 before the input
        if (role == null) {
            throw new BadInputException("Choisissez le rôle à donner.");
        }
        act(redirect, "Rôle « " + role.label() + " » donné.",
                () -> accounts.grant(principal.getName(), userId, role, organisationId, scope));
        return "redirect:" + base(userId, scope);
    }

    @PostMapping("/admin/comptes/{userId}/roles/retrait")
    String revoke(@PathVariable UUID userId, @RequestParam(required = false) Role role,
            @RequestParam(required = false) UUID organisationId, Principal principal, RedirectAttributes redirect) {
        return revoke(userId, null, role, organisationId, principal, redirect);
    }

    @PostMapping("/organismes/{organisationId}/personnes/{userId}/roles/retrait")
    String revokeHere(@PathVariable UUID organisationId, @PathVariable UUID userId,
            @RequestParam(required = false) Role role, Principal principal, RedirectAttributes redirect) {
        return revoke(userId, organisationId, role, organisationId, principal, redirect);
    }

    private String revoke(UUID userId, UUID scope, Role role, UUID organisationId, Principal principal,
            RedirectAttributes redirect) {
        accounts.account(principal.getName(), userId, scope);
        if (role == null) {
            throw new BadInputException("Choisissez le rôle à retirer.");
        }
        act(redirect, "Rôle « " + role.label() + " » retiré.",
                () -> accounts.revoke(principal.getName(), userId, role, organisationId, scope));
        if (scope != null && !stillMember(principal, userId, scope)) {
            redirect.addFlashAttribute("success", "Rôle « " + role.label() + " » retiré : la personne n'a plus de"
                    + " rôle dans l'organisme et n'en fait donc plus partie.");
            return "redirect:/organismes/" + scope + "/personnes";
        }
        return "redirect:" + base(userId, scope);
    }

    private boolean stillMember(Principal principal, UUID userId, UUID scope) {
        try {
            accounts.account(principal.getName(), userId, scope);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @GetMapping({"/admin/comptes/{userId}/desactivation", "/admin/comptes/{userId}/reactivation"})
    String confirm(@PathVariable UUID userId, Principal principal, Model model,
            HttpServletRequest request) {
        return confirmation(userId, null, request.getRequestURI().endsWith("/desactivation"), principal, model);
    }

    @GetMapping({"/organismes/{organisationId}/personnes/{userId}/desactivation",
            "/organismes/{organisationId}/personnes/{userId}/reactivation"})
    String confirmHere(@PathVariable UUID organisationId, @PathVariable UUID userId, Principal principal, Model model,
            HttpServletRequest request) {
        return confirmation(userId, organisationId, request.getRequestURI().endsWith("/desactivation"), principal,
                model);
    }

    private String confirmation(UUID userId, UUID scope, boolean deactivation, Principal principal, Model model) {
        model.addAttribute("account", accounts.account(principal.getName(), userId, scope));
        model.addAttribute("base", base(userId, scope));
        model.addAttribute("deactivation", deactivation);
        return "account/account-status";
    }

    @PostMapping("/admin/comptes/{userId}/desactivation")
    String deactivate(@PathVariable UUID userId, @RequestParam(required = false) String confirmation,
            Principal principal, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return status(userId, null, true, confirmation, principal, redirect, model, response);
    }

    @PostMapping("/organismes/{organisationId}/personnes/{userId}/desactivation")
    String deactivateHere(@PathVariable UUID organisationId, @PathVariable UUID userId,
            @RequestParam(required = false) String confirmation, Principal principal, RedirectAttributes redirect,
            Model model, HttpServletResponse response) {
        return status(userId, organisationId, true, confirmation, principal, redirect, model, response);
    }

    @PostMapping("/admin/comptes/{userId}/reactivation")
    String reactivate(@PathVariable UUID userId, @RequestParam(required = false) String confirmation,
            Principal principal, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return status(userId, null, false, confirmation, principal, redirect, model, response);
    }

    @PostMapping("/organismes/{organisationId}/personnes/{userId}/reactivation")
    String reactivateHere(@PathVariable UUID organisationId, @PathVariable UUID userId,
            @RequestParam(required = false) String confirmation, Principal principal, RedirectAttributes redirect,
            Model model, HttpServletResponse response) {
        return status(userId, organisationId, false, confirmation, principal, redirect, model, response);
    }

    private String status(UUID userId, UUID scope, boolean deactivation, String confirmation, Principal principal,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        if (!CONFIRMED.equals(confirmation)) {
            // Unknown person or organisation: 404 first; then the confirmation page again, answered 400.
            String view = confirmation(userId, scope, deactivation, principal, model);
            model.addAttribute("error", "Confirmez en cochant la case avant de valider : rien n'a été changé.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return view;
        }
        act(redirect, null, () -> {
            String name = deactivation ? accounts.deactivate(principal.getName(), userId, scope)
                    : accounts.reactivate(principal.getName(), userId, scope);
            redirect.addFlashAttribute("success", deactivation
                    ? "Compte de " + name + " désactivé : ses sessions sont fermées et ses jetons d'accès révoqués."
                    : "Compte de " + name + " réactivé : la personne peut de nouveau se connecter.");
        });
        return "redirect:" + base(userId, scope);
    }

    /** Runs the change; a refusal the person can act on comes back as the page's message, changing nothing. */
    private static void act(RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            if (success != null) {
                redirect.addFlashAttribute("success", success);
            }
        } catch (BadInputException | ConflictException | AccessDeniedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }

    private static String base(UUID userId, UUID scope) {
        return scope == null ? "/admin/comptes/" + userId : "/organismes/" + scope + "/personnes/" + userId;
    }
}
