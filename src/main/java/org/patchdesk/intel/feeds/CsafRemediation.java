package org.patchdesk.intel.feeds;

import java.util.List;

/**
 * A remediation of a CSAF vulnerability.
 *
 * @param category one of vendor_fix, mitigation, workaround, none_available, no_fix_planned
 * @param url null when the advisory gives none
 * @param productIds the product ids it applies to, including the members of the product groups it names
 */
public record CsafRemediation(String category, String details, String url, List<String> productIds) {

    public CsafRemediation {
        productIds = List.copyOf(productIds);
    }
}
