package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.shared.policy.Decision;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VersionChangePolicyTest {

    @Test
    void aDraftMayChange() {
        assertThat(VersionChangePolicy.evaluate(FrameworkStatus.DRAFT).isAllowed()).isTrue();
    }

    @Test
    void aPublishedVersionIsImmutableAndSaysWhatToDoInstead() {
        Decision decision = new PublishedVersionIsImmutable().check(FrameworkStatus.PUBLISHED);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).contains("publiée").contains("nouvelle version");
        assertThat(VersionChangePolicy.evaluate(FrameworkStatus.PUBLISHED)).isEqualTo(decision);
    }

    @Test
    void aRetiredVersionIsImmutable() {
        assertThat(VersionChangePolicy.evaluate(FrameworkStatus.RETIRED).isAllowed()).isFalse();
        assertThat(new PublishedVersionIsImmutable().check(FrameworkStatus.RETIRED).isAllowed()).isTrue();
    }

    @Test
    void theEntityRefusesToChangeAPublishedVersion() {
        Framework framework = new Framework("TEST", "1", FrameworkKind.CQP, "Test", FrameworkStatus.DRAFT, Instant.EPOCH);
        FrameworkItem item = framework.addItem("C1", ItemType.COMPETENCY, "Accueillir", null, 1);
        item.changeText("Accueillir les publics");
        framework.publish(LocalDate.of(2024, 10, 2), "Validé en CPNEF du 2-10-2024", "a@b.fr", Instant.EPOCH);

        assertThatThrownBy(() -> item.changeText("Autre texte"))
                .isInstanceOf(FrameworkVersionFrozenException.class).hasMessageContaining("TEST");
        assertThatThrownBy(() -> framework.publish(LocalDate.of(2025, 1, 1), null, "c@d.fr", Instant.EPOCH))
                .isInstanceOf(FrameworkVersionFrozenException.class);
        assertThat(item.getText()).isEqualTo("Accueillir les publics");
        assertThat(framework.getPublishedBy()).isEqualTo("a@b.fr");
        assertThat(framework.getValidationDate()).isEqualTo(LocalDate.of(2024, 10, 2));
    }
}
