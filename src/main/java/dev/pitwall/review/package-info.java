/**
 * Human review: AI systems submit their proposed outputs as review items, routed to the holders of
 * the workflow's decision rights (OUTPUT_APPROVER, then ESCALATION_CONTACT, then ACCOUNTABLE_OWNER),
 * escalated when not decided by the workflow's review deadline; each decision becomes a usage event
 * with its outcome, so acceptance and override rates come from real decisions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package dev.pitwall.review;
