package org.patchdesk.risk;

import java.util.Locale;

/**
 * Whether a person must still confirm that a finding applies. A finding needs a version review
 * when the affected versions are free text that cannot be compared, when the device has no
 * software version, or when the source names no versions at all (KEV entries, operating systems).
 */
public enum ReviewFlag {
    NONE("none"),
    VERSION("version needs review");

    private final String word;

    ReviewFlag(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewFlag fromStored(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
