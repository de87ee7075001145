package org.patchdesk.backup;

import java.nio.file.Path;

/** A backup file with the manifest it carries. */
public record BackupFile(Path file, BackupManifest manifest) {
}
