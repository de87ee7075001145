package org.patchdesk.risk;

import java.time.LocalDate;

import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedKind;

/**
 * The currency of one feed: its last import (null when it was never imported, which screens show
 * as "not checked"), the date the data is of, its age in days, and whether it is older than the
 * setting allows. Only KEV and EPSS go stale; advisories and CVE records are kept as imported.
 */
public record FeedStatus(FeedKind feed, FeedImport latest, int imports, LocalDate dataDate, Long ageDays, Integer staleAfterDays,
                         boolean stale) {

    public boolean checked() {
        return latest != null;
    }

    /** Returns a sentence for the feeds page and the command line. */
    public String describe() {
        if (latest == null) {
            if (feed == FeedKind.MANUAL) {
                return feed.title() + ": none entered";
            }
            return feed.title() + (staleAfterDays == null ? ": none imported" : ": not checked (never imported)");
        }
        StringBuilder text = new StringBuilder(feed.title()).append(": ");
        if (latest.feedVersion() != null) {
            text.append(latest.feedVersion()).append(", ");
        }
        if (dataDate != null) {
            text.append("data of ").append(dataDate).append(", ").append(ageDays).append(ageDays == 1 ? " day" : " days").append(" old");
        } else if (staleAfterDays != null) {
            text.append("the file states no date");
        } else {
            text.append(feed == FeedKind.MANUAL ? "last entered " : "imported ").append(latest.importedAt().toString(), 0, 10);
        }
        if (stale) {
            text.append(dataDate == null ? " - stale: its age is unknown" : " - stale: older than " + staleAfterDays + " days");
        }
        return text.toString();
    }
}
