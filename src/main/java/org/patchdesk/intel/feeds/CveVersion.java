package org.patchdesk.intel.feeds;

/**
 * A version or version range of a CVE record's affected product, with the fields of the CVE JSON 5 format. A range
 * starts at {@code version} and ends before {@code lessThan} or at {@code lessThanOrEqual}.
 *
 * @param status "affected", "unaffected" or "unknown"
 * @param versionType the version scheme, such as "custom" or "semver", or null
 */
public record CveVersion(String version, String lessThan, String lessThanOrEqual, String status, String versionType) {
}
