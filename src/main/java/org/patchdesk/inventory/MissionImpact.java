package org.patchdesk.inventory;

/** The SSVC mission impact of losing a device: how much of the hospital's essential functions (MEF) suffer. */
public enum MissionImpact implements Labeled {
    DEGRADED("degraded"),
    MEF_SUPPORT_CRIPPLED("mef support crippled"),
    MEF_FAILURE("mef failure"),
    MISSION_FAILURE("mission failure");

    private final String ssvcValue;

    MissionImpact(String ssvcValue) {
        this.ssvcValue = ssvcValue;
    }

    /** Returns the value as the SSVC decision tables spell it. */
    public String ssvcValue() {
        return ssvcValue;
    }

    @Override
    public String label() {
        return ssvcValue;
    }
}
