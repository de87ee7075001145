package org.patchdesk.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.patchdesk.audit.AuditChain;
import org.patchdesk.backup.BackupReason;
import org.patchdesk.backup.BackupResult;
import org.patchdesk.backup.BackupService;
import org.patchdesk.backup.RestoreCandidate;
import org.patchdesk.backup.RestoreCheck;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.common.Version;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.audit.AuditChain;
import org.patchdesk.storage.DataFolderContents;
import org.patchdesk.storage.DataFolderLock;
import org.patchdesk.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A locked data folder: the site database, the separate demo database in {@code demo/}, and the
 * logs in {@code logs/}. Only one process at a time can hold a workspace on a folder.
 */
public final class Workspace implements AutoCloseable {

    public static final String DEMO_FOLDER = "demo";
    /**
     * The file that marks a folder as holding the demo database, so that a command pointed at the
     * demo folder with {@code --data-dir} also prints its reports with the demo mark.
     */
    public static final String DEMO_MARKER = "demo-database.txt";
    public static final String LOGS_FOLDER = "logs";

    private static final Logger log = LoggerFactory.getLogger(Workspace.class);

    private final Path folder;
    private final DataFolderLock lock;
    private final Clock clock;
    private FdaProductClassification fda;
    private SsvcTables ssvc;

    private Workspace(Path folder, DataFolderLock lock, Clock clock) {
        this.folder = folder;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Locks the folder (creating it when missing) and starts logging into it.
     *
     * @throws org.patchdesk.storage.DatabaseUnavailableException when another PatchDesk has the folder open
     */
    public static Workspace open(Path folder, Clock clock) {
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            Path logs = folder.resolve(LOGS_FOLDER);
            Files.createDirectories(logs);
            LogFiles.logTo(logs);
        } catch (IOException e) {
            log.warn("Cannot create the log folder in {}; logging to the console only", folder, e);
        }
        log.info("PatchDesk {} opened the data folder {}", Version.current(), folder);
        return new Workspace(folder, lock, clock);
    }

    public Path folder() {
        return folder;
    }

    /** Returns what the data folder contains, each entry described as PatchDesk uses it, and the backup folder given. */
    public DataFolderContents.Summary describeFolder(Path backups) {
        String database = Database.DEFAULT_NAME;
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(database + ".mv.db", "The site database: inventory, findings, plans, users and the audit trail");
        descriptions.put(database + AuditChain.ANCHOR_SUFFIX, "The audit trail's check file: the number of entries and the newest"
                + " entry's hash");
        descriptions.put(DataFolderLock.LOCK_FILE, "A lock that keeps a second PatchDesk from opening the same data");
        descriptions.put(database + ".trace.db", "The database's own error log");
        descriptions.put(LOGS_FOLDER, "PatchDesk's log files, for troubleshooting");
        descriptions.put(DEMO_FOLDER, "The separate demo database, with fictional devices");
        descriptions.put(DataFolderContents.BACKUPS_FOLDER, "Backups of the site database");
        descriptions.put(DataFolderContents.HELP_FOLDER, "The user guide, as last opened from the Help menu");
        return DataFolderContents.describe(folder, descriptions, backups);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Opens the database of the data folder and applies the day's changes to scores. A folder that
     * the demo marker names as the demo folder, reached with {@code --data-dir}, opens as the demo
     * database.
     */
    public Services openSite() {
        boolean demo = Files.isRegularFile(folder.resolve(DEMO_MARKER));
        Database.BeforeMigration beforeMigration = demo ? Database.BeforeMigration.NONE
                : (jdbi, file, fromVersion, toVersion) -> BackupService.beforeMigration(jdbi, file, fromVersion, toVersion, clock);
        Services services = started(new Services(Database.open(folder, Database.DEFAULT_NAME, beforeMigration), fdaClassification(),
                ssvcTables(), clock, demo));
        if (!demo) {
            backUpDaily(services);
        }
        return services;
    }

    /** Makes the day's backup when it is due; a failure is logged and reported, and the database stays open. */
    private static void backUpDaily(Services services) {
        try {
            services.backups().backUpDailyIfDue();
        } catch (IOException | RuntimeException e) {
            String problem = "The daily backup failed: " + e.getMessage() + ". Check the backup folder in the backup settings.";
            log.error(problem, e);
            services.backups().reportProblem(problem);
        }
    }

    /**
     * Checks a backup file for a restore, loading it into a temporary folder; the data folder is not
     * touched. The caller restores the returned candidate or closes it.
     *
     * @throws IllegalArgumentException when the file is not a PatchDesk backup, is from a newer PatchDesk, is damaged, or its audit
     *                                  trail is broken
     * @throws IOException              when a file cannot be read or written
     */
    public RestoreCandidate checkBackup(Path file, ProgressMonitor monitor) throws IOException {
        RestoreCheck check = new RestoreCheck((database, verifyMonitor) -> {
            // The services of the loaded database only verify it; RestoreCheck closes the database.
            Services loaded = new Services(database, fdaClassification(), ssvcTables(), clock);
            try {
                loaded.auditChain().reanchor();
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the audit anchor of the loaded backup failed: " + e.getMessage(), e);
            }
            return loaded.auditVerifier().verify(verifyMonitor);
        });
        return check.check(file, monitor);
    }

    /** The services of a restored site database, and the backup of the database it replaced (null when there was none). */
    public record Restored(Services services, BackupResult replacedBackup) {
    }

    /**
     * Replaces the site database with a checked backup: backs up the current database ("before
     * restore"), closes {@code current}, moves the loaded database and its audit anchor into the data
     * folder, opens it, and appends the restore entry to its audit trail. When a step after the
     * close fails, the replaced database is put back, closed, for the caller to open again with
     * {@link #openSite}.
     *
     * @param current the open site services, or null when the data folder holds no site database
     * @throws IllegalStateException when accounts exist and the actor is not an administrator; nothing was changed
     * @throws IOException           when the backup before the restore or a file move fails
     */
    public Restored restoreSite(Services current, RestoreCandidate candidate, Actor actor) throws IOException {
        Path databaseFile = folder.resolve(Database.DEFAULT_NAME + ".mv.db").toAbsolutePath();
        Path anchorFile = AuditChain.anchorFileOf(databaseFile);
        BackupResult before = null;
        if (current != null) {
            Optional<String> rejection = current.backups().administratorRejection(actor);
            if (rejection.isPresent()) {
                throw new IllegalStateException(rejection.get());
            }
            before = current.backups().backUp(BackupReason.BEFORE_RESTORE, actor);
            current.close();
        } else if (Files.exists(databaseFile)) {
            throw new IllegalStateException("The data folder " + folder + " already contains a site database; open it before restoring a backup over it");
        }
        Path replacedDatabase = databaseFile.resolveSibling(databaseFile.getFileName() + ".replaced");
        Path replacedAnchor = anchorFile.resolveSibling(anchorFile.getFileName() + ".replaced");
        moveIfExists(databaseFile, replacedDatabase);
        moveIfExists(anchorFile, replacedAnchor);
        try {
            Files.move(candidate.databaseFile(), databaseFile, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(candidate.anchorFile(), anchorFile, StandardCopyOption.REPLACE_EXISTING);
            Services restored = new Services(Database.open(folder, Database.DEFAULT_NAME), fdaClassification(), ssvcTables(), clock,
                    Files.isRegularFile(folder.resolve(DEMO_MARKER)));
            try {
                restored.backups().recordRestore(candidate.file(), candidate.manifest(), candidate.head(), before, actor);
            } catch (RuntimeException e) {
                restored.close();
                throw e;
            }
            Services opened = started(restored);
            Files.deleteIfExists(replacedDatabase);
            Files.deleteIfExists(replacedAnchor);
            log.info("{} restored the backup {} into {}; the replaced database is kept in {}", actor.name(), candidate.file(), folder,
                    before == null ? "no backup (there was none)" : before.file());
            return new Restored(opened, before);
        } catch (IOException | RuntimeException e) {
            log.error("Restoring the backup {} failed; putting the replaced database back", candidate.file(), e);
            Files.deleteIfExists(databaseFile);
            Files.deleteIfExists(anchorFile);
            moveIfExists(replacedDatabase, databaseFile);
            moveIfExists(replacedAnchor, anchorFile);
            throw e;
        }
    }

    private static void moveIfExists(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Opens the demo database, which never shares a record with the site database, and applies the day's changes to scores. */
    public Services openDemo() {
        Path demo = folder.resolve(DEMO_FOLDER);
        try {
            Files.createDirectories(demo);
            Path marker = demo.resolve(DEMO_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "This folder holds the PatchDesk demo database: fictional devices and records for trying"
                        + " PatchDesk. Its printed reports carry a demo mark.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo folder " + demo + " could not be prepared: " + e.getMessage(), e);
        }
        return started(new Services(Database.open(demo, Database.DEFAULT_NAME), fdaClassification(), ssvcTables(), clock, true));
    }

    /**
     * Rescores the findings of compensating controls whose verification became overdue since the
     * database was last open, because scores depend on the day, and starts and expires risk
     * acceptances whose start or end date passed, and takes the metrics snapshot of last month at
     * the first open in a new month.
     */
    private static Services started(Services services) {
        try {
            int overdue = services.controls().applyOverdue(Actor.SYSTEM);
            if (overdue > 0) {
                log.info("{} compensating controls became overdue for verification; their findings were rescored", overdue);
            }
            int acceptances = services.acceptances().refresh(Actor.SYSTEM);
            if (acceptances > 0) {
                log.info("{} risk acceptances became active or expired", acceptances);
            }
            services.metricSnapshots().takeMonthlyIfDue(Actor.SYSTEM);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Deletes the demo database so that the next {@link #openDemo} starts from the sample again; it must not be open. */
    public void deleteDemo() throws IOException {
        Path demo = folder.resolve(DEMO_FOLDER);
        if (!Files.isDirectory(demo)) {
            return;
        }
        try (var files = Files.list(demo)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(Database.DEFAULT_NAME + ".")) {
                    Files.delete(file);
                }
            }
        }
    }

    private synchronized FdaProductClassification fdaClassification() {
        if (fda == null) {
            fda = FdaProductClassification.load();
        }
        return fda;
    }

    private synchronized SsvcTables ssvcTables() {
        if (ssvc == null) {
            ssvc = SsvcTables.load();
        }
        return ssvc;
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Releasing the lock on {} failed", folder, e);
        }
        log.info("Closed the data folder {}", folder);
    }
}
