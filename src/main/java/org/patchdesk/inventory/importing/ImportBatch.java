package org.patchdesk.inventory.importing;

import java.time.Instant;

/**
 * One import of one file: where it came from, who ran it and when, and what it did to the
 * inventory. {@code undoneAt} is set once the import was undone.
 */
public record ImportBatch(long id, String kind, String fileName, String filePath, String fileSha256, String sheetName,
                          Integer headerRow, Instant importedAt, String importedBy, int rowsRead, int added, int updated,
                          int unchanged, int rejected, int skipped, Instant undoneAt, String undoneBy, Integer undoReverted,
                          Integer undoKept) {

    public static final String KIND_INVENTORY = "inventory";

    public boolean isUndone() {
        return undoneAt != null;
    }

    /** Returns the counts in one line, such as "12 added, 3 updated, 80 unchanged, 2 rejected". */
    public String countsText() {
        return added + " added, " + updated + " updated, " + unchanged + " unchanged, " + rejected + " rejected";
    }
}
