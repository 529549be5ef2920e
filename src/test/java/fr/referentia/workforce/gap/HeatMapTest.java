package fr.referentia.workforce.gap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.workforce.gap.GapAnalysis.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R17 on the heat map: no published count from fewer than the threshold, and none recomputable from totals. */
class HeatMapTest {

    static final UUID BIG = UUID.randomUUID();
    static final UUID SMALL = UUID.randomUUID();

    private static Item item(String code, GapStatus status) {
        return new Item("RAC", code, "Compétence " + code, 3, null, status == GapStatus.MET ? 3 : 1, status, true, List.of());
    }

    private static List<HeatMap.Member> members(UUID team, int count, int atLevel, String... codes) {
        List<HeatMap.Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Item> items = new ArrayList<>();
            for (String code : codes) {
                items.add(item(code, i < atLevel ? GapStatus.MET : GapStatus.GAP));
            }
            members.add(new HeatMap.Member(team, items));
        }
        return members;
    }

    private static HeatMap.Result map(int threshold) {
        List<HeatMap.Member> members = new ArrayList<>(members(BIG, 12, 5, "C1", "C2"));
        members.addAll(members(SMALL, 3, 1, "C1"));
        return HeatMap.of(List.of(new HeatMap.Team(BIG, "Grande"), new HeatMap.Team(SMALL, "Petite")), members,
                threshold, 10);
    }

    @Test
    void withoutThresholdEveryCellAndTotalIsPublished() {
        HeatMap.Result map = map(0);
        assertThat(map.cells()).hasSize(3).noneMatch(HeatMap.Cell::suppressed);
        assertThat(map.teams()).extracting(HeatMap.TeamEntry::people).containsExactly(12, 3);
        assertThat(map.frequentGaps()).extracting(HeatMap.FrequentGap::itemCode, HeatMap.FrequentGap::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", 9), org.assertj.core.groups.Tuple.tuple("C2", 7));
    }

    @Test
    void aCellUnderTheThresholdIsSuppressedAndItsRowsTotalIsWithheldSoThatItCannotBeRecomputed() {
        HeatMap.Result map = map(11);
        HeatMap.Cell small = map.cells().stream().filter(c -> c.teamId().equals(SMALL)).findFirst().orElseThrow();
        assertThat(small.suppressed()).isTrue();
        assertThat(small.people()).isNull();
        assertThat(small.atLevel()).isNull();
        HeatMap.Cell big = map.cells().stream().filter(c -> c.teamId().equals(BIG) && c.itemCode().equals("C1"))
                .findFirst().orElseThrow();
        assertThat(big.people()).isEqualTo(12);
        assertThat(big.atLevel()).isEqualTo(5);
        // C1's total (9 gaps) minus the big team's published 7 would give the small team's 2: withheld.
        assertThat(map.frequentGaps()).extracting(HeatMap.FrequentGap::itemCode).containsExactly("C2");
        assertThat(map.teams()).extracting(HeatMap.TeamEntry::people).containsOnlyNulls();
    }

    @Test
    void aPageFindsEachTeamsCellOfACompetencyAndNoneWhereTheTeamHasNoOneRequiredToHoldIt() {
        HeatMap.Result map = map(0);
        HeatMap.ItemEntry c1 = map.items().stream().filter(i -> i.itemCode().equals("C1")).findFirst().orElseThrow();
        HeatMap.ItemEntry c2 = map.items().stream().filter(i -> i.itemCode().equals("C2")).findFirst().orElseThrow();
        assertThat(map.cell(BIG, c1).people()).isEqualTo(12);
        assertThat(map.cell(BIG, c1).atLevel()).isEqualTo(5);
        assertThat(map.cell(SMALL, c1).people()).isEqualTo(3);
        assertThat(map.cell(BIG, c2).teamId()).isEqualTo(BIG);
        assertThat(map.cell(SMALL, c2)).isNull();
        assertThat(map.cell(UUID.randomUUID(), c1)).isNull();
    }
}
