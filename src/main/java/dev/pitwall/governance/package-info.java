/**
 * Governance that moves with deployment: risk classification per workflow, the control library
 * mapped to NIST AI RMF, ISO/IEC 42001 and the EU AI Act, implementation and evidence per
 * workflow, coverage, and the governance gate check.
 */
package dev.pitwall.governance;
