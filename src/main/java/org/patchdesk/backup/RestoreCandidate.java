package org.patchdesk.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.patchdesk.audit.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup that passed the checks before a restore, loaded into a database in a temporary folder,
 * its schema brought up to date, with an anchor file at its audit chain's head. Closing it deletes
 * the temporary folder; a restore first moves the database and anchor out of it.
 */
public final class RestoreCandidate implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestoreCandidate.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private final Path file;
    private final BackupManifest manifest;
    private final Path folder;
    private final Path databaseFile;
    private final Path anchorFile;
    private final ChainHead head;
    private final Map<String, Long> counts;
    private final String schemaVersion;
    private final List<String> warnings;

    RestoreCandidate(Path file, BackupManifest manifest, Path folder, Path databaseFile, Path anchorFile, ChainHead head,
                     Map<String, Long> counts, String schemaVersion, List<String> warnings) {
        this.file = file;
        this.manifest = manifest;
        this.folder = folder;
        this.databaseFile = databaseFile;
        this.anchorFile = anchorFile;
        this.head = head;
        this.counts = Map.copyOf(counts);
        this.schemaVersion = schemaVersion;
        this.warnings = List.copyOf(warnings);
    }

    /** Returns the backup file. */
    public Path file() {
        return file;
    }

    public BackupManifest manifest() {
        return manifest;
    }

    /** Returns the loaded database file in the temporary folder. */
    public Path databaseFile() {
        return databaseFile;
    }

    /** Returns the anchor file in the temporary folder, at the loaded chain's head. */
    public Path anchorFile() {
        return anchorFile;
    }

    /** Returns the head of the loaded audit chain, which the restore's own entry will follow. */
    public ChainHead head() {
        return head;
    }

    /** Returns the row counts of the main tables in the loaded database, keyed by table name. */
    public Map<String, Long> counts() {
        return counts;
    }

    /** Returns the schema version of the loaded database after its update, this PatchDesk's newest. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Returns the records whose values differ from their audit entries in the backup; they do not stop a restore. */
    public List<String> warnings() {
        return warnings;
    }

    /** Returns the summary a user confirms before the restore, one line each. */
    public List<String> summaryLines(ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add("Backup file: " + file);
        lines.add("Created: " + WHEN.format(manifest.createdAt().atZone(zone)) + " by " + manifest.createdBy() + " ("
                + manifest.reason().label() + ")");
        lines.add("Site: " + manifest.siteName() + (manifest.demo() ? " (demo database)" : ""));
        lines.add("Made with: PatchDesk " + manifest.patchDeskVersion() + ", schema version " + manifest.schemaVersion()
                + (manifest.schemaVersion().equals(schemaVersion) ? "" : " (updated to " + schemaVersion + " when restored)"));
        List<String> parts = new ArrayList<>();
        DatabaseContents.COUNTED_TABLES.forEach((table, label) -> parts.add(DatabaseContents.counted(counts.getOrDefault(table, 0L),
                label)));
        lines.add("Contains: " + String.join(", ", parts));
        lines.add("Audit trail: intact, " + head.describe());
        for (String warning : warnings) {
            lines.add("Note: " + warning);
        }
        return lines;
    }

    /** Deletes the temporary folder and what is left in it. */
    @Override
    public void close() {
        deleteFolder(folder);
    }

    static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                    Files.delete(path);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Deleting the temporary restore folder {} failed", folder, e);
        }
    }
}
