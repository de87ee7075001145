package org.patchdesk.backup;

import java.nio.file.Path;

/**
 * A backup just written.
 *
 * @param secondCopy        the copy in the second folder, or null when there is no second folder or the copy failed
 * @param secondCopyProblem why the copy in the second folder failed, or null
 */
public record BackupResult(Path file, BackupManifest manifest, Path secondCopy, String secondCopyProblem) {
}
