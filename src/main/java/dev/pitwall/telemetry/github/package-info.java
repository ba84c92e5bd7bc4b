/**
 * GitHub Copilot beyond the per-user facts: the user-teams report joined with the per-user usage
 * report into figures per GitHub team (mapped to Pitwall teams), and GitHub's AI adoption phases
 * as a cohort of people (docs/telemetry.md, "GitHub Copilot").
 */
@org.springframework.modulith.NamedInterface("github")
package dev.pitwall.telemetry.github;
