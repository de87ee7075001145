package org.patchdesk.patchlog;

import java.time.Instant;

/**
 * A decision to record. It applies to a device, a product, or a device of a product: at least one
 * of {@code deviceId} and {@code productId} is set.
 *
 * @param update       the update decided on, such as "Alaris PCU firmware 12.3.1"
 * @param approverName the person who approved the decision, as they sign
 * @param approverRole their role, such as "CISO" or "Director of Clinical Engineering"
 * @param decidedAt    when the decision was made
 */
public record NewDecision(Long deviceId, Long productId, String update, PatchDecision.Choice decision, String approverName,
                          String approverRole, String rationale, Instant decidedAt) {
}
