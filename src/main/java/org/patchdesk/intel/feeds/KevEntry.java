package org.patchdesk.intel.feeds;

import java.time.LocalDate;
import java.util.List;

/**
 * One vulnerability of the KEV catalog, with text trimmed and otherwise as CISA published it.
 *
 * @param dueDate the remediation deadline for US federal agencies under BOD 22-01, kept as given even where it
 *        precedes {@code dateAdded}, as it does for some entries added on 2021-11-03
 * @param knownRansomware whether CISA lists known use in ransomware campaigns ("Known"), false for "Unknown" and for
 *        the older 8-column CSV files, which lack the column
 * @param notes null for the older CSV files
 * @param cwes CWE ids such as "CWE-59", empty when the file has none
 */
public record KevEntry(String cveId, String vendorProject, String product, String vulnerabilityName, LocalDate dateAdded,
        String shortDescription, String requiredAction, LocalDate dueDate, boolean knownRansomware, String notes,
        List<String> cwes) {

    public KevEntry {
        cwes = List.copyOf(cwes);
    }
}
