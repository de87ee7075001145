package org.patchdesk.acceptance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The risk response the acceptance records, in the terms of NIST SP 800-53 RA-7. */
public enum RiskDecision {
    ACCEPT("accept", "Accept"),
    MITIGATE("mitigate", "Mitigate"),
    TRANSFER("transfer", "Transfer"),
    AVOID("avoid", "Avoid");

    private final String word;
    private final String label;

    RiskDecision(String word, String label) {
        this.word = word;
        this.label = label;
    }

    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    /**
     * Parses a decision from its word, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid words
     */
    public static RiskDecision parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (RiskDecision decision : values()) {
            if (decision.word.equals(key)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a risk decision; use one of "
                + Arrays.stream(values()).map(RiskDecision::word).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
