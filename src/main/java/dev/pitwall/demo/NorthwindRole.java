package dev.pitwall.demo;

import dev.pitwall.people.Level;
import dev.pitwall.people.Tier;

/**
 * A job in a team of Northwind Freight.
 *
 * @param title job title
 * @param count how many people hold it ({@code 0} = everyone not given another role)
 * @param level their level
 * @param tier their AI workforce tier
 */
record NorthwindRole(String title, int count, Level level, Tier tier) {

    static NorthwindRole of(String title, int count, Level level, Tier tier) {
        return new NorthwindRole(title, count, level, tier);
    }

    static NorthwindRole rest(String title, Level level) {
        return new NorthwindRole(title, 0, level, Tier.CONSUMER);
    }
}
