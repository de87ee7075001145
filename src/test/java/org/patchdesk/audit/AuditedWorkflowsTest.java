package org.patchdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.importing.ImportFixtures;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.DemoData;
import org.patchdesk.workspace.Services;

/** Whole workflows through the services leave a trail whose records all match their last entries. */
class AuditedWorkflowsTest {

    @TempDir
    Path folder;

    @Test
    void importUpdateUndoAndMergeVerifyIntact() throws Exception {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Path base = folder.resolve("base.csv");
            Files.writeString(base, "Asset Tag,Manufacturer,Model,Software Version\nA-1,Baxter,Life2000,06.08\n"
                    + "A-2,Baxter Healthcare,Life2000,06.08\nA-3,Becton Dickinson,Alaris 8015,1.0\n");
            ImportFixtures.importFile(services, base, TestSites.TECHNICIAN);
            Path update = folder.resolve("update.csv");
            Files.writeString(update, "Asset Tag,Software Version,Department\nA-1,06.10,ICU\nA-4,1.0,Lab\n");
            ImportResult second = ImportFixtures.importFile(services, update, TestSites.MANAGER);
            services.inventoryImport().undo(second.batch().id(), TestSites.MANAGER);
            long baxter = services.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT manufacturer_id FROM device WHERE asset_tag = 'A-1'").mapTo(Long.class).one());
            long bd = services.database().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT manufacturer_id FROM device WHERE asset_tag = 'A-3'").mapTo(Long.class).one());
            services.manufacturers().merge(bd, baxter, TestSites.MANAGER);

            AuditVerification result = services.auditVerifier().verify(ProgressMonitor.NONE);

            assertThat(result.problems()).isEmpty();
        }
    }

    @Test
    void demoDataVerifiesIntact() throws Exception {
        try (Services services = TestSites.open(folder.resolve("demo"))) {
            DemoData.loadIfEmpty(services, TestSites.TECHNICIAN, ProgressMonitor.NONE);

            AuditVerification result = services.auditVerifier().verify(ProgressMonitor.NONE);

            assertThat(result.problems()).isEmpty();
            assertThat(result.databaseHead().entryCount()).isGreaterThan(500);
        }
    }
}
