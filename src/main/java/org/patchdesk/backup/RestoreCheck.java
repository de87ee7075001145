package org.patchdesk.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditChain;
import org.patchdesk.audit.AuditProblem;
import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.storage.Database;
import org.patchdesk.storage.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a backup file before a restore, without touching the current data: it must be a zip with
 * a PatchDesk manifest, of a schema this PatchDesk supports; its script must load into a new
 * database in a temporary folder, match the manifest's counts and audit head, and its audit chain
 * must verify.
 */
public final class RestoreCheck {

    /** Verifies the audit trail of a loaded database whose anchor file was set to its own chain's head. */
    @FunctionalInterface
    public interface TrailVerifier {
        AuditVerification verify(Database database, ProgressMonitor monitor);
    }

    private static final Logger log = LoggerFactory.getLogger(RestoreCheck.class);

    private final TrailVerifier verifier;

    public RestoreCheck(TrailVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Checks the backup and returns it loaded, for the caller to restore or close.
     *
     * @throws IllegalArgumentException when the file is not a PatchDesk backup, comes from a newer PatchDesk, is damaged, or its audit
     *                                  chain is broken; the message names the file and the reason
     * @throws IOException              when the file or the temporary folder cannot be read or written
     */
    public RestoreCandidate check(Path file, ProgressMonitor monitor) throws IOException {
        long started = System.nanoTime();
        monitor.progress(-1, 0, "Reading " + file.getFileName());
        BackupManifest manifest = BackupArchive.readManifest(file);
        refuseNewerSchema(file, manifest);
        Path folder = Files.createTempDirectory("patchdesk-restore-");
        try {
            RestoreCandidate candidate = load(file, manifest, folder, monitor);
            log.info("Checked the backup {} in {} ms: {}", file, (System.nanoTime() - started) / 1_000_000, candidate.head().describe());
            return candidate;
        } catch (IOException | RuntimeException e) {
            RestoreCandidate.deleteFolder(folder);
            throw e;
        }
    }

    private static void refuseNewerSchema(Path file, BackupManifest manifest) {
        String known = Database.latestSchemaVersion();
        MigrationVersion backupVersion;
        try {
            backupVersion = MigrationVersion.fromVersion(manifest.schemaVersion());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is a damaged PatchDesk backup: its schema version '" + manifest.schemaVersion()
                    + "' is not a version number");
        }
        if (backupVersion.compareTo(MigrationVersion.fromVersion(known)) > 0) {
            throw new IllegalArgumentException("The backup " + file.getFileName() + " was made by PatchDesk " + manifest.patchDeskVersion()
                    + " with schema version " + manifest.schemaVersion() + ", newer than this PatchDesk knows (schema version " + known
                    + "). Restore it with PatchDesk " + manifest.patchDeskVersion() + " or later; nothing was changed.");
        }
    }

    private RestoreCandidate load(Path file, BackupManifest manifest, Path folder, ProgressMonitor monitor) throws IOException {
        monitor.progress(-1, 0, "Loading the database of " + file.getFileName());
        Path script = folder.resolve(BackupArchive.SCRIPT_ENTRY);
        BackupArchive.extractScript(file, script);
        runScript(file, manifest, script, folder);
        Files.delete(script);
        monitor.checkCancelled();

        Database database;
        try {
            database = Database.open(folder, Database.DEFAULT_NAME);
        } catch (DatabaseUnavailableException e) {
            throw new IllegalArgumentException(file + " is a damaged PatchDesk backup: its database cannot be updated to this"
                    + " PatchDesk's schema (" + e.getMessage() + ")", e);
        }
        try {
            monitor.progress(-1, 0, "Verifying the audit trail of " + file.getFileName());
            AuditVerification verification = verifier.verify(database, monitor);
            List<String> warnings = new ArrayList<>();
            for (AuditProblem problem : verification.problems()) {
                if (problem.kind().isChainProblem()) {
                    throw new IllegalArgumentException("The audit trail in the backup " + file.getFileName() + " is broken, so it is not"
                            + " restored: " + problem.message());
                }
                warnings.add(problem.message());
            }
            ChainHead head = database.jdbi().withHandle(DatabaseContents::auditHead);
            Map<String, Long> counts = database.jdbi().withHandle(DatabaseContents::counts);
            return new RestoreCandidate(file, manifest, folder, database.file(), AuditChain.anchorFileOf(database.file()), head, counts,
                    database.schemaVersion(), warnings);
        } finally {
            database.close();
        }
    }

    /** Loads the script into a new database in {@code folder} and compares it with the manifest, before any schema update adds rows. */
    private static void runScript(Path file, BackupManifest manifest, Path script, Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve(Database.DEFAULT_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, Database.USER, Database.PASSWORD)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("RUNSCRIPT FROM " + BackupArchive.quoted(script));
            }
            try (Handle handle = Jdbi.open(connection)) {
                compareWithManifest(file, manifest, handle);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(file + " is a damaged PatchDesk backup: its database script cannot be loaded ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Refuses a loaded database whose counts or audit head differ from the manifest's, so an incomplete script is not restored. */
    private static void compareWithManifest(Path file, BackupManifest manifest, Handle handle) {
        Map<String, Long> counts = DatabaseContents.counts(handle);
        manifest.recordCounts().forEach((table, count) -> {
            long loaded = counts.getOrDefault(table, 0L);
            if (loaded != count) {
                throw new IllegalArgumentException(file + " is a damaged PatchDesk backup: its manifest counts " + count + " rows of "
                        + table + " but its database contains " + loaded);
            }
        });
        ChainHead head = DatabaseContents.auditHead(handle);
        ChainHead expected = manifest.auditHead();
        boolean sameHash = expected.hash() == null || head.hash() == null || Objects.equals(expected.hash(), head.hash());
        if (head.entryCount() != expected.entryCount() || !sameHash) {
            throw new IllegalArgumentException(file + " is a damaged PatchDesk backup: its manifest records " + expected.describe()
                    + " but its database contains " + head.describe());
        }
    }
}
