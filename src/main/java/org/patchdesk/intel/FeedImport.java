package org.patchdesk.intel;

import java.time.Instant;

/**
 * One import of a feed file: the file, the feed's own version and date (such as a KEV
 * catalogVersion and dateReleased, or an EPSS model_version and score_date), who imported it and
 * when, and what it changed.
 */
public record FeedImport(long id, FeedKind feed, String fileName, String fileSha256, String feedVersion, String feedDate,
                         Instant importedAt, String importedBy, int records, int added, int changed, int removed, String summary) {
}
