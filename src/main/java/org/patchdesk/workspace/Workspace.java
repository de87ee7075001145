package org.patchdesk.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.patchdesk.common.Actor;
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

    /** Returns what the data folder contains, each file and folder described as PatchDesk uses it. */
    public DataFolderContents.Summary describeFolder() {
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
        return DataFolderContents.describe(folder, descriptions);
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
        return started(new Services(Database.open(folder, Database.DEFAULT_NAME), fdaClassification(), ssvcTables(), clock, demo));
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
            throw new java.io.UncheckedIOException("The demo folder " + demo + " could not be prepared: " + e.getMessage(), e);
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
