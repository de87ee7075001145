package org.patchdesk.intel.feeds;

import java.util.List;

/**
 * A CVSS v3 score of a CSAF vulnerability and the products it applies to.
 *
 * @param version "3.0" or "3.1"
 * @param baseScore null when the advisory gives only the vector
 */
public record CsafScore(String version, String vectorString, Double baseScore, List<String> productIds) {

    public CsafScore {
        productIds = List.copyOf(productIds);
    }
}
