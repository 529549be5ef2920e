package fr.referentia.workforce.gap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An organisation's coverage: for each team and each competency its members' job profiles require, how many
 * people it is required of and how many are at or above the required level; and the most frequent gaps (people
 * assessed below the required level; those not assessed are no gap yet).
 * <p>
 * With a disclosure threshold (R17, for the observatory), no published count is computed from fewer people:
 * a cell under the threshold is suppressed, and nothing published lets one recompute it: teams and
 * competencies carry no totals, and a competency's gap total is only given when none of its cells is
 * suppressed (it is then the sum of published cells). Plain data in and out.
 */
public final class HeatMap {

    private HeatMap() {
    }

    public record Team(UUID id, String name) {
    }

    /** One person of a team and their gap analysis against their job profile. */
    public record Member(UUID teamId, List<GapAnalysis.Item> items) {
    }

    public record TeamEntry(UUID id, String name, Integer people) {
    }

    public record ItemEntry(String frameworkCode, String itemCode, String text, boolean essential) {

        String key() {
            return frameworkCode + "/" + itemCode;
        }
    }

    /** {@code people} and {@code atLevel} are null when the cell is suppressed. */
    public record Cell(UUID teamId, String frameworkCode, String itemCode, Integer people, Integer atLevel,
            boolean suppressed) {

        /** The share at level, 0..1, or null when suppressed. */
        public Double share() {
            return suppressed || people == null || people == 0 ? null : (double) atLevel / people;
        }
    }

    public record FrequentGap(String frameworkCode, String itemCode, String text, boolean essential, Integer people) {
    }

    /** {@code cellIndex}: the cells by team and item, for {@link #cell} (a page asks for every team × item). */
    public record Result(List<TeamEntry> teams, List<ItemEntry> items, List<Cell> cells, List<FrequentGap> frequentGaps,
            int disclosureThreshold, Map<String, Cell> cellIndex) {

        public Result(List<TeamEntry> teams, List<ItemEntry> items, List<Cell> cells, List<FrequentGap> frequentGaps,
                int disclosureThreshold) {
            this(teams, items, cells, frequentGaps, disclosureThreshold, index(cells));
        }

        public Cell cell(UUID teamId, ItemEntry item) {
            return cellIndex.get(teamId + "/" + item.key());
        }

        private static Map<String, Cell> index(List<Cell> cells) {
            Map<String, Cell> index = new HashMap<>(cells.size() * 2);
            for (Cell c : cells) {
                index.putIfAbsent(c.teamId() + "/" + c.frameworkCode() + "/" + c.itemCode(), c);
            }
            return index;
        }
    }

    /** {@code disclosureThreshold} 0: everything is published (the organisation's HR). */
    public static Result of(List<Team> teams, List<Member> members, int disclosureThreshold, int maxFrequentGaps) {
        Map<String, ItemEntry> items = new LinkedHashMap<>();
        Map<UUID, Map<String, int[]>> counts = new LinkedHashMap<>();
        Map<UUID, Integer> teamSizes = new HashMap<>();
        teams.forEach(t -> counts.put(t.id(), new LinkedHashMap<>()));
        for (Member member : members) {
            Map<String, int[]> byItem = counts.get(member.teamId());
            if (byItem == null) {
                continue;
            }
            teamSizes.merge(member.teamId(), 1, Integer::sum);
            for (GapAnalysis.Item item : member.items()) {
                ItemEntry entry = new ItemEntry(item.frameworkCode(), item.itemCode(), item.text(), item.essential());
                items.merge(entry.key(), entry, (a, b) -> a.essential() ? a : b);
                int[] c = byItem.computeIfAbsent(entry.key(), k -> new int[3]);
                c[0]++;
                if (item.status() == GapStatus.MET) {
                    c[1]++;
                } else if (item.status() == GapStatus.GAP) {
                    c[2]++;
                }
            }
        }
        List<ItemEntry> sortedItems = new ArrayList<>(items.values());
        sortedItems.sort(Comparator.comparing(ItemEntry::frameworkCode).thenComparing(ItemEntry::itemCode));
        List<Cell> cells = new ArrayList<>();
        Set<String> rowsWithSuppression = new HashSet<>();
        Map<String, Integer> gaps = new HashMap<>();
        for (Team team : teams) {
            for (ItemEntry item : sortedItems) {
                int[] c = counts.get(team.id()).get(item.key());
                if (c == null) {
                    continue;
                }
                gaps.merge(item.key(), c[2], Integer::sum);
                boolean suppressed = disclosureThreshold > 0 && c[0] < disclosureThreshold;
                if (suppressed) {
                    rowsWithSuppression.add(item.key());
                    cells.add(new Cell(team.id(), item.frameworkCode(), item.itemCode(), null, null, true));
                } else {
                    cells.add(new Cell(team.id(), item.frameworkCode(), item.itemCode(), c[0], c[1], false));
                }
            }
        }
        List<FrequentGap> frequent = new ArrayList<>();
        for (ItemEntry item : sortedItems) {
            int people = gaps.getOrDefault(item.key(), 0);
            if (people == 0) {
                continue;
            }
            if (disclosureThreshold > 0 && rowsWithSuppression.contains(item.key())) {
                continue;
            }
            frequent.add(new FrequentGap(item.frameworkCode(), item.itemCode(), item.text(), item.essential(), people));
        }
        frequent.sort(Comparator.comparing(FrequentGap::people).reversed().thenComparing(FrequentGap::frameworkCode)
                .thenComparing(FrequentGap::itemCode));
        List<TeamEntry> teamEntries = teams.stream().map(t -> new TeamEntry(t.id(), t.name(),
                disclosureThreshold > 0 ? null : teamSizes.getOrDefault(t.id(), 0))).toList();
        return new Result(teamEntries, sortedItems, cells,
                frequent.subList(0, Math.min(maxFrequentGaps, frequent.size())), disclosureThreshold);
    }
}
