package fr.referentia.workforce.gap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of gap analyses and heat maps ({@code referentia.workforce.gap.*}).
 *
 * @param disclosureThreshold the fewest people a count published to the observatory may be computed from (R17,
 *                            default 11)
 * @param hoursPerLevel       the training hours a draft plan estimates per missing level (default 14: two days)
 * @param heatMapCacheTtl     how long a node keeps an organisation's computed heat map when nothing in the
 *                            organisation changes on this node (default 30 s; any change on the node clears it)
 */
@ConfigurationProperties("referentia.workforce.gap")
public record GapSettings(Integer disclosureThreshold, Integer hoursPerLevel, Duration heatMapCacheTtl) {

    public GapSettings {
        disclosureThreshold = disclosureThreshold == null ? 11 : disclosureThreshold;
        hoursPerLevel = hoursPerLevel == null ? 14 : hoursPerLevel;
        heatMapCacheTtl = heatMapCacheTtl == null ? Duration.ofSeconds(30) : heatMapCacheTtl;
        if (disclosureThreshold < 1) {
            throw new IllegalArgumentException("referentia.workforce.gap.disclosure-threshold must be at least 1");
        }
    }
}
