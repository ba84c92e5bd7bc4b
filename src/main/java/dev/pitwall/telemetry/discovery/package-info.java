/**
 * Shadow AI discovery: web-proxy and CASB logs matched against the shipped catalog of AI service
 * domains, summarised per service (registered, unregistered, blocked), with decisions to register
 * or block a service. See docs/telemetry.md, "Shadow AI discovery".
 */
@org.springframework.modulith.NamedInterface("discovery")
package dev.pitwall.telemetry.discovery;
