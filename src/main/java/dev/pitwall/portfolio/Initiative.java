package dev.pitwall.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An AI investment.
 *
 * @param id the initiative's id
 * @param name unique name
 * @param objective the business objective it serves
 * @param sponsorId the sponsoring person
 * @param sponsorName their name
 * @param stage where it is in its life
 * @param startDate when it started
 * @param workflows how many workflows belong to it
 * @param infrastructureSpend total infrastructure spend recorded
 * @param workforceSpend total workforce spend recorded
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Initiative(long id, String name, String objective, Long sponsorId, String sponsorName,
        InitiativeStage stage, LocalDate startDate, long workflows, BigDecimal infrastructureSpend,
        BigDecimal workforceSpend, Instant createdAt, Instant updatedAt) {
}
