/**
 * The demo organization, Northwind Freight: generated deterministically in the {@code demo}
 * profile on an empty database, through the same services and imports real data takes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo organization")
package dev.pitwall.demo;
