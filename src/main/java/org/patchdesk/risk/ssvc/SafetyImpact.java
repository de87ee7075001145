package org.patchdesk.risk.ssvc;

/** SSVC Safety Impact: the worst physical harm that exploitation could cause. */
public enum SafetyImpact {
    NEGLIGIBLE("negligible"),
    MARGINAL("marginal"),
    CRITICAL("critical"),
    CATASTROPHIC("catastrophic");

    private final String word;

    SafetyImpact(String word) {
        this.word = word;
    }

    /** Returns the value as the SSVC decision tables write it, in lower case. */
    public String word() {
        return word;
    }

    /**
     * Returns the value for an SSVC word, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException when the word is not one of the values
     */
    public static SafetyImpact fromWord(String word) {
        return SsvcWords.find(values(), SafetyImpact::word, word, "Safety Impact");
    }
}
