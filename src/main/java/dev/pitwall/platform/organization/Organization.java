package dev.pitwall.platform.organization;

/**
 * The organization Pitwall runs for.
 *
 * @param name its name, shown in page titles and reports
 * @param currency the ISO 4217 code of every money figure (spend, impact, value per unit), e.g. {@code EUR}
 */
public record Organization(String name, String currency) {
}
