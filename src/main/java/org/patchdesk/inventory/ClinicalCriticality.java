package org.patchdesk.inventory;

/**
 * The harm to patients when a device fails or is compromised. Each level corresponds to an SSVC
 * safety impact value, which the risk decision uses.
 */
public enum ClinicalCriticality implements Labeled {
    LIFE_SUSTAINING("Life-sustaining", "catastrophic"),
    HIGH("High", "critical"),
    MEDIUM("Medium", "marginal"),
    LOW("Low", "negligible");

    private final String label;
    private final String ssvcSafetyImpact;

    ClinicalCriticality(String label, String ssvcSafetyImpact) {
        this.label = label;
        this.ssvcSafetyImpact = ssvcSafetyImpact;
    }

    @Override
    public String label() {
        return label;
    }

    public String ssvcSafetyImpact() {
        return ssvcSafetyImpact;
    }
}
