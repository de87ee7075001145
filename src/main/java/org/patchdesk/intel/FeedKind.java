package org.patchdesk.intel;

import java.util.Locale;

/** The vulnerability feeds PatchDesk imports, and vulnerabilities entered by hand. */
public enum FeedKind {
    KEV("CISA KEV catalog"),
    EPSS("FIRST EPSS scores"),
    CSAF("CSAF advisories"),
    CVE("CVE records"),
    MANUAL("Entered by hand");

    private final String title;

    FeedKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Returns the lower-case word stored in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedKind fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
