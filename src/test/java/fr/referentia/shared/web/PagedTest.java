package fr.referentia.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedTest {

    static final List<Integer> TWO_HUNDRED_AND_FIFTY = IntStream.rangeClosed(1, 250).boxed().toList();

    @Test
    void aPageHoldsItsSliceAndKnowsTheRanksOfItsFirstAndLastItems() {
        Paged<Integer> second = Paged.of(TWO_HUNDRED_AND_FIFTY, 1, 100);
        assertThat(second.items()).hasSize(100).startsWith(101).endsWith(200);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(250);
        assertThat(second.first()).isEqualTo(101);
        assertThat(second.last()).isEqualTo(200);
        assertThat(Paged.of(TWO_HUNDRED_AND_FIFTY, 2, 100).items()).containsExactlyElementsOf(
                TWO_HUNDRED_AND_FIFTY.subList(200, 250));
    }

    @Test
    void aPageOutOfRangeIsBroughtBackToTheFirstOrTheLast() {
        assertThat(Paged.of(TWO_HUNDRED_AND_FIFTY, 99, 100).page()).isEqualTo(2);
        assertThat(Paged.of(TWO_HUNDRED_AND_FIFTY, -3, 100).page()).isZero();
        Paged<Integer> empty = Paged.of(List.of(), 4, 100);
        assertThat(empty.page()).isZero();
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.first()).isZero();
    }

    @Test
    void theSamePageCanCarryOtherItems() {
        Paged<String> labelled = Paged.of(TWO_HUNDRED_AND_FIFTY, 2, 100).with(List.of("a", "b"));
        assertThat(labelled.items()).containsExactly("a", "b");
        assertThat(labelled.page()).isEqualTo(2);
        assertThat(labelled.pages()).isEqualTo(3);
    }
}
