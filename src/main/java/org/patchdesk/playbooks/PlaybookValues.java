package org.patchdesk.playbooks;

/**
 * The values of a playbook to create or change. {@code description}, {@code deviceTypeId} and
 * {@code productId} may be null; a playbook with neither id applies to no device until one is set.
 */
public record PlaybookValues(String name, String description, Long deviceTypeId, Long productId) {
}
