package org.patchdesk.inventory.importing;

import java.util.List;

/**
 * A finished import: its batch record (with the counts), the rows it rejected, how the file was
 * read, and the rows whose software version was kept because the patch log set it.
 */
public record ImportResult(ImportBatch batch, List<RejectedRow> rejected, String readingNotes, List<VersionConflict> versionConflicts) {

    public ImportResult {
        rejected = List.copyOf(rejected);
        versionConflicts = List.copyOf(versionConflicts);
    }

    public ImportResult(ImportBatch batch, List<RejectedRow> rejected, String readingNotes) {
        this(batch, rejected, readingNotes, List.of());
    }

    /** Returns the summary line that the command line prints and the wizard shows. */
    public String summaryLine() {
        StringBuilder text = new StringBuilder("Imported ").append(batch.fileName()).append(": ").append(batch.countsText());
        if (batch.skipped() == 1) {
            text.append(" (1 blank or totals row skipped)");
        } else if (batch.skipped() > 1) {
            text.append(" (").append(batch.skipped()).append(" blank or totals rows skipped)");
        }
        if (versionConflicts.size() == 1) {
            text.append("; 1 software version set by the patch log was kept and waits for review");
        } else if (versionConflicts.size() > 1) {
            text.append("; ").append(versionConflicts.size()).append(" software versions set by the patch log were kept and wait for review");
        }
        return text.toString();
    }
}
