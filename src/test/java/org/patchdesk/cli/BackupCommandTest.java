package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The backup and restore commands on a real data folder, as a user runs them. */
class BackupCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("PATCHDESK_DATA_DIR", folder.resolve("data").toString());
        CliContext context = new CliContext(variables, TestSites.CLOCK, Workspace::open, prompt -> null);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private long addPump() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            Device pump = services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0001"), TestSites.TECHNICIAN);
            return pump.id();
        }
    }

    @Test
    void backupWritesIntoBackupFolderAndLists() {
        addPump();

        Run backup = run(Map.of(), "backup");
        Run list = run(Map.of(), "backup", "--list");

        assertThat(backup.exitCode()).isZero();
        assertThat(backup.out()).startsWith("Backup written: " + folder.resolve("data").resolve("backups").toAbsolutePath()
                .resolve("patchdesk-backup-2026-12-04-070000-manual.zip"));
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("made by hand").contains("daily backup").contains("patchdesk-backup-2026-12-04-070000-manual.zip");
    }

    @Test
    void restoreBringsBackDeletedDevice() {
        long pump = addPump();
        Path file = folder.resolve("before-delete.zip");
        assertThat(run(Map.of(), "backup", file.toString()).exitCode()).isZero();
        try (Services services = TestSites.open(folder.resolve("data"))) {
            services.devices().delete(pump, TestSites.TECHNICIAN);
        }

        Run restore = run(Map.of(), "restore", file.toString(), "--yes");

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("The backup passed its checks:").contains("Contains: 1 device, ")
                .contains("The replaced database is kept in the backup ");
        try (Services services = TestSites.open(folder.resolve("data"))) {
            assertThat(services.devices().findByAssetTag("PUMP-0001")).isPresent();
        }
    }

    @Test
    void restoreTakesListedName() {
        addPump();
        assertThat(run(Map.of(), "backup").exitCode()).isZero();

        Run restore = run(Map.of(), "restore", "patchdesk-backup-2026-12-04-070000-manual.zip", "--yes");

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + folder.resolve("data").resolve("backups").toAbsolutePath()
                .resolve("patchdesk-backup-2026-12-04-070000-manual.zip"));
    }

    @Test
    void restoreWarnsOfFewerDevices() {
        Path file = folder.resolve("empty.zip");
        assertThat(run(Map.of(), "backup", file.toString()).exitCode()).isZero();
        addPump();

        Run restore = run(Map.of(), "restore", file.toString(), "--yes");

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Check before restoring:\n  The backup holds 0 devices; the current data holds 1.");
    }

    @Test
    void restoreOfForeignZipFailsAndChangesNothing() throws Exception {
        addPump();
        Path file = Files.writeString(folder.resolve("notes.zip"), "not a zip at all", StandardCharsets.UTF_8);
        Run restore = run(Map.of(), "restore", file.toString(), "--yes");

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("is not a PatchDesk backup").contains("Nothing was changed.");
        try (Services services = TestSites.open(folder.resolve("data"))) {
            assertThat(services.devices().findByAssetTag("PUMP-0001")).isPresent();
            assertThat(services.backups().list())
                    .noneMatch(backup -> backup.manifest().reason() == org.patchdesk.backup.BackupReason.BEFORE_RESTORE);
        }
    }

    @Test
    void restoreNeedsAnAdministratorOnceAccountsExist() {
        addPump();
        Path file = folder.resolve("backup.zip");
        run(Map.of(), "backup", file.toString());
        run(Map.of("PATCHDESK_NEW_PASSWORD", "admin-pass-1"), "users", "add", "kwong", "--full-name", "Kim Wong");
        run(Map.of("PATCHDESK_PASSWORD", "admin-pass-1", "PATCHDESK_NEW_PASSWORD", "tech-pass-1"), "--user", "kwong", "users", "add",
                "jtech", "--role", "htm-technician", "--full-name", "Jordan Tech");

        Run technician = run(Map.of("PATCHDESK_PASSWORD", "tech-pass-1"), "--user", "jtech", "restore", file.toString(), "--yes");
        Run administrator = run(Map.of("PATCHDESK_PASSWORD", "admin-pass-1"), "--user", "kwong", "restore", file.toString(), "--yes");

        assertThat(technician.exitCode()).isEqualTo(1);
        assertThat(technician.err()).startsWith("Only an administrator can change the backup settings or restore a backup.");
        assertThat(administrator.exitCode()).as(administrator.err()).isZero();
    }
}
