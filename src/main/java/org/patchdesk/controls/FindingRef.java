package org.patchdesk.controls;

/** A finding as the control screens show it: the device's asset tag, the CVE and the finding's status word. */
public record FindingRef(long id, long deviceId, String assetTag, String cveId, String status) {

    /** Returns a label such as "ICU-PUMP-07 CVE-2024-12248". */
    public String label() {
        return assetTag + " " + cveId;
    }
}
