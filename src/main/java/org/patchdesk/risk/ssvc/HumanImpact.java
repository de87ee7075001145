package org.patchdesk.risk.ssvc;

/** SSVC Human Impact, combined from Safety Impact and Mission Impact, which the deployer decision takes as input. */
public enum HumanImpact {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    VERY_HIGH("very high");

    private final String word;

    HumanImpact(String word) {
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
    public static HumanImpact fromWord(String word) {
        return SsvcWords.find(values(), HumanImpact::word, word, "Human Impact");
    }
}
