package org.patchdesk.inventory.importing;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of undoing an import: how many devices went back to their state before it, and the
 * devices left as they are because they changed after the import.
 */
public record UndoResult(ImportBatch batch, int reverted, List<KeptDevice> kept) {

    public UndoResult {
        kept = List.copyOf(kept);
    }

    /** A device the undo did not touch, with the first later change that kept it. */
    public record KeptDevice(String assetTag, String changedBy, Instant changedAt, String change) {
    }
}
