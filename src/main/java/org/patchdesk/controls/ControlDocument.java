package org.patchdesk.controls;

import java.nio.file.Path;
import java.time.Instant;

/** The path of an evidence document kept with a control, such as a firewall change record or a scan report. */
public record ControlDocument(long id, long controlId, Path path, String addedBy, Instant addedAt) {
}
