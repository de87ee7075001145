package org.patchdesk.backup;

import java.nio.file.Path;

/**
 * The backup folders, the number of automatic backups PatchDesk keeps, and the daily backup switch.
 *
 * @param folder       the backup folder; backups go to {@code backups} in the data folder until one is set
 * @param secondFolder a second folder, such as a network share, that receives a copy of each backup, or null for none
 * @param keep         how many automatic backups each folder keeps, from 1 to {@value #MAX_KEEP}; manual backups are never deleted
 * @param daily        whether the first opening of the site database each day makes a backup
 */
public record BackupSettings(Path folder, Path secondFolder, int keep, boolean daily) {

    public static final int DEFAULT_KEEP = 14;
    public static final int MAX_KEEP = 365;
}
