package org.patchdesk.windows;

import java.time.Instant;

/** The clinical approval of a window's schedule: who approved it, in which role, when, and on which conditions. */
public record Approval(String name, String role, Instant approvedAt, String conditions) {
}
