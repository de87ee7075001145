package org.patchdesk.governance;

/** The unit of a metric's value: a count, a percentage share of a denominator, or a number of days. */
public enum MetricKind {
    COUNT,
    SHARE,
    DAYS
}
