/**
 * The system of record of how the organization runs its AI: initiatives and their budgets, AI
 * systems, workflows with their steps, users, roles and decision rights, the synchronized
 * pipelines, data readiness, and the promotion gate with its waivers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portfolio")
package dev.pitwall.portfolio;
