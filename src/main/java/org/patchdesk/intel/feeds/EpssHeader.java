package org.patchdesk.intel.feeds;

/**
 * The comment line of an EPSS file, such as {@code #model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z}. Both
 * values are null for files without that line, which FIRST published before 2022.
 */
public record EpssHeader(String modelVersion, String scoreDate) {
}
