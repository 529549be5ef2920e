package fr.referentia.account.web;

import fr.referentia.account.Memberships;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mes invitations »: organisations that invited the signed-in person, who already had an account,
 * to join them; the person accepts (the role is granted) or declines. An invitation that is not the
 * person's own, expired or already answered reads the same: unknown.
 */
@Controller
class InvitationsPage {

    private static final String UNKNOWN = "Cette invitation n'existe pas, a expiré ou a déjà reçu une réponse.";

    private final Memberships memberships;
    private final Clock clock;

    InvitationsPage(Memberships memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    @GetMapping("/mon-compte/invitations")
    String list(Principal principal, Model model) {
        model.addAttribute("invitations", memberships.openOf(principal.getName()));
        model.addAttribute("zone", clock.getZone());
        return "account/invitations";
    }

    @PostMapping("/mon-compte/invitations/{membershipId}/acceptation")
    String accept(@PathVariable String membershipId, Principal principal, RedirectAttributes flash) {
        answered(memberships.accept(principal.getName(), id(membershipId)), flash,
                "Invitation acceptée : vous faites maintenant partie de l'organisme ");
        return "redirect:/mon-compte/invitations";
    }

    @PostMapping("/mon-compte/invitations/{membershipId}/refus")
    String decline(@PathVariable String membershipId, Principal principal, RedirectAttributes flash) {
        answered(memberships.decline(principal.getName(), id(membershipId)), flash,
                "Invitation refusée : rien n'a changé pour votre compte, l'organisme ne vous voit pas. Organisme : ");
        return "redirect:/mon-compte/invitations";
    }

    private static void answered(Optional<String> organisation, RedirectAttributes flash, String success) {
        organisation.ifPresentOrElse(name -> flash.addFlashAttribute("success", success + name + "."),
                () -> flash.addFlashAttribute("error", UNKNOWN));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
