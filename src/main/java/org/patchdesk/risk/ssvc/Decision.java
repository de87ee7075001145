package org.patchdesk.risk.ssvc;

/** SSVC deployer decision, the patch application priority: defer, scheduled, out-of-cycle or immediate. */
public enum Decision {
    DEFER("defer"),
    SCHEDULED("scheduled"),
    OUT_OF_CYCLE("out-of-cycle"),
    IMMEDIATE("immediate");

    private final String word;

    Decision(String word) {
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
    public static Decision fromWord(String word) {
        return SsvcWords.find(values(), Decision::word, word, "Decision");
    }
}
