package org.patchdesk.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.patchdesk.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The backup files of one folder: their names, the listing, the second copy, and the pruning of old automatic backups. */
final class BackupFolder {

    static final String SITE_PREFIX = "patchdesk-backup-";
    static final String DEMO_PREFIX = "patchdesk-demo-backup-";

    private static final Logger log = LoggerFactory.getLogger(BackupFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.US);

    private BackupFolder() {
    }

    /** Returns a new file in {@code folder} named by the time and reason, such as {@code patchdesk-backup-2026-12-05-081500-daily.zip}. */
    static Path newFile(Path folder, Instant at, ZoneId zone, BackupReason reason, boolean demo) {
        String base = (demo ? DEMO_PREFIX : SITE_PREFIX) + STAMP.format(at.atZone(zone)) + "-" + reason.word();
        Path file = folder.resolve(base + ".zip");
        for (int number = 2; Files.exists(file); number++) {
            file = folder.resolve(base + "-" + number + ".zip");
        }
        return file;
    }

    /** Returns the backups in {@code folder} of the site or demo database, newest first; unreadable files are logged and left out. */
    static List<BackupFile> list(Path folder, boolean demo) {
        List<BackupFile> backups = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return backups;
        }
        String prefix = demo ? DEMO_PREFIX : SITE_PREFIX;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*.zip")) {
            for (Path file : files) {
                try {
                    backups.add(new BackupFile(file, BackupArchive.readManifest(file)));
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("Skipping {} in the backup list: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Listing the backup folder {} failed", folder, e);
        }
        backups.sort(Comparator.comparing((BackupFile backup) -> backup.manifest().createdAt())
                .thenComparing(backup -> backup.file().getFileName().toString()).reversed());
        return backups;
    }

    /** Deletes the automatic backups of {@code folder} beyond the newest {@code keep}, and returns the deleted files. */
    static List<Path> prune(Path folder, int keep, boolean demo) {
        List<Path> deleted = new ArrayList<>();
        int kept = 0;
        for (BackupFile backup : list(folder, demo)) {
            if (!backup.manifest().reason().prunable()) {
                continue;
            }
            kept++;
            if (kept <= keep) {
                continue;
            }
            try {
                Files.delete(backup.file());
                deleted.add(backup.file());
            } catch (IOException e) {
                log.warn("Deleting the old backup {} failed", backup.file(), e);
            }
        }
        if (!deleted.isEmpty()) {
            log.info("Deleted {} automatic backups in {} beyond the {} kept", deleted.size(), folder, keep);
        }
        return deleted;
    }

    /** Copies a backup into another folder, creating the folder when missing, through a temporary file. */
    static Path copy(Path file, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName());
        AtomicFiles.write(target, out -> Files.copy(file, out));
        return target;
    }

    /**
     * Checks that a folder exists or can be created, and that PatchDesk can write a file in it.
     *
     * @throws IllegalArgumentException naming the folder and the failure
     */
    static void checkWritable(Path folder, String what) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".patchdesk-write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("The " + what + " " + folder + " cannot be written to (" + e.getMessage()
                    + "); choose a folder where you can save files");
        }
    }
}
