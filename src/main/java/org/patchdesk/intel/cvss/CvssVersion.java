package org.patchdesk.intel.cvss;

import java.util.Optional;

/** A CVSS specification version that PatchDesk reads. */
public enum CvssVersion {
    V3_0("3.0"),
    V3_1("3.1"),
    V4_0("4.0");

    private final String label;

    CvssVersion(String label) {
        this.label = label;
    }

    /** The version as the vector prefix writes it, such as "3.1". */
    public String label() {
        return label;
    }

    /** Returns the vector prefix, such as "CVSS:3.1". */
    String prefix() {
        return "CVSS:" + label;
    }

    static Optional<CvssVersion> fromPrefix(String prefix) {
        for (CvssVersion version : values()) {
            if (version.prefix().equals(prefix)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    boolean isV3() {
        return this != V4_0;
    }
}
