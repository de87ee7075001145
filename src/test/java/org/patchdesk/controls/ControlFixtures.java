package org.patchdesk.controls;

import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * Devices with findings for control tests. Each pump is networked with no segment recorded, so its
 * System Exposure is open, and life-sustaining, so its Human Impact is very high. Both CVEs have a
 * network vector without privileges or user interaction (Automatable yes) and are not in KEV
 * (Exploitation none): the SSVC deployer decision is out-of-cycle when open and scheduled when controlled.
 */
public final class ControlFixtures {

    public static final String FIRST_CVE = "CVE-2026-40001";
    public static final String SECOND_CVE = "CVE-2026-40002";
    public static final String NETWORK_VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private ControlFixtures() {
    }

    /** Adds a networked life-sustaining pump of the given department, model Life 2000 by Baxter, software 06.10. */
    public static Device pump(Services services, String tag, String department) {
        return services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, tag)
                .set(DeviceField.MANUFACTURER, "Baxter")
                .set(DeviceField.MODEL, "Life 2000")
                .set(DeviceField.SOFTWARE_VERSION, "06.10")
                .set(DeviceField.DEPARTMENT, department)
                .set(DeviceField.NETWORKED, YesNoUnknown.YES)
                .set(DeviceField.CRITICALITY, ClinicalCriticality.LIFE_SUSTAINING), TestSites.TECHNICIAN);
    }

    /** Enters both CVEs by hand for the Baxter Life 2000, which gives every pump two findings. */
    public static void vulnerabilities(Services services) {
        for (String cve : new String[] {FIRST_CVE, SECOND_CVE}) {
            services.intelligence().addManual(new ManualVulnerabilities.Entry(cve, "Baxter", "Life 2000", "<=06.10", NETWORK_VECTOR,
                    "Unauthenticated remote code execution"), TestSites.TECHNICIAN);
        }
    }
}
