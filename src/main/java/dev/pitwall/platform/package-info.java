/**
 * The ground every capability stands on: users, roles and API tokens, the hash-chained audit
 * log, problem-details errors, paging, the web layout and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.pitwall.platform;
