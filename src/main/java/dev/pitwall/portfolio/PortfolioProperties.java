package dev.pitwall.portfolio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the portfolio, under {@code pitwall.portfolio.*}.
 *
 * @param gate the thresholds of the promotion gate
 */
@Validated
@ConfigurationProperties("pitwall.portfolio")
public record PortfolioProperties(@NotNull @Valid @DefaultValue Gate gate) {

    /**
     * Thresholds of the gate checks contributed by the portfolio.
     *
     * @param minDataReadiness the lowest level (0–4) each of freshness, quality, access and
     *     governance of every data source's latest assessment may have
     * @param maxManualDataAssemblySteps how many steps may still assemble data by hand
     * @param minTrainedShare the share (0–1) of intended users who must have completed an
     *     enablement linked to the workflow
     * @param maxWaiverDays how far ahead a waiver may expire
     */
    public record Gate(
            @Min(0) @Max(4) @DefaultValue("3") int minDataReadiness,
            @Min(0) @DefaultValue("1") int maxManualDataAssemblySteps,
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.8") double minTrainedShare,
            @Min(1) @Max(730) @DefaultValue("180") int maxWaiverDays) {
    }
}
