package org.patchdesk.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.patchdesk.common.AtomicFiles;
import org.patchdesk.common.Version;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.governance.SiteSettingsService;

/**
 * The backup zip: the manifest, then the database as the SQL script of H2's {@code SCRIPT}
 * command, deflated. A script, unlike a copy of the {@code .mv.db} file, loads into any later H2
 * version, so a backup also moves data to a PatchDesk built on a newer H2.
 */
final class BackupArchive {

    /** The zip entry that contains the database script. */
    static final String SCRIPT_ENTRY = "database.sql";

    private BackupArchive() {
    }

    /**
     * Writes a backup of the database to {@code target} through a temporary file, so that a failure leaves no partial zip.
     * The manifest and the script are read in one transaction, so they describe the same state.
     *
     * @return the manifest written
     */
    static BackupManifest write(Jdbi jdbi, Path target, Instant now, String createdBy, BackupReason reason, boolean demo)
            throws IOException {
        Path script = Files.createTempFile("patchdesk-backup-", ".sql");
        try {
            BackupManifest manifest = jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
                BackupManifest described = new BackupManifest(Version.current(), DatabaseContents.schemaVersion(handle), now, createdBy,
                        reason, DatabaseContents.setting(handle, SiteSettingsService.NAME_KEY).orElse(SiteSettings.DEFAULT_NAME), demo,
                        DatabaseContents.counts(handle), DatabaseContents.auditHead(handle));
                handle.execute("SCRIPT TO " + quoted(script));
                return described;
            });
            AtomicFiles.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                zip.write(manifest.toText().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(SCRIPT_ENTRY));
                Files.copy(script, zip);
                zip.closeEntry();
                zip.finish();
            });
            return manifest;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Returns a path as an SQL string literal. */
    static String quoted(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /**
     * Reads the manifest of a backup file.
     *
     * @throws IllegalArgumentException when the file is not a zip, or a zip without a PatchDesk manifest
     * @throws IOException              when the file cannot be read
     */
    static BackupManifest readManifest(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry == null) {
                throw new IllegalArgumentException(file + " is not a PatchDesk backup: the zip file contains no "
                        + BackupManifest.ENTRY);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return BackupManifest.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), file.toString());
            } catch (ZipException e) {
                throw damaged(file, e);
            }
        }
    }

    /**
     * Extracts the database script of a backup file.
     *
     * @throws IllegalArgumentException when the zip lacks the script or its data is damaged
     */
    static void extractScript(Path file, Path target) throws IOException {
        try (ZipFile zip = open(file)) {
            ZipEntry entry = zip.getEntry(SCRIPT_ENTRY);
            if (entry == null) {
                throw new IllegalArgumentException(file + " is a damaged PatchDesk backup: it contains no database script ("
                        + SCRIPT_ENTRY + ")");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target);
            } catch (ZipException | java.io.EOFException e) {
                throw damaged(file, e);
            }
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The backup file " + file + " does not exist");
        }
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + " is not a PatchDesk backup: it cannot be read as a zip file (" + e.getMessage()
                    + "); it is damaged, incomplete, or another kind of file");
        }
    }

    private static IllegalArgumentException damaged(Path file, IOException e) {
        return new IllegalArgumentException(file + " is a damaged PatchDesk backup: its data cannot be read (" + e.getMessage()
                + "); use another backup");
    }
}
