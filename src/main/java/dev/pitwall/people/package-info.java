/**
 * The people directory: persons with their team, manager, level and AI workforce tier; teams;
 * the skills catalog, skill assessments and learning records; and their CSV imports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package dev.pitwall.people;
