package org.patchdesk.intel.feeds;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CVE record in the CVE JSON 5 format.
 *
 * @param state PUBLISHED or REJECTED, as given
 * @param description the first English description of the CNA container, or for a rejected record the first English
 *        rejection reason, or null when there is neither
 * @param cwes the CWE ids of the CNA's problem types, such as "CWE-787", without problem types given only as text
 * @param datePublished null when absent. A timestamp without an offset is taken as UTC, as the CVE schema specifies.
 * @param metrics the CNA's CVSS metrics, or those of the ADP containers when the CNA gives none
 */
public record CveRecord(String cveId, String state, String description, List<String> cwes,
        OffsetDateTime datePublished, OffsetDateTime dateUpdated, List<CveAffected> affected, List<CveMetric> metrics) {

    public CveRecord {
        cwes = List.copyOf(cwes);
        affected = List.copyOf(affected);
        metrics = List.copyOf(metrics);
    }
}
