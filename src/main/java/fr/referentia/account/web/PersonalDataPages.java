package fr.referentia.account.web;

import fr.referentia.account.PersonalData;
import fr.referentia.account.Reauthentication;
import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Mes données": every signed-in person sees, downloads and may erase what is held about them.
 * Always the signed-in person's own data: no page here takes an account id.
 */
@Controller
class PersonalDataPages {

    private final PersonalData personalData;
    private final Reauthentication reauthentication;
    private final Clock clock;

    PersonalDataPages(PersonalData personalData, Reauthentication reauthentication, Clock clock) {
        this.personalData = personalData;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    @GetMapping("/mes-donnees")
    String overview(Principal principal, Model model) {
        model.addAttribute("data", personalData.overview(principal.getName()));
        model.addAttribute("zone", clock.getZone());
        return "account/my-data";
    }

    @GetMapping("/mes-donnees/archive.zip")
    void archive(Principal principal, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mes-donnees-referentia.zip\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        personalData.writeArchive(principal.getName(), response.getOutputStream());
    }

    @GetMapping("/mes-donnees/effacement")
    String confirmErasure(Principal principal, HttpServletRequest request, Model model) {
        model.addAttribute("kept", personalData.keptOnErasure(principal.getName()));
        reauthenticationState(request, model);
        return "account/erasure";
    }

    /** Erases on confirmation and re-authentication, then signs the person out and shows what was kept. */
    @PostMapping("/mes-donnees/effacement")
    String erase(@RequestParam(required = false) boolean confirm, @RequestParam(defaultValue = "") String password,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!confirm) {
            return refused(HttpStatus.BAD_REQUEST, "Cochez la case de confirmation pour effacer vos données : "
                    + "rien n'a été effacé.", authentication, request, response, model);
        }
        try {
            reauthentication.require(request, authentication.getName(), password);
        } catch (BadInputException e) {
            return refused(HttpStatus.BAD_REQUEST, e.getMessage(), authentication, request, response, model);
        }
        PersonalData.Erasure erasure;
        try {
            erasure = personalData.erase(authentication.getName());
        } catch (ConflictException e) {
            return refused(HttpStatus.CONFLICT, e.getMessage(), authentication, request, response, model);
        }
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        model.addAttribute("kept", erasure.kept());
        return "account/erased";
    }

    private String refused(HttpStatus status, String message, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("error", message);
        model.addAttribute("kept", personalData.keptOnErasure(authentication.getName()));
        reauthenticationState(request, model);
        return "account/erasure";
    }

    private void reauthenticationState(HttpServletRequest request, Model model) {
        model.addAttribute("reauthenticated", reauthentication.isRecent(request));
        model.addAttribute("reauthenticationMinutes", reauthentication.validityMinutes());
    }
}
