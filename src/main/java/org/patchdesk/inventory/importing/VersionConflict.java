package org.patchdesk.inventory.importing;

import java.time.Instant;
import java.util.Locale;

/**
 * An import row that would have changed a software version the patch log set: the import kept the
 * logged version, and the conflict waits for a person to take the imported value or keep the
 * logged one. {@code resolution} is null while it waits. {@code deviceId} is null once the device
 * was deleted.
 */
public record VersionConflict(long id, long batchId, String fileName, int rowNumber, Long deviceId, String assetTag,
                              String importedValue, String patchLogValue, long logEntryId, Resolution resolution, String resolvedBy,
                              Instant resolvedAt, boolean importUndone) {

    /** A person's review of a conflict. */
    public enum Resolution {
        /** The imported value replaced the logged one. */
        IMPORTED("imported value taken"),
        /** The logged value stays. */
        KEPT("patch log value kept");

        private final String label;

        Resolution(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Returns the form stored in the database: "imported" or "kept". */
        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Resolution fromStored(String stored) {
            return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
        }
    }

    public boolean isPending() {
        return resolution == null && !importUndone;
    }

    /** Returns the conflict in one line, such as the command line prints after an import. */
    public String describe() {
        return "Row " + rowNumber + ": software version " + importedValue + " of " + assetTag + " was not imported; patch log entry #"
                + logEntryId + " set " + patchLogValue;
    }

    /** Returns the state as the review list shows it. */
    public String stateText() {
        if (resolution != null) {
            return resolution.label();
        }
        return importUndone ? "import undone" : "waiting for review";
    }
}
