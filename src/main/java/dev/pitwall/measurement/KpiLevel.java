package dev.pitwall.measurement;

/**
 * Where a KPI sits in the tree that links business outcomes to the measures that drive them. Only
 * {@link #BUSINESS_OUTCOME} KPIs carry money: they form the measurement contract and the value
 * figures.
 */
public enum KpiLevel {
    BUSINESS_OUTCOME, OPERATIONAL, TECHNICAL, WORKFORCE
}
