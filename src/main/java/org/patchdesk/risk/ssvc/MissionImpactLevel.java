package org.patchdesk.risk.ssvc;

/** SSVC Mission Impact: how much the organization's mission essential functions (MEF) suffer. */
public enum MissionImpactLevel {
    DEGRADED("degraded"),
    MEF_SUPPORT_CRIPPLED("mef support crippled"),
    MEF_FAILURE("mef failure"),
    MISSION_FAILURE("mission failure");

    private final String word;

    MissionImpactLevel(String word) {
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
    public static MissionImpactLevel fromWord(String word) {
        return SsvcWords.find(values(), MissionImpactLevel::word, word, "Mission Impact");
    }
}
