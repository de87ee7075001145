package org.patchdesk.inventory.importing;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of undoing an import: how many devices it had added were deleted, how many it had
 * updated got their earlier values back, and the devices left as they are because they changed
 * after the import.
 */
public record UndoResult(ImportBatch batch, int deleted, int restored, List<KeptDevice> kept) {

    public UndoResult {
        kept = List.copyOf(kept);
    }

    /** Returns the number of devices the undo changed. */
    public int reverted() {
        return deleted + restored;
    }

    /** A device the undo did not touch, with the first later change that kept it. */
    public record KeptDevice(String assetTag, String changedBy, Instant changedAt, String change) {
    }
}
