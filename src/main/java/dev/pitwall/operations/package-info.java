/**
 * Operations: monitors over live workflows' and AI systems' signals, evaluated once per round
 * across all nodes, and the incidents they open, routed to named people along the workflows'
 * decision rights and escalated when nobody acknowledges them in time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package dev.pitwall.operations;
