package org.patchdesk.inventory;

import java.time.Instant;

/** A stored device: its values, its type's defaults, and who created and last changed it. */
public record Device(long id, DeviceValues values, TypeDefaults typeDefaults,
                     Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public String assetTag() {
        return values.assetTag();
    }

    /** Returns the device's clinical criticality, else its type's default, else High, marked assumed unless the device states it. */
    public Assessed<ClinicalCriticality> criticality() {
        ClinicalCriticality own = values.get(DeviceField.CRITICALITY, ClinicalCriticality.class);
        if (own != null) {
            return new Assessed<>(own, false, "device record");
        }
        if (typeDefaults.criticality() != null) {
            return new Assessed<>(typeDefaults.criticality(), true, "device type default: " + typeDefaults.source());
        }
        return new Assessed<>(TypeDefaults.FALLBACK_CRITICALITY, true, "PatchDesk default for devices without one");
    }

    /** Returns the device's mission impact, else its type's default, else mef support crippled, marked assumed unless the device states it. */
    public Assessed<MissionImpact> missionImpact() {
        MissionImpact own = values.get(DeviceField.MISSION_IMPACT, MissionImpact.class);
        if (own != null) {
            return new Assessed<>(own, false, "device record");
        }
        if (typeDefaults.missionImpact() != null) {
            return new Assessed<>(typeDefaults.missionImpact(), true, "device type default: " + typeDefaults.source());
        }
        return new Assessed<>(TypeDefaults.FALLBACK_MISSION_IMPACT, true, "PatchDesk default for devices without one");
    }

    /**
     * Returns the text a screen or export shows for a field: stated values as they are, and the
     * assessed criticality and mission impact with "(assumed)" when they are defaults.
     */
    public String display(DeviceField field) {
        return switch (field) {
            case CRITICALITY -> criticality().display();
            case MISSION_IMPACT -> missionImpact().display();
            default -> values.text(field);
        };
    }
}
