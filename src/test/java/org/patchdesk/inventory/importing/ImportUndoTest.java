package org.patchdesk.inventory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchdesk.inventory.importing.ImportFixtures.importFile;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class ImportUndoTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void openSite() throws Exception {
        services = TestSites.open(folder.resolve("data"));
        Path base = folder.resolve("base.csv");
        Files.writeString(base, "Asset Tag,Manufacturer,Model,Software Version\nA-1,Baxter,Life2000,06.08\nA-2,Baxter,Life2000,06.08\n");
        importFile(services, base, TestSites.TECHNICIAN);
    }

    @AfterEach
    void closeSite() {
        services.close();
    }

    private String version(String assetTag) {
        return services.devices().findByAssetTag(assetTag).orElseThrow().values().get(DeviceField.SOFTWARE_VERSION, String.class);
    }

    private ImportResult importUpdate() throws Exception {
        Path update = folder.resolve("update.csv");
        Files.writeString(update, "Asset Tag,Software Version,Department\nA-1,06.10,ICU\nA-2,06.10,ICU\nA-3,1.0,Lab\n");
        return importFile(services, update, TestSites.MANAGER);
    }

    @Test
    void undoRevertsAddedAndUpdatedDevices() throws Exception {
        ImportResult result = importUpdate();

        UndoResult undo = services.inventoryImport().undo(result.batch().id(), TestSites.MANAGER);

        assertThat(undo.reverted()).isEqualTo(3);
        assertThat(undo.kept()).isEmpty();
        assertThat(services.devices().findByAssetTag("A-3")).isEmpty();
        assertThat(version("A-1")).isEqualTo("06.08");
        assertThat(services.devices().findByAssetTag("A-1").orElseThrow().values().get(DeviceField.DEPARTMENT)).isNull();
        assertThat(undo.batch().isUndone()).isTrue();
        assertThat(undo.batch().undoneBy()).isEqualTo("mmanager");
    }

    @Test
    void undoKeepsDevicesChangedSince() throws Exception {
        ImportResult result = importUpdate();
        Device edited = services.devices().findByAssetTag("A-2").orElseThrow();
        DeviceValues values = edited.values().copy().set(DeviceField.NOTES, "Checked by hand");
        services.devices().update(edited.id(), values, TestSites.TECHNICIAN);

        UndoResult undo = services.inventoryImport().undo(result.batch().id(), TestSites.MANAGER);

        assertThat(undo.reverted()).isEqualTo(2);
        assertThat(undo.kept()).extracting(UndoResult.KeptDevice::assetTag).containsExactly("A-2");
        assertThat(undo.kept().get(0).changedBy()).isEqualTo("jtech");
        assertThat(undo.kept().get(0).change()).isEqualTo("Device edited");
        assertThat(version("A-2")).isEqualTo("06.10");
        assertThat(version("A-1")).isEqualTo("06.08");
        assertThat(undo.batch().undoKept()).isEqualTo(1);
    }

    @Test
    void undoKeepsDevicesALaterImportChanged() throws Exception {
        ImportResult first = importUpdate();
        Path later = folder.resolve("later.csv");
        Files.writeString(later, "Asset Tag,Software Version\nA-3,2.0\n");
        importFile(services, later, TestSites.TECHNICIAN);

        UndoResult undo = services.inventoryImport().undo(first.batch().id(), TestSites.MANAGER);

        assertThat(undo.kept()).extracting(UndoResult.KeptDevice::assetTag).containsExactly("A-3");
        assertThat(undo.kept().get(0).change()).isEqualTo("Updated by import");
        assertThat(version("A-3")).isEqualTo("2.0");
    }

    @Test
    void undoIsRecordedInTheAuditTrail() throws Exception {
        ImportResult result = importUpdate();

        services.inventoryImport().undo(result.batch().id(), TestSites.MANAGER);

        AuditEntry last = services.database().jdbi().withExtension(AuditDao.class, dao -> dao.listNewest(1)).get(0);
        assertThat(last.action()).isEqualTo(AuditAction.UNDO);
        assertThat(last.actor()).isEqualTo("mmanager");
        assertThat(last.recordId()).isEqualTo(result.batch().id());
        assertThat(last.summary()).isEqualTo("Undo of import #" + result.batch().id() + " (update.csv)");
    }

    @Test
    void secondUndoIsRefused() throws Exception {
        ImportResult result = importUpdate();
        services.inventoryImport().undo(result.batch().id(), TestSites.MANAGER);

        assertThatThrownBy(() -> services.inventoryImport().undo(result.batch().id(), TestSites.MANAGER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already undone");
    }
}
