package org.patchdesk.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

        DataFolderContents.Summary summary = DataFolderContents.describe(folder, Map.of("logs", "Log files", "patchdesk.mv.db",
                "The site database"));

        assertThat(summary.entries()).containsExactly(
                new DataFolderContents.Entry("logs", true, 100, "Log files"),
                new DataFolderContents.Entry("notes.txt", false, 4, DataFolderContents.UNKNOWN),
                new DataFolderContents.Entry("patchdesk.mv.db", false, 2048, "The site database"));
        assertThat(summary.backups()).isEqualTo(folder.resolve("backups"));
    }

    @Test
    void howToChooseNamesOptionAndVariable() {
        assertThat(DataFolderContents.howToChoose()).contains("--data-dir").contains("PATCHDESK_DATA_DIR");
    }
}
