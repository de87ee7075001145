package org.patchdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderContentsTest {

    @TempDir
    Path folder;

    @Test
    void describesKnownAndUnknownEntries() throws Exception {
        Files.write(folder.resolve("patchdesk.mv.db"), new byte[2048]);
        Files.createDirectories(folder.resolve("logs"));
        Files.write(folder.resolve("logs").resolve("patchdesk.log"), new byte[100]);
        Files.writeString(folder.resolve("notes.txt"), "mine");

        DataFolderContents.Summary summary = DataFolderContents.describe(folder);

        assertThat(summary.entries()).containsExactly(
                new DataFolderContents.Entry("logs", true, 100, "PatchDesk's log files, for troubleshooting"),
                new DataFolderContents.Entry("notes.txt", false, 4, "Not made by PatchDesk"),
                new DataFolderContents.Entry("patchdesk.mv.db", false, 2048,
                        "The site database: inventory, findings, plans, users and the audit trail"));
        assertThat(summary.backups()).isEqualTo(folder.resolve("backups"));
    }

    @Test
    void howToChooseNamesOptionAndVariable() {
        assertThat(DataFolderContents.howToChoose()).contains("--data-dir").contains("PATCHDESK_DATA_DIR");
    }
}
