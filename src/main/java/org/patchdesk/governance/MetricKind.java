package org.patchdesk.governance;

/** How a metric's value reads: a count, a share of a denominator, or a number of days. */
public enum MetricKind {
    COUNT,
    SHARE,
    DAYS
}
