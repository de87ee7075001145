package org.patchdesk.patchlog;

import java.time.Instant;

import org.patchdesk.intel.ManualVulnerabilities;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * Two ventilators on firmware 06.00 and a monitor, with three vulnerabilities of the ventilator
 * entered by hand: two fixed in 06.20 (affected up to 06.10) and one affected up to 07.00.
 */
public final class PatchLogFixtures {

    /** 2026-12-02 10:30 in Chicago, two days before the test clock's today. */
    public static final Instant TUESDAY = Instant.parse("2026-12-02T16:30:00Z");

    private static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private PatchLogFixtures() {
    }

    public static void seed(Services services) {
        device(services, "VENT-1", "Baxter", "Life 2000", "06.00", "Respiratory");
        device(services, "VENT-2", "Baxter", "Life 2000", "06.00", "ICU");
        device(services, "MON-1", "Philips", "IntelliVue MX450", "M.00.03", "ICU");
        manual(services, "CVE-2026-40001", "<=06.10");
        manual(services, "CVE-2026-40002", "<=06.10");
        manual(services, "CVE-2026-40003", "<=07.00");
    }

    public static Device device(Services services, String tag, String manufacturer, String model, String version, String department) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model).set(DeviceField.SOFTWARE_VERSION, version).set(DeviceField.DEPARTMENT, department),
                TestSites.TECHNICIAN);
    }

    private static void manual(Services services, String cve, String versions) {
        services.intelligence().addManual(new ManualVulnerabilities.Entry(cve, "Baxter", "Life 2000", versions, VECTOR,
                "Vendor letter of 2026-11-18"), TestSites.TECHNICIAN);
    }
}
