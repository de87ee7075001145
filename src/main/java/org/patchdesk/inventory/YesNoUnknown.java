package org.patchdesk.inventory;

public enum YesNoUnknown implements Labeled {
    YES("Yes"),
    NO("No"),
    UNKNOWN("Unknown");

    private final String label;

    YesNoUnknown(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
