package org.patchdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.windows.PatchWindow;

class DemoWindowsTest {

    @TempDir
    Path folder;

    @Test
    void completedX2WindowApprovedByItsDepartment() throws Exception {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);
            Instant now = TestSites.CLOCK.instant();

            PatchWindow x2 = services.windows().between(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(30))).stream()
                    .filter(window -> window.title().startsWith("IntelliVue X2")).findFirst().orElseThrow();

            assertThat(x2.approval().role()).isEqualTo(x2.department() + " nurse manager");
        }
    }
}
