package org.patchdesk.intel.feeds;

/**
 * A CVSS score of a CVE record.
 *
 * @param version "3.0", "3.1" or "4.0"
 * @param baseScore null when the record gives only the vector
 */
public record CveMetric(String version, String vectorString, Double baseScore) {
}
