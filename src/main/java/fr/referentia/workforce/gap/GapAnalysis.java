package fr.referentia.workforce.gap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The gap between what a job (or a certification) requires and what a person's latest assessments say,
 * competency by competency. The level that counts is the manager's when there is one, else the person's own:
 * both are shown side by side. « Pas eu l'occasion de le montrer » is not a low level: it reads as not
 * assessed. Coverage is the share of required competencies whose level is reached. Plain data in and out.
 */
public final class GapAnalysis {

    private GapAnalysis() {
    }

    /** A required competency: the item, its text, the level required (a rank on the scale), and whether essential. */
    public record Requirement(String frameworkCode, String itemCode, String text, int level, boolean essential) {

        public String key() {
            return frameworkCode + "/" + itemCode;
        }
    }

    /**
     * The latest self and manager levels for a requirement (null: none, or not observed), and the items of
     * other referentials they were read from (confirmed matches), if any.
     */
    public record Observed(Integer self, Integer manager, List<String> through) {

        public static final Observed NONE = new Observed(null, null, List.of());

        public Integer counted() {
            return manager != null ? manager : self;
        }
    }

    public record Item(String frameworkCode, String itemCode, String text, int required, Integer self,
            Integer manager, GapStatus status, boolean essential, List<String> through) {

        /** How many levels are missing (0 when met or not assessed). */
        public int missingLevels() {
            Integer counted = manager != null ? manager : self;
            return status == GapStatus.GAP && counted != null ? required - counted : 0;
        }
    }

    public record Result(double coverage, List<Item> items) {

        public long count(GapStatus status) {
            return items.stream().filter(i -> i.status() == status).count();
        }
    }

    public static Result of(List<Requirement> requirements, Function<Requirement, Observed> observed) {
        List<Item> items = new ArrayList<>(requirements.size());
        int met = 0;
        for (Requirement r : requirements) {
            Observed o = observed.apply(r);
            if (o == null) {
                o = Observed.NONE;
            }
            Integer counted = o.counted();
            GapStatus status = counted == null ? GapStatus.NOT_ASSESSED
                    : counted >= r.level() ? GapStatus.MET : GapStatus.GAP;
            if (status == GapStatus.MET) {
                met++;
            }
            items.add(new Item(r.frameworkCode(), r.itemCode(), r.text(), r.level(), o.self(), o.manager(), status,
                    r.essential(), o.through()));
        }
        double coverage = requirements.isEmpty() ? 0 : Math.round(1000.0 * met / requirements.size()) / 1000.0;
        return new Result(coverage, items);
    }
}
