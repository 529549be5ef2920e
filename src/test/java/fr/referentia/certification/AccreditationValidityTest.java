package fr.referentia.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.shared.BadInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccreditationValidityTest {

    @Test
    void readsDateFieldsAndFrenchTypedDates() {
        var validity = AccreditationValidity.parse("2026-01-01", "31/12/2028");
        assertThat(validity.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(validity.until()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(validity.contains(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(validity.contains(LocalDate.of(2028, 12, 31))).isTrue();
        assertThat(validity.contains(LocalDate.of(2029, 1, 1))).isFalse();
    }

    @Test
    void refusesReversedOrEqualDatesWithBothDatesInTheMessage() {
        assertThatThrownBy(() -> AccreditationValidity.parse("2027-01-01", "2026-01-01"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("La date de fin de validité (01/01/2026) doit être postérieure à la date de début (01/01/2027).");
        assertThatThrownBy(() -> AccreditationValidity.parse("2026-01-01", "2026-01-01"))
                .hasMessageContaining("postérieure");
    }

    @Test
    void refusesImpossibleMissingOrGarbledDates() {
        assertThatThrownBy(() -> AccreditationValidity.parse("31/02/2026", "2027-01-01"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("La date de début de validité « 31/02/2026 » n'est pas une date valide (format attendu : JJ/MM/AAAA).");
        assertThatThrownBy(() -> AccreditationValidity.parse("2026-01-01", "bientôt"))
                .hasMessageContaining("La date de fin de validité « bientôt »");
        assertThatThrownBy(() -> AccreditationValidity.parse("", "2027-01-01"))
                .hasMessage("La date de début de validité est obligatoire.");
    }

    @Test
    void numbersAreReadInCapitalsAndLimitedToPlainCharacters() {
        assertThat(AccreditationNumber.parse("  hab-2026-0042 ").value()).isEqualTo("HAB-2026-0042");
        assertThatThrownBy(() -> AccreditationNumber.parse(" ")).isInstanceOf(BadInputException.class)
                .hasMessage("Le numéro d'habilitation est obligatoire.");
        assertThatThrownBy(() -> AccreditationNumber.parse("HAB 2026 <42>")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("exemple : HAB-2026-0042");
    }
}
