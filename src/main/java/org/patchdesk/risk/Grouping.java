package org.patchdesk.risk;

/** The ways the worklist groups findings. */
public enum Grouping {
    DEVICE("Device"),
    VULNERABILITY("Vulnerability"),
    PRODUCT("Product"),
    DEPARTMENT("Department");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
