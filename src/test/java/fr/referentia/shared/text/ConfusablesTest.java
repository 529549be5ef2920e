package fr.referentia.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfusablesTest {

    @Test
    void anAddressWithACyrillicLetterOrADigitForALetterLooksLikeTheGenuineOne() {
        String genuine = Confusables.skeletonDigest("paul.martin@exemple.fr");
        assertThat(Confusables.skeletonDigest("p\u0430ul.martin@exemple.fr")).isEqualTo(genuine); // Cyrillic а
        assertThat(Confusables.skeletonDigest("pau1.martin@exemple.fr")).isEqualTo(genuine); // digit one
        assertThat(Confusables.skeletonDigest("PAUL.MARTIN@EXEMPLE.FR")).isEqualTo(genuine);
    }

    @Test
    void differentAddressesDoNotLookAlike() {
        assertThat(Confusables.skeletonDigest("paula.martin@exemple.fr"))
                .isNotEqualTo(Confusables.skeletonDigest("paul.martin@exemple.fr"));
        assertThat(Confusables.skeletonDigest("élodie@exemple.fr"))
                .isNotEqualTo(Confusables.skeletonDigest("elodie@exemple.fr"));
    }
}
