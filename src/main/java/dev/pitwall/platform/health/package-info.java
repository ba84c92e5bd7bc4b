/** Health checks beyond Spring Boot's own: whether the database accepts writes. */
package dev.pitwall.platform.health;
