package org.patchdesk.intel.feeds;

import java.util.List;

/**
 * One affected product of a CVE record, as the CNA wrote it. Vendor and product are often "n/a", and versions are
 * often free text.
 *
 * @param product the product name, or the package name for records that name a package collection instead
 * @param defaultStatus the status of versions not listed ("affected", "unaffected" or "unknown"), or null
 */
public record CveAffected(String vendor, String product, String defaultStatus, List<CveVersion> versions) {

    public CveAffected {
        versions = List.copyOf(versions);
    }
}
