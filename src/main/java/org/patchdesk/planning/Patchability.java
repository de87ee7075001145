package org.patchdesk.planning;

import java.util.Locale;

/** The path by which security updates reach a device, as its manufacturer allows them. */
public enum Patchability {
    /** The owner may install updates once the manufacturer has validated them. */
    OWNER_AFTER_VALIDATION("owner-installable after vendor validation"),
    /** Only the manufacturer's service installs updates, on site or remotely. */
    VENDOR_ONLY("vendor-installed only"),
    /** An update exists but the manufacturer has not yet validated it for the device. */
    AWAITING_VALIDATION("awaiting vendor validation"),
    /** The manufacturer prohibits updates or publishes none. */
    PROHIBITED_OR_NONE("patches prohibited or none available"),
    /** The operating system or the device is past its end of support. */
    UNSUPPORTED("unsupported"),
    UNKNOWN("unknown");

    private final String label;

    Patchability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a word such as "vendor-only".
     *
     * @throws IllegalArgumentException when the word names no patchability
     */
    public static Patchability fromWord(String word) {
        for (Patchability value : values()) {
            if (value.word().equalsIgnoreCase(word.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a patchability; use one of "
                + java.util.Arrays.stream(values()).map(Patchability::word).collect(java.util.stream.Collectors.joining(", ")));
    }
}
