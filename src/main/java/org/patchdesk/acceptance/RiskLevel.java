package org.patchdesk.acceptance;

import java.util.Locale;

/** The residual risk level of an acceptance, from likelihood × severity and the band settings. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    /** Returns the lower-case word used in setting keys, such as {@code medium}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
