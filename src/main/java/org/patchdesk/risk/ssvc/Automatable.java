package org.patchdesk.risk.ssvc;

/** SSVC Automatable: whether an attacker can script steps 1 to 4 of the kill chain, up to exploitation. */
public enum Automatable {
    NO("no"),
    YES("yes");

    private final String word;

    Automatable(String word) {
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
    public static Automatable fromWord(String word) {
        return SsvcWords.find(values(), Automatable::word, word, "Automatable");
    }
}
