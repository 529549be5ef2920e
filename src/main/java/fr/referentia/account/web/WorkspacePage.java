package fr.referentia.account.web;

import fr.referentia.account.WorkspacePeople;
import fr.referentia.shared.web.WorkspacePerson;
import fr.referentia.shared.web.WorkspaceTile;
import fr.referentia.shared.web.WorkspaceTiles;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each person's workspace, where sign-in lands: who they are, for which organisation, and the tiles every
 * module contributes for their roles ({@link WorkspaceTiles}).
 */
@Controller
class WorkspacePage {

    private final WorkspacePeople people;
    private final List<WorkspaceTiles> contributors;

    WorkspacePage(WorkspacePeople people, List<WorkspaceTiles> contributors) {
        this.people = people;
        this.contributors = contributors;
    }

    @GetMapping("/mon-espace")
    String workspace(Principal principal, Model model) {
        WorkspacePerson person = people.person(principal.getName());
        model.addAttribute("person", person);
        model.addAttribute("tiles", contributors.stream().flatMap(c -> c.tilesFor(person).stream())
                .sorted(Comparator.comparingInt(WorkspaceTile::order).thenComparing(WorkspaceTile::title)).toList());
        return "account/workspace";
    }
}
