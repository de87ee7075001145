package org.patchdesk.windows;

import java.util.Locale;

/** Department names as the rules compare them: case, outer spaces and runs of spaces do not matter. */
public final class Departments {

    /** The SQL expression that gives the key of a device's department, matching {@link #key(String)}. */
    public static final String SQL_DEVICE_KEY = "REGEXP_REPLACE(LOWER(TRIM(d.department)), '\\s+', ' ')";

    private Departments() {
    }

    public static String key(String department) {
        return department == null ? "" : department.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
