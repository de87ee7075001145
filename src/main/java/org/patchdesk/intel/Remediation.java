package org.patchdesk.intel;

/** A remediation a source gives for a vulnerability: vendor_fix, mitigation, workaround, none_available or no_fix_planned. */
public record Remediation(long id, String sourceKind, String sourceRef, String cveId, String category, String details, String url,
                          String products) {
}
