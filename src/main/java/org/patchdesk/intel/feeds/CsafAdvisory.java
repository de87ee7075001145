package org.patchdesk.intel.feeds;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CSAF 2.0 security advisory, such as a CISA ICS Medical Advisory. A newer version of an advisory with the same
 * tracking id replaces the older one.
 *
 * @param trackingId the id as given, such as "ICSMA-17-250-02A"
 * @param version the tracking version, such as "2"
 * @param products the products of the product tree, one per product id
 */
public record CsafAdvisory(String trackingId, String version, OffsetDateTime currentReleaseDate,
        OffsetDateTime initialReleaseDate, String title, String publisherName, List<CsafProduct> products,
        List<CsafVulnerability> vulnerabilities) {

    public CsafAdvisory {
        products = List.copyOf(products);
        vulnerabilities = List.copyOf(vulnerabilities);
    }
}
