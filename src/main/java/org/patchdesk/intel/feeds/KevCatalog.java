package org.patchdesk.intel.feeds;

import java.util.List;

/**
 * A CISA Known Exploited Vulnerabilities catalog. The title, catalog version and release date come from the JSON
 * file and are null for a CSV file, which does not carry them.
 */
public record KevCatalog(String title, String catalogVersion, String dateReleased, List<KevEntry> entries) {

    public KevCatalog {
        entries = List.copyOf(entries);
    }
}
