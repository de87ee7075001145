package org.patchdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.storage.DataFolderContents;
import org.patchdesk.testing.TestSites;

class WorkspaceFolderTest {

    @TempDir
    Path folder;

    @Test
    void describeFolderNamesPatchDeskFiles() {
        try (Workspace workspace = Workspace.open(folder, TestSites.CLOCK); Services site = workspace.openSite()) {

            DataFolderContents.Summary summary = workspace.describeFolder(site.backups().settings().folder());

            assertThat(summary.entries()).extracting(DataFolderContents.Entry::name)
                    .contains("logs", "patchdesk.lock", "patchdesk.mv.db");
            assertThat(summary.entries()).extracting(DataFolderContents.Entry::description).doesNotContain(DataFolderContents.UNKNOWN);
            assertThat(summary.entries()).filteredOn(entry -> entry.name().equals("patchdesk.mv.db")).singleElement()
                    .extracting(DataFolderContents.Entry::description).asString().startsWith("The site database");
            assertThat(summary.backups()).isEqualTo(folder.resolve("backups").toAbsolutePath().normalize());
            assertThat(site.firstRun().guideDue()).isFalse();
        }
    }
}
