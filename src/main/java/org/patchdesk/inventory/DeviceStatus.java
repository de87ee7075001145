package org.patchdesk.inventory;

/** The stage of a device's life: in use, out of use for now, or gone for good. */
public enum DeviceStatus implements Labeled {
    ACTIVE("Active"),
    INACTIVE("Inactive"),
    RETIRED("Retired");

    private final String label;

    DeviceStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
