package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.shared.BadInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void readsIsoAndFrenchDatesAndTrimsTexts() {
        AuditFilter filter = AuditFilter.parse("  Admin@Demo ", "FRAMEWORK", " RAC ", "2026-01-31", "28/02/2026");
        assertThat(filter).isEqualTo(new AuditFilter("Admin@Demo", "FRAMEWORK", "RAC", LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 2, 28)));
    }

    @Test
    void blankCriteriaMeanNoFilter() {
        assertThat(AuditFilter.parse("", " ", null, "", null)).isEqualTo(AuditFilter.NONE);
    }

    @Test
    void impossibleDatesAreRefusedWithTheirValueInFrench() {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "2026-02-30", "13/13/2026"))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).errors()).containsExactly(
                        "La date de début « 2026-02-30 » n'est pas valide : saisissez une date réelle au format "
                                + "JJ/MM/AAAA (ou AAAA-MM-JJ).",
                        "La date de fin « 13/13/2026 » n'est pas valide : saisissez une date réelle au format "
                                + "JJ/MM/AAAA (ou AAAA-MM-JJ)."));
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "hier", null))
                .hasMessageContaining("« hier » n'est pas valide");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, "2026-03-02", "2026-03-01"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("La date de début (02/03/2026) est postérieure à la date de fin (01/03/2026).");
        assertThat(AuditFilter.parse(null, null, null, "2026-03-01", "2026-03-01").from())
                .isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void overlongTextsAreRefused() {
        assertThatThrownBy(() -> AuditFilter.parse("x".repeat(321), null, null, null, null))
                .hasMessage("La personne dépasse 320 caractères.");
    }
}
