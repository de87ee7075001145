package org.patchdesk.windows;

import java.util.Locale;

/** Why a window is held: on the regular schedule, out of cycle, or as an emergency. */
public enum WindowType {
    ROUTINE("Routine"),
    OUT_OF_CYCLE("Out-of-cycle"),
    EMERGENCY("Emergency");

    private final String label;

    WindowType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static WindowType fromWord(String word) {
        for (WindowType type : values()) {
            if (type.word().equalsIgnoreCase(word.strip()) || type.label.equalsIgnoreCase(word.strip())) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a window type; use routine, out-of-cycle or emergency");
    }
}
