package org.patchdesk.windows;

/** A reason to look again at a window before it goes ahead; warnings do not stop a save. */
public record WindowWarning(Kind kind, String message) {

    /** The rule that raised a warning. */
    public enum Kind {
        OVERLAPPING_WINDOW("Device in another window"),
        BLACKOUT("Department blackout"),
        MINIMUM_IN_SERVICE("Too few left in service"),
        NO_OUTCOME("Ended without an outcome");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
