package org.patchdesk.vendors;

import java.nio.file.Path;
import java.time.Instant;

/** The path of a document kept with a request, such as a vendor letter; the file itself stays where it is. */
public record RequestDocument(long id, long requestId, Path path, String addedBy, Instant addedAt) {
}
