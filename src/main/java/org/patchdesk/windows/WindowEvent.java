package org.patchdesk.windows;

import java.time.Instant;

/** A change of a window's status. {@code from} is null for the window's creation. */
public record WindowEvent(Instant occurredAt, String actor, WindowStatus from, WindowStatus to, String note) {
}
