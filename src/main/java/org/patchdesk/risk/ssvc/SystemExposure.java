package org.patchdesk.risk.ssvc;

/**
 * SSVC System Exposure: small (local or a tightly controlled network), controlled (reachable with restricted access,
 * such as a segmented VLAN with ACLs) or open (reachable from the internet or broadly reachable networks).
 */
public enum SystemExposure {
    SMALL("small"),
    CONTROLLED("controlled"),
    OPEN("open");

    private final String word;

    SystemExposure(String word) {
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
    public static SystemExposure fromWord(String word) {
        return SsvcWords.find(values(), SystemExposure::word, word, "System Exposure");
    }
}
