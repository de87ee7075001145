package org.patchdesk.inventory;

/**
 * A device type's default criticality and mission impact, and where they came from (such as an
 * FDA product code). Either value may be null when the type has no default.
 */
public record TypeDefaults(ClinicalCriticality criticality, MissionImpact missionImpact, String source) {

    public static final TypeDefaults NONE = new TypeDefaults(null, null, null);

    /** The values used when neither the device nor its type has one. */
    public static final ClinicalCriticality FALLBACK_CRITICALITY = ClinicalCriticality.HIGH;
    public static final MissionImpact FALLBACK_MISSION_IMPACT = MissionImpact.MEF_SUPPORT_CRIPPLED;

    /**
     * Derives defaults from an FDA product code. Life-sustaining devices are Life-sustaining with
     * mef failure. Otherwise class 3 is High and class 2 Medium, both with mef support crippled, and
     * class 1 is Low with degraded. Unclassified codes give no default.
     */
    public static TypeDefaults fromFda(FdaProductCode code) {
        String what = "FDA product code " + code.code() + " (" + code.deviceName() + ")";
        if (code.lifeSustaining()) {
            return new TypeDefaults(ClinicalCriticality.LIFE_SUSTAINING, MissionImpact.MEF_FAILURE, what + ", life-sustaining");
        }
        return switch (code.deviceClass()) {
            case "3" -> new TypeDefaults(ClinicalCriticality.HIGH, MissionImpact.MEF_SUPPORT_CRIPPLED, what + ", class III");
            case "2" -> new TypeDefaults(ClinicalCriticality.MEDIUM, MissionImpact.MEF_SUPPORT_CRIPPLED, what + ", class II");
            case "1" -> new TypeDefaults(ClinicalCriticality.LOW, MissionImpact.DEGRADED, what + ", class I");
            default -> new TypeDefaults(null, null, what + ", unclassified: no default");
        };
    }
}
