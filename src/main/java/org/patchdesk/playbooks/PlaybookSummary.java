package org.patchdesk.playbooks;

/**
 * A playbook of the library without its steps. The device type and product names are null when
 * the playbook does not apply to one.
 */
public record PlaybookSummary(long id, String name, String description, Long deviceTypeId, String deviceTypeName, Long productId,
                              String productName, int stepCount) {

    /** Returns what the playbook applies to, such as "Infusion pump; BD Alaris 8015", or "no device type or product". */
    public String appliesTo() {
        return Playbook.appliesTo(deviceTypeName, productName);
    }
}
