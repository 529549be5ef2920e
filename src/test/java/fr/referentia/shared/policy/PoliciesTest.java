package fr.referentia.shared.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.shared.BadInputException;
import fr.referentia.shared.ConflictException;
import fr.referentia.shared.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final Policy<Integer> POSITIVE = n -> Decision.allowedIf(n > 0, "Le nombre doit être positif.");
    private static final Policy<Integer> EVEN = n -> Decision.allowedIf(n % 2 == 0, "Le nombre doit être pair.");
    private static final Policy<Object> ANYTHING = subject -> Decision.allowed();
    private static final List<Policy<Integer>> CURRENT = List.of(POSITIVE, EVEN);

    @Test
    void theFirstRejectionIsTheReasonOfTheFirstRuleInTheListThatRefuses() {
        assertThat(Policies.firstRejection(-3, CURRENT).reason()).isEqualTo("Le nombre doit être positif.");
        assertThat(Policies.firstRejection(3, CURRENT).reason()).isEqualTo("Le nombre doit être pair.");
    }

    @Test
    void aSubjectEveryRuleAllowsIsAllowedWithoutAReason() {
        Decision decision = Policies.firstRejection(4, CURRENT);
        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.reason()).isNull();
        assertThat(Policies.allRejections(4, CURRENT)).isEmpty();
    }

    @Test
    void allRejectionsListsEveryReasonInTheOrderOfTheRules() {
        assertThat(Policies.allRejections(-3, CURRENT))
                .containsExactly("Le nombre doit être positif.", "Le nombre doit être pair.");
    }

    @Test
    void aRuleOnAWiderTypeJoinsTheListOfANarrowerOne() {
        List<Policy<? super Integer>> mixed = List.of(ANYTHING, EVEN);
        assertThat(Policies.allRejections(5, mixed)).containsExactly("Le nombre doit être pair.");
    }

    @Test
    void aRejectionReachesThePersonAsTheErrorTheRequestDeserves() {
        Decision refused = Decision.rejected("Organisme introuvable.");
        assertThatThrownBy(refused::orBadInput).isInstanceOf(BadInputException.class)
                .hasMessage("Organisme introuvable.")
                .satisfies(e -> assertThat(((BadInputException) e).errors()).containsExactly("Organisme introuvable."));
        assertThatThrownBy(refused::orConflict).isExactlyInstanceOf(ConflictException.class)
                .hasMessage("Organisme introuvable.");
        assertThatThrownBy(refused::orNotFound).isExactlyInstanceOf(NotFoundException.class)
                .hasMessage("Organisme introuvable.");
        assertThatThrownBy(() -> refused.orThrow(IllegalStateException::new))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("Organisme introuvable.");
    }

    @Test
    void anAllowanceThrowsNothing() {
        Decision.allowed().orBadInput();
        Decision.allowed().orConflict();
        Decision.allowed().orNotFound();
        assertThat(Decision.allowed()).isEqualTo(Decision.allowed());
    }

    @Test
    void aRejectionAlwaysSaysWhy() {
        assertThatThrownBy(() -> Decision.rejected(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decision.rejected(null)).isInstanceOf(NullPointerException.class);
    }
}
