package org.patchdesk.risk;

import java.util.Locale;

/**
 * The state of a finding. Open findings are the worklist, and the others record why a finding needs
 * no more work: a compensating control, a patch, an accepted risk, a justified not-affected
 * statement, or a source that no longer names the device.
 */
public enum FindingStatus {
    OPEN("open"),
    MITIGATED("mitigated"),
    PATCHED("patched"),
    RISK_ACCEPTED("risk accepted"),
    NOT_AFFECTED("not affected"),
    WITHDRAWN("withdrawn");

    private final String word;

    FindingStatus(String word) {
        this.word = word;
    }

    /** Returns the status as screens, exports and the command line write it, such as "risk accepted". */
    public String word() {
        return word;
    }

    /** Returns the form stored in the database, such as "risk_accepted". */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FindingStatus fromStored(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** Reads a status as a user writes it: "risk accepted", "risk-accepted" and "RISK_ACCEPTED" all work. */
    public static FindingStatus parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (FindingStatus status : values()) {
            if (status.name().equals(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a finding status; use open, mitigated, patched, risk accepted,"
                + " not affected or withdrawn");
    }
}
