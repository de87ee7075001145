package org.patchdesk.inventory.importing;

import java.util.List;

/** A finished import: its batch record (with the counts), the rows it rejected and how the file was read. */
public record ImportResult(ImportBatch batch, List<RejectedRow> rejected, String readingNotes) {

    public ImportResult {
        rejected = List.copyOf(rejected);
    }

    /** Returns the summary line that the command line prints and the wizard shows. */
    public String summaryLine() {
        StringBuilder text = new StringBuilder("Imported ").append(batch.fileName()).append(": ").append(batch.countsText());
        if (batch.skipped() == 1) {
            text.append(" (1 blank or totals row skipped)");
        } else if (batch.skipped() > 1) {
            text.append(" (").append(batch.skipped()).append(" blank or totals rows skipped)");
        }
        return text.toString();
    }
}
