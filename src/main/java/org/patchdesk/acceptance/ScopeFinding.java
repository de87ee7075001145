package org.patchdesk.acceptance;

import java.math.BigDecimal;

import org.patchdesk.controls.FindingRef;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.risk.FindingStatus;

/**
 * A finding with the device and vulnerability facts that the scope picker and the printed form
 * show: the device's type, manufacturer, model and department, the CVSS base score, whether the CVE
 * is in the CISA KEV catalog, and the finding's status.
 *
 * @param deviceType the device type name from the inventory, or null
 * @param cvssScore  the CVSS base score the finding was scored with, or null when the CVE has none
 * @param kev        true when the CVE is in the KEV catalog as last imported
 */
public record ScopeFinding(long id, long deviceId, String assetTag, String deviceType, String manufacturer, String model,
                           String department, String cveId, BigDecimal cvssScore, boolean kev, FindingStatus status) {

    /** Returns the finding as the control screens and the stored scope refer to it. */
    public FindingRef ref() {
        return new FindingRef(id, deviceId, assetTag, cveId, status.stored());
    }

    /** Returns the CVSS severity with its score, such as "High 8.1", or "no CVSS score". */
    public String severity() {
        if (cvssScore == null) {
            return "no CVSS score";
        }
        return CvssVector.severity(cvssScore.doubleValue()) + " " + cvssScore.toPlainString();
    }

    /** Returns the device as one text, such as "Infusion pump, Baxter Life 2000". */
    public String device() {
        String product = (text(manufacturer) + " " + text(model)).strip();
        String type = text(deviceType);
        if (type.isEmpty()) {
            return product;
        }
        return product.isEmpty() ? type : type + ", " + product;
    }

    /** Returns a one-line label for lists, such as "ICU-PUMP-1 CVE-2026-40001 (High 9.8, KEV, open)". */
    public String label() {
        return assetTag + " " + cveId + " (" + severity() + (kev ? ", KEV" : "") + ", " + status.word() + ")";
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
