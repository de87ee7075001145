package org.patchdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditProblem.Kind;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.storage.Database;
import org.patchdesk.testing.TestSites;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowDraft;
import org.patchdesk.windows.WindowType;
import org.patchdesk.workspace.Services;

class AuditVerifierTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path folder;

    private static DeviceValues pump(String assetTag, String department) {
        return new DeviceValues()
                .set(DeviceField.ASSET_TAG, assetTag)
                .set(DeviceField.MANUFACTURER, "Becton, Dickinson and Company (BD)")
                .set(DeviceField.MODEL, "Alaris PCU 8015")
                .set(DeviceField.DEVICE_TYPE, "Infusion Pump")
                .set(DeviceField.DEPARTMENT, department)
                .set(DeviceField.IP_ADDRESSES, List.of("10.1.2.3", "10.1.2.4"));
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    /** Makes changes of every compared record type through the services, and returns the first device's id. */
    private long changeThroughServices(Services services) {
        Device first = services.devices().create(pump("P-1", "ICU"), TestSites.TECHNICIAN);
        Device second = services.devices().create(pump("P-2", "NICU"), TestSites.TECHNICIAN);
        Device third = services.devices().create(pump("P-3", "ER").set(DeviceField.MANUFACTURER, "Baxter"), TestSites.TECHNICIAN);
        services.devices().update(first.id(), first.values().copy().set(DeviceField.DEPARTMENT, "PICU")
                .set(DeviceField.NOTES, "Moved"), TestSites.TECHNICIAN);
        services.devices().update(second.id(), second.values().copy().set(DeviceField.IP_ADDRESSES, null), TestSites.TECHNICIAN);
        services.devices().delete(third.id(), TestSites.TECHNICIAN);
        long bd = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM manufacturer WHERE name = 'BD'")
                .mapTo(Long.class).one());
        services.manufacturers().rename(bd, "BD Medical", TestSites.MANAGER);
        long window = services.windows().create(new WindowDraft("ICU pumps", at("2026-12-10T06:00"), at("2026-12-10T08:00"), "ICU",
                "4 West", WindowType.ROUTINE, "Install 7.1", List.of(new WindowDraft.Planned(second.id(), 30),
                new WindowDraft.Planned(first.id(), 45)), null, CabStatus.NOT_SUBMITTED, null), TestSites.MANAGER);
        services.windows().submitForApproval(window, TestSites.MANAGER);
        services.patchLog().record(NewLogEntry.of(first.id(), "Update 7.1", null, "7.1", at("2026-12-03T07:30"), "jtech",
                PatchOutcome.INSTALLED, null, List.of("CVE-2024-0002", "CVE-2024-0001")), TestSites.TECHNICIAN);
        services.windowRules().setRequiresApprovedChange(true, TestSites.MANAGER);
        services.settings().save(Map.of("due.days.immediate", "10"), TestSites.MANAGER, ProgressMonitor.NONE);
        return first.id();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve(Database.DEFAULT_NAME),
                Database.USER, Database.PASSWORD); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long entryId(String where) {
        try (Services services = TestSites.open(folder)) {
            return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT MIN(id) FROM audit_entry WHERE " + where)
                    .mapTo(Long.class).one());
        }
    }

    private AuditVerification verify() {
        try (Services services = TestSites.open(folder)) {
            return services.auditVerifier().verify(ProgressMonitor.NONE);
        }
    }

    @Test
    void changesThroughServicesVerifyIntact() {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);

            AuditVerification result = services.auditVerifier().verify(ProgressMonitor.NONE);

            assertThat(result.problems()).isEmpty();
            assertThat(result.intact()).isTrue();
            assertThat(result.databaseHead()).isEqualTo(services.auditChain().head());
            assertThat(result.anchor()).isEqualTo(services.auditChain().head());
            assertThat(result.comparedRecordTypes()).contains("device", "manufacturer", "device_type", "patch_window",
                    "patch_log_entry", "setting");
            assertThat(result.uncomparedRecordTypes()).contains("product");
        }
    }

    @Test
    void reportListsEventsApartFromUncomparedRecords() {
        AuditVerification result = new AuditVerification(Instant.EPOCH, new ChainHead(3, "a".repeat(64)), null, 0, List.of(),
                List.of("device", "validation_document"), List.of("feed_import", "import_batch", "mds2_suggestion", "product"));

        assertThat(result.reportLines()).containsExactly(
                "Intact: " + new ChainHead(3, "a".repeat(64)).describe(),
                "Compared with their last audit entries: devices, validation request documents",
                "Events in the trail, with no current record to compare (each happened once): feed imports,"
                        + " inventory imports and their undos",
                "Kept in the trail but not compared with current records: MDS2 suggestions accepted or rejected,"
                        + " products (manufacturer and model)");
    }

    @Test
    void emptyDatabaseVerifiesIntact() {
        AuditVerification result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.databaseHead()).isEqualTo(ChainHead.EMPTY);
    }

    @Test
    void changedEntryIsNamed() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        long updated = entryId("record_type = 'device' AND action = 'update'");
        execute("UPDATE audit_entry SET actor = 'someone' WHERE id = " + updated);

        AuditVerification result = verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problems().get(0).kind()).isEqualTo(Kind.ENTRY_CHANGED);
        assertThat(result.problems().get(0).entryId()).isEqualTo(updated);
        assertThat(result.problems().get(0).message()).contains("#" + updated).contains("was changed after it was written");
    }

    @Test
    void changedValuesWithRecomputedHashAreNamed() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        long updated = entryId("record_type = 'device' AND action = 'update'");
        execute("UPDATE audit_entry SET entry_hash = '" + "a".repeat(64) + "' WHERE id = " + updated);

        AuditVerification result = verify();

        assertThat(result.problems().get(0).kind()).isEqualTo(Kind.ENTRY_CHANGED);
        assertThat(result.problems().get(0).entryId()).isEqualTo(updated);
    }

    @Test
    void deletedEntryIsNamedByTheNextOne() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        long deleted = entryId("record_type = 'device' AND action = 'delete'");
        long next = entryId("id > " + deleted);
        execute("DELETE FROM audit_entry WHERE id = " + deleted);

        AuditVerification result = verify();

        AuditProblem problem = result.problems().get(0);
        assertThat(problem.kind()).isEqualTo(Kind.ENTRY_UNLINKED);
        assertThat(problem.entryId()).isEqualTo(next);
        assertThat(problem.message()).contains("an entry between them was deleted");
    }

    @Test
    void entryInsertedOutsideIsNamed() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        execute("INSERT INTO audit_entry (occurred_at, actor, action, record_type, record_id, record_label, summary)"
                + " VALUES (TIMESTAMP WITH TIME ZONE '2026-12-04 08:00:00+00', 'someone', 'update', 'device', 1, 'P-1', 'Forged')");
        long forged = entryId("summary = 'Forged'");

        AuditVerification result = verify();

        assertThat(result.problems().get(0).kind()).isEqualTo(Kind.ENTRY_NOT_CHAINED);
        assertThat(result.problems().get(0).entryId()).isEqualTo(forged);
    }

    @Test
    void removedNewestEntriesAreCaughtByTheAnchor() throws SQLException {
        long entries;
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
            entries = services.auditChain().head().entryCount();
        }
        execute("DELETE FROM audit_entry WHERE id >= (SELECT MAX(id) - 1 FROM audit_entry)");

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::kind).contains(Kind.ENTRIES_REMOVED);
        AuditProblem removed = result.problems().stream().filter(problem -> problem.kind() == Kind.ENTRIES_REMOVED).findFirst()
                .orElseThrow();
        assertThat(removed.message()).contains(String.format("%,d entries", entries)).contains("the newest 2 entries were removed");
    }

    @Test
    void laterChangeKeepsReportingRemovedEntries() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        execute("DELETE FROM audit_entry WHERE id >= (SELECT MAX(id) - 1 FROM audit_entry)");
        try (Services services = TestSites.open(folder)) {
            services.devices().create(pump("P-9", "ICU"), TestSites.TECHNICIAN);
        }

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::kind).containsExactly(Kind.ENTRIES_REMOVED);
    }

    @Test
    void missingAnchorIsReported() throws Exception {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        Files.delete(folder.resolve("patchdesk" + AuditChain.ANCHOR_SUFFIX));

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::kind).containsExactly(Kind.ANCHOR_MISSING);
    }

    @Test
    void anchorBehindTheChainIsAccepted() throws Exception {
        Path anchor = folder.resolve("patchdesk" + AuditChain.ANCHOR_SUFFIX);
        try (Services services = TestSites.open(folder)) {
            services.devices().create(pump("P-1", "ICU"), TestSites.TECHNICIAN);
            byte[] earlier = Files.readAllBytes(anchor);
            services.devices().create(pump("P-2", "ICU"), TestSites.TECHNICIAN);
            Files.write(anchor, earlier);
        }

        AuditVerification result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.anchorLag()).isEqualTo(1);
        assertThat(result.reportLines()).anyMatch(line -> line.contains("1 behind the database"));
    }

    @Test
    void anchorOfAnotherChainIsReported() throws Exception {
        Path anchor = folder.resolve("patchdesk" + AuditChain.ANCHOR_SUFFIX);
        try (Services services = TestSites.open(folder)) {
            services.devices().create(pump("P-1", "ICU"), TestSites.TECHNICIAN);
        }
        String text = Files.readString(anchor).replaceAll("head=[0-9a-f]{64}", "head=" + "b".repeat(64));
        Files.writeString(anchor, text);

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::kind).containsExactly(Kind.ANCHOR_MISMATCH);
    }

    @Test
    void deviceEditedOutsideIsNamedWithField() throws SQLException {
        long deviceId;
        try (Services services = TestSites.open(folder)) {
            deviceId = changeThroughServices(services);
        }
        execute("UPDATE device SET department = 'Radiology' WHERE id = " + deviceId);

        AuditVerification result = verify();

        assertThat(result.problems()).hasSize(1);
        AuditProblem problem = result.problems().get(0);
        assertThat(problem.kind()).isEqualTo(Kind.RECORD_CHANGED);
        assertThat(problem.recordType()).isEqualTo("device");
        assertThat(problem.recordId()).isEqualTo(deviceId);
        assertThat(problem.recordLabel()).isEqualTo("P-1");
        assertThat(problem.field()).isEqualTo("department");
        assertThat(problem.recorded()).isEqualTo("PICU");
        assertThat(problem.current()).isEqualTo("Radiology");
        assertThat(problem.message()).isEqualTo("Device P-1 (record " + deviceId + ") was changed outside PatchDesk: Department is 'Radiology'"
                + " but audit entry #" + entryId("record_type = 'device' AND record_id = " + deviceId + " AND action = 'update'")
                + " recorded 'PICU'");
    }

    @Test
    void untouchedFieldComparedWithCreate() throws SQLException {
        long deviceId;
        try (Services services = TestSites.open(folder)) {
            deviceId = changeThroughServices(services);
        }
        execute("UPDATE device SET serial_number = 'SN-FORGED' WHERE id = " + deviceId);

        AuditProblem problem = verify().problems().get(0);

        assertThat(problem.field()).isEqualTo("serial_number");
        assertThat(problem.recorded()).isNull();
        assertThat(problem.current()).isEqualTo("SN-FORGED");
    }

    @Test
    void deviceDeletedOutsideIsReported() throws SQLException {
        long deviceId;
        try (Services services = TestSites.open(folder)) {
            deviceId = changeThroughServices(services);
        }
        execute("DELETE FROM patch_log_version WHERE device_id = " + deviceId);
        execute("DELETE FROM patch_window_device WHERE device_id = " + deviceId);
        execute("DELETE FROM finding WHERE device_id = " + deviceId);
        execute("DELETE FROM device WHERE id = " + deviceId);

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::kind).contains(Kind.RECORD_DELETED);
        assertThat(result.problems()).filteredOn(problem -> problem.kind() == Kind.RECORD_DELETED).first()
                .extracting(AuditProblem::recordId).isEqualTo(deviceId);
    }

    @Test
    void deviceAddedOutsideIsReported() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        execute("INSERT INTO device (asset_tag, asset_tag_key, status, created_at, created_by, updated_at, updated_by)"
                + " VALUES ('X-9', 'X-9', 'ACTIVE', CURRENT_TIMESTAMP, 'someone', CURRENT_TIMESTAMP, 'someone')");

        AuditProblem problem = verify().problems().get(0);

        assertThat(problem.kind()).isEqualTo(Kind.RECORD_NOT_AUDITED);
        assertThat(problem.recordLabel()).isEqualTo("X-9");
    }

    @Test
    void settingChangedOutsideIsReported() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        execute("UPDATE setting SET setting_value = '30' WHERE setting_key = 'due.days.immediate'");

        AuditProblem problem = verify().problems().get(0);

        assertThat(problem.kind()).isEqualTo(Kind.RECORD_CHANGED);
        assertThat(problem.recordType()).isEqualTo("setting");
        assertThat(problem.field()).isEqualTo("due.days.immediate");
        assertThat(problem.recorded()).isEqualTo("10");
        assertThat(problem.current()).isEqualTo("30");
    }

    @Test
    void windowAndPatchLogChangedOutsideAreReported() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        execute("UPDATE patch_window SET title = 'Other' WHERE id = (SELECT MIN(id) FROM patch_window)");
        execute("UPDATE patch_log_entry SET version_after = '9.9' WHERE id = (SELECT MIN(id) FROM patch_log_entry)");

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::recordType).containsExactly("patch_window", "patch_log_entry");
        assertThat(result.problems()).extracting(AuditProblem::field).containsExactly("title", "version_after");
    }

    @Test
    void manufacturerRenamedOutsideIsReported() throws SQLException {
        try (Services services = TestSites.open(folder)) {
            changeThroughServices(services);
        }
        execute("UPDATE manufacturer SET name = 'Forged Medical' WHERE name = 'BD Medical'");

        AuditVerification result = verify();

        assertThat(result.problems()).extracting(AuditProblem::recordType).contains("device", "manufacturer");
        assertThat(result.problems()).filteredOn(problem -> problem.recordType().equals("manufacturer")).first()
                .extracting(AuditProblem::current).isEqualTo("Forged Medical");
    }
}
