/**
 * Insight: what explains outcomes, whether an effect is real, where to invest next. Every analysis
 * states its method, the data it used and its date, and refuses thin data with a reason instead of
 * a number (docs/insight.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package dev.pitwall.insight;
