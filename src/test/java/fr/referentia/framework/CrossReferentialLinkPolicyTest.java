package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.CrossReferentialLinkPolicy.Link;
import org.junit.jupiter.api.Test;

class CrossReferentialLinkPolicyTest {

    @Test
    void aLinkToAnItemOfAnotherReferentialsPublishedVersionIsAllowed() {
        assertThat(CrossReferentialLinkPolicy.checkAll(new Link("C1.E2", "CCSRC", "B1.C2", true)).isAllowed()).isTrue();
    }

    @Test
    void aLinkToAnItemTheOtherReferentialDoesNotPublishLeadsNowhereAndSaysWhichOne() {
        var decision = CrossReferentialLinkPolicy.checkAll(new Link("C1", "CQP-CONSEILLER-COMMERCIAL", "C99", false));
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Association depuis « C1 » : le référentiel publié "
                + "« CQP-CONSEILLER-COMMERCIAL » n'a pas d'élément « C99 ».");
    }

    @Test
    void aLinkWithoutItsDestinationItemSaysWhatIsMissingRatherThanNull() {
        // Found by ApiBadInputSweepTest: « … n'a pas d'élément « null » » for an association without destinationCode.
        var decision = CrossReferentialLinkPolicy.checkAll(new Link("C1", "CQP-CONSEILLER-COMMERCIAL", null, false));
        assertThat(decision.reason()).isEqualTo("Association depuis « C1 » : le code de l'élément de destination du "
                + "référentiel « CQP-CONSEILLER-COMMERCIAL » manque.").doesNotContain("null");
    }
}
