package org.patchdesk.onboarding;

import java.time.OffsetDateTime;

/**
 * The record that the getting-started guide was finished or closed on a site database.
 *
 * @param completedAt when the guide was first finished or closed
 * @param completedBy the user it was finished under
 */
public record FirstRunCompletion(OffsetDateTime completedAt, String completedBy) {
}
