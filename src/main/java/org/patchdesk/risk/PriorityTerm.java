package org.patchdesk.risk;

/**
 * The terms of a finding's priority. Each term is a factor from 0 to 1 times its weight. The
 * default weights add up to 100, so the priority then runs from 0 to 100.
 */
public enum PriorityTerm {
    CVSS("cvss", "CVSS base score / 10", 30),
    EPSS("epss", "EPSS probability", 20),
    EPSS_PERCENTILE("epss_percentile", "EPSS percentile", 10),
    KEV("kev", "listed in CISA KEV (1 or 0)", 20),
    RANSOMWARE("ransomware", "KEV known ransomware use (1 or 0)", 5),
    EXPOSURE("exposure", "system exposure (small 0, controlled 0.5, open 1)", 10),
    CRITICALITY("criticality", "clinical criticality (Low 0.25, Medium 0.5, High 0.75, Life-sustaining 1)", 5);

    private final String key;
    private final String factor;
    private final double defaultWeight;

    PriorityTerm(String key, String factor, double defaultWeight) {
        this.key = key;
        this.factor = factor;
        this.defaultWeight = defaultWeight;
    }

    public String key() {
        return key;
    }

    /** Returns how the factor is computed, in words. */
    public String factor() {
        return factor;
    }

    public double defaultWeight() {
        return defaultWeight;
    }
}
