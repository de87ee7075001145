package org.patchdesk.reports;

import java.util.Objects;

/**
 * The site a report is printed for: its name, shown in the running header, and whether the records
 * come from the demo database, which puts a "Demo data" mark on every page.
 */
public record ReportSite(String name, boolean demo) {

    /** The mark printed under the header of every page of a report made from the demo database. */
    public static final String DEMO_MARK = "Demo data — not a real record";

    public ReportSite {
        Objects.requireNonNull(name, "name");
    }

    /** Returns the site of a real database, whose reports carry no demo mark. */
    public static ReportSite of(String name) {
        return new ReportSite(name, false);
    }
}
