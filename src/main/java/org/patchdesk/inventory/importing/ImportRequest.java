package org.patchdesk.inventory.importing;

import java.nio.file.Path;

/** A request to import a file: its sheet, the row number of its header row and the column mapping confirmed for it. */
public record ImportRequest(Path file, String sheet, int headerRowNumber, ColumnMapping mapping) {
}
