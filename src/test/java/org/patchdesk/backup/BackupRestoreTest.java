package org.patchdesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditFilter;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.storage.Database;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** Backups and restores of real H2 files built by the real migrations. */
class BackupRestoreTest {

    @TempDir
    Path folder;

    private Device addDevice(Services services, String assetTag) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, assetTag).set(DeviceField.DEPARTMENT, "ICU")
                .set(DeviceField.MANUFACTURER, "Baxter").set(DeviceField.MODEL, "Sigma Spectrum"), TestSites.TECHNICIAN);
    }

    @Test
    void backupThenRestoreRoundTripsEveryTable() throws Exception {
        Path data = folder.resolve("data");
        Map<String, String> before;
        long entriesBefore;
        BackupResult backup;
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            Services site = workspace.openSite();
            addDevice(site, "PUMP-0001");
            addDevice(site, "PUMP-0002");
            backup = site.backups().backUp(BackupReason.MANUAL, TestSites.TECHNICIAN);
            entriesBefore = site.auditChain().head().entryCount();
            before = tableChecksums(site.database().file(), entriesBefore);
            site.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0003"), TestSites.TECHNICIAN);

            try (RestoreCandidate candidate = workspace.checkBackup(backup.file(), ProgressMonitor.NONE)) {
                Workspace.Restored restored = workspace.restoreSite(site, candidate, TestSites.MANAGER);
                restored.services().close();
            }
            Map<String, String> after = tableChecksums(data.resolve("patchdesk.mv.db"), entriesBefore);

            assertThat(before.keySet()).contains("DEVICE", "AUDIT_ENTRY", "SETTING", "flyway_schema_history");
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void deletedDeviceReturnsAfterRestore() throws Exception {
        Path data = folder.resolve("data");
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            Services site = workspace.openSite();
            Device pump = addDevice(site, "PUMP-0001");
            BackupResult backup = site.backups().backUp(BackupReason.MANUAL, TestSites.TECHNICIAN);
            site.devices().delete(pump.id(), TestSites.TECHNICIAN);
            assertThat(site.devices().findByAssetTag("PUMP-0001")).isEmpty();

            Workspace.Restored restored;
            try (RestoreCandidate candidate = workspace.checkBackup(backup.file(), ProgressMonitor.NONE)) {
                restored = workspace.restoreSite(site, candidate, TestSites.MANAGER);
            }
            try (Services services = restored.services()) {
                assertThat(services.devices().findByAssetTag("PUMP-0001")).isPresent();
                assertThat(restored.replacedBackup().manifest().reason()).isEqualTo(BackupReason.BEFORE_RESTORE);
                assertThat(restored.replacedBackup().manifest().count("device")).isZero();
            }
        }
    }

    @Test
    void restoreAppendsEntryAndVerifies() throws Exception {
        Path data = folder.resolve("data");
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            Services site = workspace.openSite();
            addDevice(site, "PUMP-0001");
            BackupResult backup = site.backups().backUp(BackupReason.MANUAL, TestSites.TECHNICIAN);
            addDevice(site, "PUMP-0002");

            Workspace.Restored restored;
            try (RestoreCandidate candidate = workspace.checkBackup(backup.file(), ProgressMonitor.NONE)) {
                assertThat(candidate.head()).isEqualTo(backup.manifest().auditHead());
                restored = workspace.restoreSite(site, candidate, TestSites.MANAGER);
            }
            try (Services services = restored.services()) {
                AuditVerification verification = services.auditVerifier().verify(ProgressMonitor.NONE);
                List<AuditEntry> entries = services.auditTrail().find(AuditFilter.ALL, 1000).stream()
                        .filter(entry -> entry.recordType().equals(BackupService.RECORD_TYPE)).toList();

                assertThat(verification.problems()).isEmpty();
                assertThat(entries).hasSize(1);
                AuditEntry entry = entries.get(0);
                assertThat(entry.actor()).isEqualTo(TestSites.MANAGER.name());
                assertThat(entry.newValues()).containsEntry("restored_file", backup.file().toString())
                        .containsEntry("restored_head", backup.manifest().auditHead().hash())
                        .containsEntry("replaced_backup", restored.replacedBackup().file().toString())
                        .containsEntry("replaced_head", restored.replacedBackup().manifest().auditHead().hash());
                assertThat(services.auditChain().head().entryCount()).isEqualTo(backup.manifest().auditHead().entryCount() + 1);
            }
        }
    }

    @Test
    void corruptZipIsRefusedAndDatabaseUntouched() throws Exception {
        Path zip = folder.resolve("broken.zip");
        Files.write(zip, "PK\u0003\u0004 this is the start of a zip and nothing more".getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(zip, "cannot be read as a zip file");
    }

    @Test
    void foreignZipIsRefusedAndDatabaseUntouched() throws Exception {
        Path zip = folder.resolve("photos.zip");
        writeZip(zip, Map.of("readme.txt", "holiday photos"));

        assertRefused(zip, "is not a PatchDesk backup");
    }

    @Test
    void newerSchemaIsRefusedNamingBothVersions() throws Exception {
        Path data = folder.resolve("data");
        Path zip;
        try (Services site = TestSites.open(data)) {
            zip = site.backups().backUpTo(folder.resolve("made.zip"), TestSites.TECHNICIAN).file();
        }
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                entries.put(entry.getName(), new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        String known = Database.latestSchemaVersion();
        entries.put(BackupManifest.ENTRY, entries.get(BackupManifest.ENTRY).replace("schema.version=" + known, "schema.version=999")
                .replace("patchdesk.version=", "patchdesk.version=9.9.9-"));
        Path newer = folder.resolve("newer.zip");
        writeZip(newer, entries);

        assertRefused(newer, "schema version 999, newer than this PatchDesk knows (schema version " + known + ")");
    }

    private void assertRefused(Path zip, String message) throws Exception {
        Path data = folder.resolve("data");
        try (Services site = TestSites.open(data)) {
            addDevice(site, "PUMP-0001");
        }
        byte[] databaseBefore = Files.readAllBytes(data.resolve("patchdesk.mv.db"));
        byte[] anchorBefore = Files.readAllBytes(data.resolve("patchdesk.audit-anchor"));
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            assertThatThrownBy(() -> workspace.checkBackup(zip, ProgressMonitor.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        }

        assertThat(Files.readAllBytes(data.resolve("patchdesk.mv.db"))).isEqualTo(databaseBefore);
        assertThat(Files.readAllBytes(data.resolve("patchdesk.audit-anchor"))).isEqualTo(anchorBefore);
    }

    @Test
    void firstSchemaMigratesWithDataAndBackupBefore() throws Exception {
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + data.resolve(Database.DEFAULT_NAME).toAbsolutePath());
        source.setUser(Database.USER);
        source.setPassword(Database.PASSWORD);
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO device (asset_tag, asset_tag_key, status, created_at, created_by, updated_at,"
                    + " updated_by) VALUES ('OLD-0001', 'OLD-0001', 'ACTIVE', NOW(), 'jtech', NOW(), 'jtech'),"
                    + " ('OLD-0002', 'OLD-0002', 'ACTIVE', NOW(), 'jtech', NOW(), 'jtech')");
        }

        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK); Services site = workspace.openSite()) {
            assertThat(site.devices().findByAssetTag("OLD-0001")).isPresent();
            assertThat(site.devices().findByAssetTag("OLD-0002")).isPresent();
            List<BackupFile> backups = site.backups().list();
            assertThat(backups).extracting(backup -> backup.manifest().reason()).contains(BackupReason.BEFORE_MIGRATION);
            BackupFile beforeMigration = backups.stream().filter(backup -> backup.manifest().reason() == BackupReason.BEFORE_MIGRATION)
                    .findFirst().orElseThrow();
            assertThat(beforeMigration.manifest().schemaVersion()).isEqualTo("1");
            assertThat(beforeMigration.manifest().count("device")).isEqualTo(2);
        }
    }

    @Test
    void olderSchemaBackupRestoresAndMigrates() throws Exception {
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + data.resolve(Database.DEFAULT_NAME).toAbsolutePath());
        source.setUser(Database.USER);
        source.setPassword(Database.PASSWORD);
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO device (asset_tag, asset_tag_key, status, created_at, created_by, updated_at,"
                    + " updated_by) VALUES ('OLD-0001', 'OLD-0001', 'ACTIVE', NOW(), 'jtech', NOW(), 'jtech')");
        }
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            Services site = workspace.openSite();
            BackupFile beforeMigration = site.backups().list().stream()
                    .filter(backup -> backup.manifest().reason() == BackupReason.BEFORE_MIGRATION).findFirst().orElseThrow();
            site.devices().delete(site.devices().findByAssetTag("OLD-0001").orElseThrow().id(), TestSites.TECHNICIAN);

            Workspace.Restored restored;
            try (RestoreCandidate candidate = workspace.checkBackup(beforeMigration.file(), ProgressMonitor.NONE)) {
                assertThat(candidate.schemaVersion()).isEqualTo(Database.latestSchemaVersion());
                restored = workspace.restoreSite(site, candidate, TestSites.MANAGER);
            }
            try (Services services = restored.services()) {
                assertThat(services.devices().findByAssetTag("OLD-0001")).isPresent();
                // The device was added without PatchDesk, so only the chain is expected intact.
                assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems())
                        .noneMatch(problem -> problem.kind().isChainProblem());
            }
        }
    }

    @Test
    void dailyBackupOncePerDay() throws Exception {
        Path data = folder.resolve("data");
        try (Services site = TestSites.open(data)) {
            addDevice(site, "PUMP-0001");
        }
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            workspace.openSite().close();
            workspace.openSite().close();
        }
        Clock tomorrow = Clock.offset(TestSites.CLOCK, Duration.ofDays(1));
        try (Workspace workspace = Workspace.open(data, tomorrow)) {
            workspace.openSite().close();
        }

        try (Services site = TestSites.open(data)) {
            assertThat(site.backups().list()).extracting(backup -> backup.manifest().reason())
                    .containsExactly(BackupReason.DAILY, BackupReason.DAILY);
        }
    }

    @Test
    void emptyDatabaseGetsNoDailyBackup() throws Exception {
        Path data = folder.resolve("data");
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            workspace.openSite().close();
        }

        try (Services site = TestSites.open(data)) {
            assertThat(site.backups().list()).isEmpty();
        }
    }

    @Test
    void dailyBackupOffMakesNone() throws Exception {
        Path data = folder.resolve("data");
        try (Services site = TestSites.open(data)) {
            addDevice(site, "PUMP-0001");
            BackupSettings settings = site.backups().settings();
            site.backups().saveSettings(new BackupSettings(settings.folder(), null, settings.keep(), false), TestSites.MANAGER);
        }
        try (Workspace workspace = Workspace.open(data, TestSites.CLOCK)) {
            workspace.openSite().close();
        }

        try (Services site = TestSites.open(data)) {
            assertThat(site.backups().list()).isEmpty();
        }
    }

    @Test
    void pruningKeepsManualAndBeforeRestore() throws Exception {
        Path data = folder.resolve("data");
        try (Services site = TestSites.open(data)) {
            BackupSettings settings = site.backups().settings();
            site.backups().saveSettings(new BackupSettings(settings.folder(), null, 2, true), TestSites.MANAGER);
        }
        for (int day = 0; day < 4; day++) {
            try (Services site = TestSites.open(data, Clock.offset(TestSites.CLOCK, Duration.ofHours(day)))) {
                site.backups().backUp(BackupReason.BEFORE_IMPORT, TestSites.TECHNICIAN);
                site.backups().backUp(BackupReason.MANUAL, TestSites.TECHNICIAN);
                site.backups().backUp(BackupReason.BEFORE_RESTORE, TestSites.TECHNICIAN);
            }
        }

        try (Services site = TestSites.open(data)) {
            List<BackupFile> backups = site.backups().list();
            assertThat(backups.stream().filter(backup -> backup.manifest().reason() == BackupReason.MANUAL)).hasSize(4);
            assertThat(backups.stream().filter(backup -> backup.manifest().reason() == BackupReason.BEFORE_RESTORE)).hasSize(4);
            assertThat(backups.stream().filter(backup -> backup.manifest().reason().prunable())).hasSize(2);
        }
    }

    @Test
    void inventoryImportMakesBackupBefore() throws Exception {
        Path data = folder.resolve("data");
        try (Services site = TestSites.open(data)) {
            site.backups().beforeImport("inventory import of devices.xlsx");

            assertThat(site.backups().list()).singleElement().satisfies(backup ->
                    assertThat(backup.manifest().reason()).isEqualTo(BackupReason.BEFORE_IMPORT));
        }
    }

    @Test
    void secondFolderReceivesCopy() throws Exception {
        Path data = folder.resolve("data");
        Path share = folder.resolve("share");
        try (Services site = TestSites.open(data)) {
            BackupSettings settings = site.backups().settings();
            site.backups().saveSettings(new BackupSettings(settings.folder(), share, 14, true), TestSites.MANAGER);

            BackupResult result = site.backups().backUp(BackupReason.MANUAL, TestSites.TECHNICIAN);

            assertThat(result.secondCopy()).isEqualTo(share.resolve(result.file().getFileName()));
            assertThat(Files.readAllBytes(result.secondCopy())).isEqualTo(Files.readAllBytes(result.file()));
        }
    }

    @Test
    void secondCopyFailureIsReportedNotFatal() throws Exception {
        Path data = folder.resolve("data");
        Path share = folder.resolve("share");
        try (Services site = TestSites.open(data)) {
            BackupSettings settings = site.backups().settings();
            site.backups().saveSettings(new BackupSettings(settings.folder(), share, 14, true), TestSites.MANAGER);
            Files.delete(share);
            Files.writeString(share, "a file where the share folder was");
            List<String> problems = new ArrayList<>();
            site.backups().addProblemListener(problems::add);

            BackupResult result = site.backups().backUp(BackupReason.MANUAL, TestSites.TECHNICIAN);

            assertThat(result.file()).exists();
            assertThat(result.secondCopy()).isNull();
            assertThat(result.secondCopyProblem()).contains("second backup folder " + share);
            assertThat(problems).containsExactly(result.secondCopyProblem());
        }
    }

    @Test
    void settingsAreValidatedAndAudited() throws Exception {
        Path data = folder.resolve("data");
        try (Services site = TestSites.open(data)) {
            BackupService backups = site.backups();
            Path file = Files.writeString(folder.resolve("not-a-folder"), "text");

            assertThatThrownBy(() -> backups.saveSettings(new BackupSettings(data, null, 0, true), TestSites.MANAGER))
                    .hasMessageContaining("from 1 to 365");
            assertThatThrownBy(() -> backups.saveSettings(new BackupSettings(data, null, 366, true), TestSites.MANAGER))
                    .hasMessageContaining("from 1 to 365");
            assertThatThrownBy(() -> backups.saveSettings(new BackupSettings(file, null, 14, true), TestSites.MANAGER))
                    .hasMessageContaining("backup folder " + file + " cannot be written to");

            BackupSettings saved = backups.saveSettings(new BackupSettings(folder.resolve("elsewhere"), null, 30, false), TestSites.MANAGER);

            assertThat(saved).isEqualTo(new BackupSettings(folder.resolve("elsewhere").toAbsolutePath(), null, 30, false));
            assertThat(site.auditTrail().find(AuditFilter.ALL, 1000)).anySatisfy(entry -> {
                assertThat(entry.recordLabel()).isEqualTo("backup settings");
                assertThat(entry.newValues()).containsEntry(BackupService.KEEP_KEY, "30");
            });
            assertThat(site.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
        }
    }

    private static void writeZip(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream stream = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                stream.putNextEntry(new ZipEntry(entry.getKey()));
                stream.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                stream.closeEntry();
            }
        }
    }

    /**
     * Returns a SHA-256 of each table's rows, sorted as text, for every table in INFORMATION_SCHEMA;
     * audit entries count up to {@code auditEntries}, so that entries appended later are left out.
     */
    static Map<String, String> tableChecksums(Path databaseFile, long auditEntries) throws SQLException {
        String base = databaseFile.toAbsolutePath().toString().replaceAll("\\.mv\\.db$", "");
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + base, Database.USER, Database.PASSWORD);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String where = table.equals("AUDIT_ENTRY") ? " WHERE id <= " + auditEntries : "";
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"" + where)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            row.append(rs.getString(column)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                checksums.put(table, rows.size() + " rows " + sha256(String.join("\n", rows)));
            }
        }
        return checksums;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
