/** Small helpers every repository needs to speak one SQL dialect to both H2 and PostgreSQL. */
@org.springframework.modulith.NamedInterface("jdbc")
package dev.pitwall.platform.jdbc;
