package org.patchdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.testing.TestSites;

class WorkspaceDemoTest {

    @TempDir
    Path folder;

    @Test
    void onlyDemoDatabaseMarksReports() {
        try (Workspace workspace = Workspace.open(folder, TestSites.CLOCK)) {
            try (Services site = workspace.openSite()) {
                assertThat(site.isDemo()).isFalse();
                assertThat(site.reportSite().demo()).isFalse();
            }
            try (Services demo = workspace.openDemo()) {
                assertThat(demo.isDemo()).isTrue();
                assertThat(demo.reportSite().demo()).isTrue();
                assertThat(demo.reportSite().name()).isEqualTo(demo.siteName());
            }
        }
    }

    @Test
    void demoFolderOpenedAsDataFolderStillMarksReports() {
        try (Workspace workspace = Workspace.open(folder, TestSites.CLOCK)) {
            workspace.openDemo().close();
        }
        try (Workspace demoFolder = Workspace.open(folder.resolve(Workspace.DEMO_FOLDER), TestSites.CLOCK);
             Services services = demoFolder.openSite()) {
            assertThat(services.isDemo()).isTrue();
            assertThat(services.reportSite().demo()).isTrue();
        }
    }
}
