package org.patchdesk.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.common.Actor;
import org.patchdesk.risk.SettingChanges;
import org.patchdesk.risk.SettingDao;
import org.patchdesk.users.Role;
import org.patchdesk.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes, lists and prunes the backups of one database, keeps their settings, and records restores
 * in the audit trail. Automatic backups (daily, before an import, before a restore, before a schema
 * update) are made of the site database only; the demo database gets a backup only by hand.
 */
public final class BackupService {

    public static final String FOLDER_KEY = "backup.folder";
    public static final String SECOND_FOLDER_KEY = "backup.second_folder";
    public static final String KEEP_KEY = "backup.keep";
    public static final String DAILY_KEY = "backup.daily";
    /** The folder in the data folder that receives backups until another is set. */
    public static final String DEFAULT_FOLDER = "backups";
    /** The record type of restore entries in the audit trail. */
    public static final String RECORD_TYPE = "backup";

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Path dataFolder;
    private final boolean demo;
    private final Clock clock;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> problemListeners = new CopyOnWriteArrayList<>();

    /**
     * Creates the service of the database in {@code dataFolder}; {@code demo} is true for the demo
     * database, which gets no automatic backups.
     */
    public BackupService(Jdbi jdbi, AuditLog auditLog, Path dataFolder, boolean demo, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.dataFolder = dataFolder;
        this.demo = demo;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- settings

    /** Returns the stored settings, with the defaults for those never set. */
    public BackupSettings settings() {
        return jdbi.withHandle(handle -> readSettings(handle, dataFolder));
    }

    static BackupSettings readSettings(Handle handle, Path dataFolder) {
        Path folder = DatabaseContents.setting(handle, FOLDER_KEY).map(Path::of).orElse(dataFolder.resolve(DEFAULT_FOLDER));
        Path second = DatabaseContents.setting(handle, SECOND_FOLDER_KEY).map(Path::of).orElse(null);
        int keep = DatabaseContents.setting(handle, KEEP_KEY).map(BackupService::parseKeep).orElse(BackupSettings.DEFAULT_KEEP);
        boolean daily = DatabaseContents.setting(handle, DAILY_KEY).map(Boolean::parseBoolean).orElse(true);
        return new BackupSettings(folder.toAbsolutePath().normalize(), second == null ? null : second.toAbsolutePath().normalize(), keep,
                daily);
    }

    private static int parseKeep(String text) {
        try {
            int keep = Integer.parseInt(text.strip());
            return keep >= 1 && keep <= BackupSettings.MAX_KEEP ? keep : BackupSettings.DEFAULT_KEEP;
        } catch (NumberFormatException e) {
            return BackupSettings.DEFAULT_KEEP;
        }
    }

    /**
     * Checks the settings and returns them with absolute folders: each folder must be writable,
     * the two folders must differ, and {@code keep} must be from 1 to {@value BackupSettings#MAX_KEEP}.
     *
     * @throws IllegalArgumentException naming the field and value that are wrong
     */
    public static BackupSettings check(BackupSettings settings) {
        if (settings.folder() == null) {
            throw new IllegalArgumentException("The backup folder is required");
        }
        Path folder = absolute(settings.folder(), "backup folder");
        Path second = settings.secondFolder() == null ? null : absolute(settings.secondFolder(), "second backup folder");
        if (settings.keep() < 1 || settings.keep() > BackupSettings.MAX_KEEP) {
            throw new IllegalArgumentException("Keep " + settings.keep() + " automatic backups is not possible; enter a number from 1 to "
                    + BackupSettings.MAX_KEEP);
        }
        if (folder.equals(second)) {
            throw new IllegalArgumentException("The second backup folder " + second + " is the backup folder itself; choose another"
                    + " folder, such as a network share, or none");
        }
        BackupFolder.checkWritable(folder, "backup folder");
        if (second != null) {
            BackupFolder.checkWritable(second, "second backup folder");
        }
        return new BackupSettings(folder, second, settings.keep(), settings.daily());
    }

    private static Path absolute(Path folder, String what) {
        try {
            return folder.toAbsolutePath().normalize();
        } catch (InvalidPathException | java.io.IOError e) {
            throw new IllegalArgumentException("The " + what + " " + folder + " is not a valid folder path");
        }
    }

    /**
     * Checks and stores the settings with one audit entry for the changed keys. Once accounts
     * exist, only an administrator may. Returns the stored settings.
     *
     * @throws IllegalArgumentException when a setting is invalid, see {@link #check}
     * @throws IllegalStateException    when the actor is not an administrator
     */
    public BackupSettings saveSettings(BackupSettings wanted, Actor actor) {
        BackupSettings clean = check(wanted);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbi.inTransaction(handle -> {
            UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(FOLDER_KEY, clean.folder().equals(dataFolder.resolve(DEFAULT_FOLDER).toAbsolutePath().normalize()) ? null
                    : clean.folder().toString());
            values.put(SECOND_FOLDER_KEY, clean.secondFolder() == null ? null : clean.secondFolder().toString());
            values.put(KEEP_KEY, Integer.toString(clean.keep()));
            values.put(DAILY_KEY, Boolean.toString(clean.daily()));
            SettingChanges.store(handle, auditLog, handle.attach(SettingDao.class).all(), values, now, actor, "backup settings");
            return readSettings(handle, dataFolder);
        });
    }

    /** Returns why the actor may not change the backup settings or restore a backup, or empty when they may. */
    public Optional<String> administratorRejection(Actor actor) {
        return jdbi.withHandle(handle -> {
            try {
                UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
                return Optional.empty();
            } catch (IllegalStateException e) {
                return Optional.of("Only an administrator can change the backup settings or restore a backup. " + e.getMessage());
            }
        });
    }

    // ---------------------------------------------------------------- backups

    /**
     * Writes a backup into the backup folder, copies it into the second folder when one is set, and
     * prunes old automatic backups. A failed second copy is logged and reported to the problem
     * listeners and in the result; it does not fail the backup.
     *
     * @throws IOException when the backup cannot be written to the backup folder; no partial file is left
     */
    public BackupResult backUp(BackupReason reason, Actor actor) throws IOException {
        return write(jdbi, settings(), reason, actor.name(), demo, clock, this::reportProblem);
    }

    /**
     * Writes a manual backup to the file given, outside the backup folder's pruning and second copy.
     *
     * @throws IOException when the file cannot be written; no partial file is left
     */
    public BackupResult backUpTo(Path file, Actor actor) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        BackupManifest manifest = BackupArchive.write(jdbi, target, clock.instant(), actor.name(), BackupReason.MANUAL, demo);
        log.info("Wrote a manual backup of the {} database to {}", demo ? "demo" : "site", target);
        return new BackupResult(target, manifest, null, null);
    }

    /**
     * Makes the daily backup of the site database when daily backups are on, the backup folder
     * has no daily backup of today yet, and the database has a device or a user account.
     * Returns it, or empty when none was due.
     *
     * @throws IOException when the backup cannot be written
     */
    public Optional<BackupResult> backUpDailyIfDue() throws IOException {
        BackupSettings settings = settings();
        if (demo || !settings.daily() || isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        boolean done = BackupFolder.list(settings.folder(), false).stream()
                .anyMatch(backup -> backup.manifest().reason() == BackupReason.DAILY
                        && LocalDate.ofInstant(backup.manifest().createdAt(), clock.getZone()).equals(today));
        if (done) {
            return Optional.empty();
        }
        return Optional.of(write(jdbi, settings, BackupReason.DAILY, Actor.SYSTEM.name(), false, clock, this::reportProblem));
    }

    /**
     * Compares a checked backup with this database and returns a warning for each main table with
     * fewer rows in the backup, such as fewer devices, and for a backup without user accounts where
     * this database has some. Returns an empty list when the backup has at least as many of each.
     */
    public List<String> lossesOnRestore(RestoreCandidate candidate) {
        Map<String, Long> current = jdbi.withHandle(DatabaseContents::counts);
        List<String> losses = new ArrayList<>();
        DatabaseContents.COUNTED_TABLES.forEach((table, words) -> {
            long now = current.getOrDefault(table, 0L);
            long restored = candidate.counts().getOrDefault(table, 0L);
            if (restored < now) {
                losses.add(String.format(Locale.US, "The backup holds %,d %s; the current data holds %,d.", restored, words, now));
            }
        });
        if (candidate.counts().getOrDefault("user_account", 0L) == 0 && current.getOrDefault("user_account", 0L) > 0) {
            losses.add("The backup holds no user accounts: after the restore, the site has no accounts until an administrator is"
                    + " created again.");
        }
        return losses;
    }

    /** Tells whether the database has no device and no user account yet, as on the first start. */
    private boolean isEmpty() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT (SELECT COUNT(*) FROM device) + (SELECT COUNT(*) FROM user_account)")
                .mapTo(Long.class).one() == 0);
    }

    /**
     * Makes the backup before an import of the site database; the demo database gets none.
     *
     * @throws UncheckedIOException when the backup cannot be written, which stops the import
     */
    public void beforeImport(String description) {
        if (demo) {
            return;
        }
        try {
            BackupResult result = write(jdbi, settings(), BackupReason.BEFORE_IMPORT, Actor.SYSTEM.name(), false, clock,
                    this::reportProblem);
            log.info("Backed up the site database to {} before the {}", result.file(), description);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup before the " + description + " failed, so the import did not start: "
                    + e.getMessage() + ". Check the backup folder in the backup settings.", e);
        }
    }

    /** Returns the backups in the backup folder, newest first. */
    public List<BackupFile> list() {
        return BackupFolder.list(settings().folder(), demo);
    }

    /**
     * Makes the backup of a database before Flyway updates its schema, for {@link org.patchdesk.storage.Database.BeforeMigration}:
     * the backup folder and the number kept come from the database's own settings when its schema has them.
     *
     * @throws UncheckedIOException when the backup cannot be written, which stops the update
     */
    public static BackupResult beforeMigration(Jdbi jdbi, Path databaseFile, String fromVersion, String toVersion, Clock clock) {
        Path dataFolder = databaseFile.toAbsolutePath().getParent();
        BackupSettings settings = jdbi.withHandle(handle -> readSettings(handle, dataFolder));
        try {
            BackupResult result = write(jdbi, settings, BackupReason.BEFORE_MIGRATION, Actor.SYSTEM.name(), false, clock,
                    problem -> { });
            log.info("Backed up {} at schema version {} to {} before updating it to version {}", databaseFile, fromVersion, result.file(),
                    toVersion);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("the backup into " + settings.folder() + " failed (" + e.getMessage() + ")", e);
        }
    }

    private static BackupResult write(Jdbi jdbi, BackupSettings settings, BackupReason reason, String createdBy, boolean demo, Clock clock,
                                      Consumer<String> problems) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(settings.folder());
        Path file = BackupFolder.newFile(settings.folder(), clock.instant(), clock.getZone(), reason, demo);
        BackupManifest manifest = BackupArchive.write(jdbi, file, clock.instant(), createdBy, reason, demo);
        log.info("Wrote the {} backup {} ({}) in {} ms", reason.word(), file, manifest.auditHead().describe(),
                (System.nanoTime() - started) / 1_000_000);
        BackupFolder.prune(settings.folder(), settings.keep(), demo);
        Path copy = null;
        String problem = null;
        if (settings.secondFolder() != null) {
            try {
                copy = BackupFolder.copy(file, settings.secondFolder());
                BackupFolder.prune(settings.secondFolder(), settings.keep(), demo);
            } catch (IOException | RuntimeException e) {
                problem = "The backup " + file.getFileName() + " was saved in " + settings.folder() + ", but copying it to the second"
                        + " backup folder " + settings.secondFolder() + " failed: " + e.getMessage();
                log.warn(problem, e);
                problems.accept(problem);
            }
        }
        return new BackupResult(file, manifest, copy, problem);
    }

    // ---------------------------------------------------------------- problems

    /**
     * Adds a listener for problems of automatic backups, such as a failed second copy or a failed
     * daily backup; it first receives the problems reported before it was added.
     */
    public void addProblemListener(Consumer<String> listener) {
        problemListeners.add(listener);
        new ArrayList<>(problems).forEach(listener);
    }

    /** Reports a problem with an automatic backup to the listeners; the caller has logged it. */
    public void reportProblem(String problem) {
        problems.add(problem);
        problemListeners.forEach(listener -> listener.accept(problem));
    }

    // ---------------------------------------------------------------- restore

    /**
     * Appends the entry that records a restore to the restored database's audit trail: the restored
     * backup and its chain head, and the replaced state's head with the backup that keeps it. The
     * entry is recorded under {@code actor} when the restored database lets that account change
     * records, else under {@code system} with the actor's name in the summary.
     */
    public void recordRestore(Path restoredFile, BackupManifest restored, ChainHead restoredHead, BackupResult replaced, Actor actor) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("restored_file", restoredFile.toAbsolutePath().toString());
        values.put("restored_created_at", restored.createdAt().toString());
        values.put("restored_reason", restored.reason().word());
        values.put("restored_schema_version", restored.schemaVersion());
        values.put("restored_entries", Long.toString(restoredHead.entryCount()));
        values.put("restored_head", String.valueOf(restoredHead.hash()));
        if (replaced != null) {
            values.put("replaced_entries", Long.toString(replaced.manifest().auditHead().entryCount()));
            values.put("replaced_head", String.valueOf(replaced.manifest().auditHead().hash()));
            values.put("replaced_backup", replaced.file().toString());
        }
        String summary = "Restored the backup " + restoredFile.getFileName() + " of " + restored.createdAt() + " ("
                + restoredHead.describe() + ")" + (replaced == null ? "; no database was replaced"
                : "; the replaced database (" + replaced.manifest().auditHead().describe() + ") is kept in the backup " + replaced.file());
        try {
            append(actor, values, summary);
        } catch (IllegalStateException e) {
            log.info("{} cannot change records in the restored database ({}); recording the restore under system", actor.name(),
                    e.getMessage());
            append(Actor.SYSTEM, values, summary + ". Restored by " + actor.name() + ", who has no account that may change records in"
                    + " the restored database");
        }
    }

    private void append(Actor actor, Map<String, String> values, String summary) {
        jdbi.useTransaction(handle -> auditLog.append(handle, new AuditEntry(null, clock.instant(), actor.name(), AuditAction.RESTORE,
                RECORD_TYPE, null, "restore from backup", null, Map.of(), values, summary)));
    }
}
