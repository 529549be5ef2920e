package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.shared.BadInputException;
import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void acceptsANumberWhoseLuhnCheckHolds() {
        assertThat(Siret.parse("732 829 320 00074").value()).isEqualTo("73282932000074");
        assertThat(Siret.parse("73282932000074").formatted()).isEqualTo("732 829 320 00074");
    }

    @Test
    void refusesAWrongCheckDigitWithAReason() {
        assertThatThrownBy(() -> Siret.parse("73282932000075")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("clé de contrôle");
    }

    @Test
    void refusesAnythingButFourteenDigits() {
        assertThatThrownBy(() -> Siret.parse("7328293200007")).hasMessageContaining("14 chiffres");
        assertThatThrownBy(() -> Siret.parse("7328293200007A")).hasMessageContaining("14 chiffres");
        assertThatThrownBy(() -> Siret.parse(null)).hasMessageContaining("14 chiffres");
    }

    @Test
    void laPosteEstablishmentsFollowTheirOwnRule() {
        // SIREN 356000000: the digit sum must be a multiple of 5 (Luhn would refuse this one).
        assertThat(Siret.isValid("35600000000010")).isTrue();
        assertThat(Siret.isValid("35600000000011")).isFalse();
    }
}
