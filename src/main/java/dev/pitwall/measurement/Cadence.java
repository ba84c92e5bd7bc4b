package dev.pitwall.measurement;

/** How often a KPI is measured: the length of the "KPI period" its impact is expressed per. */
public enum Cadence {
    DAILY, WEEKLY, MONTHLY, QUARTERLY
}
