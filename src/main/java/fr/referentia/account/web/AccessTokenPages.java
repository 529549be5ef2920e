package fr.referentia.account.web;

import fr.referentia.account.AccessTokenScope;
import fr.referentia.account.AccessTokens;
import fr.referentia.account.AccessTokens.IssuedToken;
import fr.referentia.account.AccessTokens.TokenView;
import fr.referentia.account.Reauthentication;
import fr.referentia.shared.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in person's personal access tokens for the API. A new token's secret is shown in the
 * answer to its creation only, never redirected through the session: it is stored nowhere in clear.
 */
@Controller
class AccessTokenPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(AccessTokens.ZONE);

    private final AccessTokens tokens;
    private final Reauthentication reauthentication;
    private final Clock clock;

    AccessTokenPages(AccessTokens tokens, Reauthentication reauthentication, Clock clock) {
        this.tokens = tokens;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    /** One line of the list, dates written out in French. */
    record Row(UUID id, String name, String scope, String hint, String created, String expires, String lastUsed,
            String state, boolean active) {

        static Row of(TokenView token) {
            return new Row(token.id(), token.name(), token.scope().label(), token.hint(),
                    MINUTE.format(token.createdAt()),
                    token.lastValidDay() == null ? "jamais" : "fin du " + DAY.format(token.lastValidDay()),
                    token.lastUsedAt() == null ? "jamais" : MINUTE.format(token.lastUsedAt()),
                    token.revokedAt() != null ? "Révoqué le " + MINUTE.format(token.revokedAt())
                            : token.active() ? "Actif" : "Expiré",
                    token.active());
        }
    }

    @GetMapping("/mon-compte/jetons")
    String list(Principal principal, HttpServletRequest request, Model model) {
        return page(principal, request, model);
    }

    /** A WRITE token needs the password again (ASVS 3.7.1, {@link Reauthentication}); a READ one does not. */
    @PostMapping("/mon-compte/jetons")
    String create(Principal principal, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) AccessTokenScope scope,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model) {
        try {
            if (scope == AccessTokenScope.WRITE && tokens.mayWrite(principal.getName())) {
                reauthentication.require(request, principal.getName(), password);
            }
            IssuedToken issued = tokens.create(principal.getName(), name, scope, expiresOn);
            model.addAttribute("issued", issued);
        } catch (BadInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("name", name);
            model.addAttribute("expiresOn", expiresOn);
        }
        return page(principal, request, model);
    }

    @PostMapping("/mon-compte/jetons/{tokenId}/revocation")
    String revoke(@PathVariable UUID tokenId, Principal principal, RedirectAttributes redirect) {
        String name = tokens.revoke(principal.getName(), tokenId);
        redirect.addFlashAttribute("success", "Jeton « " + name + " » révoqué : il ne permet plus aucun appel.");
        return "redirect:/mon-compte/jetons";
    }

    private String page(Principal principal, HttpServletRequest request, Model model) {
        List<AccessTokenScope> scopes = tokens.mayWrite(principal.getName())
                ? Arrays.asList(AccessTokenScope.values()) : List.of(AccessTokenScope.READ);
        model.addAttribute("tokens", tokens.tokensOf(principal.getName()).stream().map(Row::of).toList());
        model.addAttribute("scopes", scopes);
        model.addAttribute("tomorrow", LocalDate.now(clock.withZone(AccessTokens.ZONE)).plusDays(1));
        model.addAttribute("reauthenticated", reauthentication.isRecent(request));
        model.addAttribute("reauthenticationMinutes", reauthentication.validityMinutes());
        return "account/tokens";
    }
}
