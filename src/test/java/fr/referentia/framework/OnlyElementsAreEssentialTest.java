package fr.referentia.framework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.OnlyElementsAreEssential.Request;
import org.junit.jupiter.api.Test;

class OnlyElementsAreEssentialTest {

    @Test
    void anElementIsEssentialOrNotAndIsNotEssentialUntilItsAuthorSaysSo() {
        assertThat(OnlyElementsAreEssential.flag(ItemType.ELEMENT, true)).isTrue();
        assertThat(OnlyElementsAreEssential.flag(ItemType.ELEMENT, false)).isFalse();
        assertThat(OnlyElementsAreEssential.flag(ItemType.ELEMENT, null)).isFalse();
    }

    @Test
    void anyOtherItemHasNoEssentialFlagAtAll() {
        for (ItemType type : ItemType.values()) {
            assertThat(OnlyElementsAreEssential.carriesFlag(type)).as(type.name()).isEqualTo(type == ItemType.ELEMENT);
            if (type != ItemType.ELEMENT) {
                assertThat(OnlyElementsAreEssential.flag(type, true)).as(type.name()).isNull();
                assertThat(OnlyElementsAreEssential.flag(type, false)).as(type.name()).isNull();
            }
        }
    }

    @Test
    void markingACompetencyEssentialIsRefusedWithWhatTheItemIs() {
        var decision = OnlyElementsAreEssential.RULE.check(new Request("C1", ItemType.COMPETENCY,
                ItemType.COMPETENCY.label(), true));
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("Seul un élément de compétence peut être incontournable : « C1 » "
                + "est de type " + ItemType.COMPETENCY.label() + ".");
    }

    @Test
    void clearingOrLeavingTheFlagOfAnyItemAndMarkingAnElementAreAllowed() {
        assertThat(OnlyElementsAreEssential.RULE.check(new Request("C1.E1", ItemType.ELEMENT, "Élément", true))
                .isAllowed()).isTrue();
        assertThat(OnlyElementsAreEssential.RULE.check(new Request("C1", ItemType.COMPETENCY, "Compétence", false))
                .isAllowed()).isTrue();
        assertThat(OnlyElementsAreEssential.RULE.check(new Request("C1", ItemType.COMPETENCY, "Compétence", null))
                .isAllowed()).isTrue();
    }
}
