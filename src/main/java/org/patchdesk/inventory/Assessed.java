package org.patchdesk.inventory;

/**
 * A value that the device itself may not state: {@code assumed} is true when it came from the
 * device type's default or PatchDesk's fallback, and {@code source} names which.
 */
public record Assessed<T extends Labeled>(T value, boolean assumed, String source) {

    /** Returns the label, followed by "(assumed)" when the value is assumed. */
    public String display() {
        return assumed ? value.label() + FieldValues.ASSUMED_SUFFIX : value.label();
    }
}
