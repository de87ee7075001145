package org.patchdesk.patchlog;

/**
 * A decision that its approver signs electronically, as decisions are recorded once PatchDesk has
 * user accounts. It applies to a device, a product, or a device of a product: at least one of
 * {@code deviceId} and {@code productId} is set. The approver's name, role and the time of the
 * decision come from the signature.
 *
 * @param update    the update decided on, such as "Alaris PCU firmware 12.3.1"
 * @param rationale why the update is deployed, deferred or rejected; it becomes the signature's comment
 */
public record DecisionToSign(Long deviceId, Long productId, String update, PatchDecision.Choice decision, String rationale) {
}
