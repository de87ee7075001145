package org.patchdesk.patchlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.ImportFixtures;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.VersionConflict;
import org.patchdesk.inventory.importing.VersionConflictService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

/**
 * A CMMS export imported after a patch was logged: the logged software version is kept, the
 * conflict is reported, and either review choice resolves it.
 */
class VersionConflictTest {

    private static final String HEADER = "Asset Tag,Manufacturer,Model,Software Version,Department\r\n";

    @TempDir
    Path folder;

    private Services services;
    private VersionConflictService conflicts;
    private PatchLogEntry logged;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        conflicts = services.versionConflicts();
        PatchLogFixtures.seed(services);
        long vent1 = services.devices().findByAssetTag("VENT-1").orElseThrow().id();
        logged = services.patchLog().record(NewLogEntry.of(vent1, "Life 2000 firmware 06.20", null, "06.20", PatchLogFixtures.TUESDAY,
                "jtech", PatchOutcome.INSTALLED, null, List.of("CVE-2026-40001")), TestSites.TECHNICIAN);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Path csv(String name, String rows) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        return file;
    }

    private String version(String tag) {
        return services.devices().findByAssetTag(tag).orElseThrow().values().text(DeviceField.SOFTWARE_VERSION);
    }

    private int count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private ImportResult importStaleExport() throws Exception {
        Path file = csv("cmms-export.csv", "VENT-1,Baxter,Life 2000,06.00,Respiratory\r\n"
                + "VENT-2,Baxter,Life 2000,06.05,ICU\r\n"
                + "MON-1,Philips,IntelliVue MX450,M.00.03,Cardiology\r\n");
        return ImportFixtures.importFile(services, file, TestSites.MANAGER);
    }

    @Test
    void importKeepsLoggedVersionAndReportsConflict() throws Exception {
        ImportResult result = importStaleExport();

        assertThat(result.versionConflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.fileName()).isEqualTo("cmms-export.csv");
            assertThat(conflict.rowNumber()).isEqualTo(2);
            assertThat(conflict.assetTag()).isEqualTo("VENT-1");
            assertThat(conflict.importedValue()).isEqualTo("06.00");
            assertThat(conflict.patchLogValue()).isEqualTo("06.20");
            assertThat(conflict.logEntryId()).isEqualTo(logged.id());
            assertThat(conflict.isPending()).isTrue();
        });
        assertThat(result.summaryLine()).isEqualTo("Imported cmms-export.csv: 0 added, 2 updated, 1 unchanged, 0 rejected;"
                + " 1 software version set by the patch log was kept and waits for review");
        assertThat(version("VENT-1")).isEqualTo("06.20");
        assertThat(version("VENT-2")).as("no patch logged").isEqualTo("06.05");
        assertThat(services.findings().find("VENT-1", "CVE-2026-40001").orElseThrow().finding().statusValue())
                .isEqualTo(FindingStatus.PATCHED);
        assertThat(conflicts.list(false)).extracting(VersionConflict::assetTag).containsExactly("VENT-1");
    }

    @Test
    void sameVersionInImportIsNoConflict() throws Exception {
        Path file = csv("agrees.csv", "VENT-1,Baxter,Life 2000,06.20,Respiratory\r\nVENT-1,Baxter,Life 2000,,Respiratory\r\n");

        ImportResult result = ImportFixtures.importFile(services, file, TestSites.MANAGER);

        assertThat(result.versionConflicts()).isEmpty();
        assertThat(version("VENT-1")).isEqualTo("06.20");
    }

    @Test
    void takingImportedValueUpdatesDeviceAndEndsProtection() throws Exception {
        VersionConflict conflict = importStaleExport().versionConflicts().get(0);

        VersionConflict resolved = conflicts.takeImported(conflict.id(), TestSites.MANAGER);

        assertThat(resolved.resolution()).isEqualTo(VersionConflict.Resolution.IMPORTED);
        assertThat(resolved.resolvedBy()).isEqualTo("mmanager");
        assertThat(version("VENT-1")).isEqualTo("06.00");
        assertThat(count("SELECT COUNT(*) FROM patch_log_version")).isZero();
        assertThat(conflicts.list(false)).isEmpty();
        assertThat(conflicts.list(true)).extracting(VersionConflict::stateText).containsExactly("imported value taken");
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'import_version_conflict'"
                + " AND new_values LIKE '%imported%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'device' AND summary LIKE 'Software version 06.00"
                + " taken from import #%'")).isEqualTo(1);
        assertThatThrownBy(() -> conflicts.keepLogged(conflict.id(), TestSites.MANAGER)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The version conflict of VENT-1 was already resolved by mmanager: imported value taken");

        Path later = csv("later.csv", "VENT-1,Baxter,Life 2000,06.10,Respiratory\r\n");
        assertThat(ImportFixtures.importFile(services, later, TestSites.MANAGER).versionConflicts()).isEmpty();
        assertThat(version("VENT-1")).isEqualTo("06.10");
    }

    @Test
    void keepingLoggedValueLeavesDeviceAsLogged() throws Exception {
        VersionConflict conflict = importStaleExport().versionConflicts().get(0);

        VersionConflict resolved = conflicts.keepLogged(conflict.id(), TestSites.MANAGER);

        assertThat(resolved.resolution()).isEqualTo(VersionConflict.Resolution.KEPT);
        assertThat(version("VENT-1")).isEqualTo("06.20");
        assertThat(conflicts.list(false)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'import_version_conflict' AND summary LIKE"
                + " 'Software version 06.20 from patch log entry #" + logged.id() + " kept over 06.00 in import #%'")).isEqualTo(1);

        Path again = csv("again.csv", "VENT-1,Baxter,Life 2000,06.00,Respiratory\r\n");
        assertThat(ImportFixtures.importFile(services, again, TestSites.MANAGER).versionConflicts())
                .as("the logged version is still protected").hasSize(1);
    }

    @Test
    void editedVersionIsNoLongerProtected() throws Exception {
        var device = services.devices().findByAssetTag("VENT-1").orElseThrow();
        services.devices().update(device.id(), device.values().copy().set(DeviceField.SOFTWARE_VERSION, "06.21"), TestSites.MANAGER);

        ImportResult result = importStaleExport();

        assertThat(result.versionConflicts()).isEmpty();
        assertThat(version("VENT-1")).isEqualTo("06.00");
    }

    @Test
    void undoneImportHasNoPendingConflicts() throws Exception {
        ImportResult result = importStaleExport();

        services.inventoryImport().undo(result.batch().id(), TestSites.MANAGER);

        assertThat(conflicts.list(false)).isEmpty();
        assertThat(conflicts.list(true)).extracting(VersionConflict::stateText).containsExactly("import undone");
        long id = result.versionConflicts().get(0).id();
        assertThatThrownBy(() -> conflicts.takeImported(id, TestSites.MANAGER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was undone");
        assertThat(version("VENT-1")).isEqualTo("06.20");
    }
}
