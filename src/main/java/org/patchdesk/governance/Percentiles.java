package org.patchdesk.governance;

import java.util.List;

/**
 * Percentiles by linear interpolation between the closest ranks, the method of Excel's
 * PERCENTILE.INC and MEDIAN: for a sorted list of n values, the p-th percentile lies at the
 * zero-based position h = (n - 1) × p / 100, between the values at floor(h) and floor(h) + 1.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * Returns the p-th percentile of values sorted in ascending order, or null for an empty list.
     *
     * @throws IllegalArgumentException when p is outside 0 to 100
     */
    public static Double of(List<? extends Number> sorted, double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("A percentile is between 0 and 100, not " + p);
        }
        if (sorted.isEmpty()) {
            return null;
        }
        double position = (sorted.size() - 1) * p / 100.0;
        int below = (int) Math.floor(position);
        double lower = sorted.get(below).doubleValue();
        if (below + 1 >= sorted.size()) {
            return lower;
        }
        double upper = sorted.get(below + 1).doubleValue();
        return lower + (position - below) * (upper - lower);
    }
}
