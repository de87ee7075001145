package org.patchdesk.intel;

/**
 * A source's statement about one product and one vulnerability. {@code versionKind} gives how to
 * read the version columns: exact and range (CSAF product_version and product_version_range), cve (a
 * CVE JSON 5 versions entry), manual (a range a user typed) and unknown (no versions, as in KEV).
 * {@code status} is affected, fixed or not_affected.
 */
public record Statement(long id, String sourceKind, String sourceRef, String cveId, String vendor, String product, String vendorKey,
                        String productKey, String versionKind, String versionText, String lessThan, String lessOrEqual,
                        String status) {

    public static final String AFFECTED = "affected";
    public static final String FIXED = "fixed";
    public static final String NOT_AFFECTED = "not_affected";

    /** Returns a short reference to the source, such as "ICSMA-23-194-01" or "KEV" or "CVE record". */
    public String sourceLabel() {
        return switch (sourceKind) {
            case "csaf" -> sourceRef;
            case "kev" -> "CISA KEV";
            case "cve" -> "CVE record " + sourceRef;
            default -> "entered by hand";
        };
    }
}
