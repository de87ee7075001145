package org.patchdesk.governance.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * A small site for dashboard tests. Baxter Life 2000 pumps ICU-1 and ICU-2 (ICU) and NICU-1 (NICU)
 * each have the findings CVE-2026-40001 and CVE-2026-40002, and a KEV catalog lists the second. A
 * Windows 7 workstation RAD-WS-1 (Radiology) has no findings. Open findings: 4 in ICU, 2 in
 * NICU; devices with KEV-listed open findings: 3; devices on an unsupported operating system: 1.
 */
public final class DashboardFixture {

    private DashboardFixture() {
    }

    public static void load(Services services, Path folder) throws IOException {
        ControlFixtures.pump(services, "ICU-1", "ICU");
        ControlFixtures.pump(services, "ICU-2", "ICU");
        ControlFixtures.pump(services, "NICU-1", "NICU");
        services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, "RAD-WS-1")
                .set(DeviceField.MANUFACTURER, "Dell")
                .set(DeviceField.MODEL, "OptiPlex 7050")
                .set(DeviceField.OS_NAME, "Windows 7")
                .set(DeviceField.DEPARTMENT, "Radiology"), TestSites.TECHNICIAN);
        ControlFixtures.vulnerabilities(services);
        Path kev = Files.writeString(Files.createDirectories(folder).resolve("kev.json"), """
                {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.12.01",
                 "dateReleased": "2026-12-01T12:00:00.0000Z", "count": 1, "vulnerabilities": [
                  {"cveID": "CVE-2026-40002", "vendorProject": "Baxter", "product": "Life 2000",
                   "vulnerabilityName": "Baxter Life 2000 remote code execution", "dateAdded": "2026-12-01",
                   "shortDescription": "Remote code execution.", "requiredAction": "Apply updates.", "dueDate": "2026-12-22",
                   "knownRansomwareCampaignUse": "Unknown", "notes": "", "cwes": []}]}
                """);
        try {
            services.intelligence().importKev(kev, TestSites.TECHNICIAN, ProgressMonitor.NONE);
        } catch (Exception e) {
            throw new IOException("The test KEV catalog did not import", e);
        }
    }
}
