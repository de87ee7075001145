package org.patchdesk.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.patchdesk.audit.AuditChain;
import org.patchdesk.storage.DataDirectories;
import org.patchdesk.storage.Database;

/**
 * Lists what a data folder contains, each entry with a plain description, for the getting-started
 * guide. Reads the folder only.
 */
public final class DataFolderContents {

    /** The folder inside the data folder that backups are written to. */
    public static final String BACKUPS_FOLDER = "backups";
    /** The folder inside the data folder that the user guide is written to when it is opened. */
    public static final String HELP_FOLDER = "help";

    /** One file or folder directly inside the data folder. */
    public record Entry(String name, boolean folder, long bytes, String description) {
    }

    /**
     * The data folder, its entries by name, and the folder backups go to.
     *
     * @param backups {@code <data folder>/backups}, which may not exist yet
     */
    public record Summary(Path folder, List<Entry> entries, Path backups) {
    }

    private DataFolderContents() {
    }

    /**
     * Returns the entries of the folder, sorted by name.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static Summary describe(Path folder) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList()) {
                boolean isFolder = Files.isDirectory(file);
                entries.add(new Entry(file.getFileName().toString(), isFolder, size(file), description(file.getFileName().toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The data folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        return new Summary(folder, List.copyOf(entries), folder.resolve(BACKUPS_FOLDER));
    }

    /** Returns how the data folder can be changed, naming the option and the environment variable. */
    public static String howToChoose() {
        return "To keep the data somewhere else, such as on a drive that is backed up, start PatchDesk with --data-dir FOLDER,"
                + " or set the environment variable " + DataDirectories.ENVIRONMENT_VARIABLE + " to the folder. The option wins"
                + " over the variable. PatchDesk does not move existing data: close PatchDesk and copy the whole folder first.";
    }

    static String description(String name) {
        String database = Database.DEFAULT_NAME;
        if (name.equals(database + ".mv.db")) {
            return "The site database: inventory, findings, plans, users and the audit trail";
        }
        if (name.equals(database + AuditChain.ANCHOR_SUFFIX)) {
            return "The audit trail's check file: the number of entries and the newest entry's hash";
        }
        if (name.equals(database + ".lock") || name.endsWith(".lock.db")) {
            return "A lock that keeps a second PatchDesk from opening the same data";
        }
        if (name.equals(database + ".trace.db")) {
            return "The database's own error log";
        }
        if (name.equals(Workspace.LOGS_FOLDER)) {
            return "PatchDesk's log files, for troubleshooting";
        }
        if (name.equals(Workspace.DEMO_FOLDER)) {
            return "The separate demo database, with fictional devices";
        }
        if (name.equals(BACKUPS_FOLDER)) {
            return "Backups of the site database";
        }
        if (name.equals(HELP_FOLDER)) {
            return "The user guide, as last opened from the Help menu";
        }
        return "Not made by PatchDesk";
    }

    private static long size(Path file) {
        try {
            if (!Files.isDirectory(file)) {
                return Files.size(file);
            }
            try (Stream<Path> inside = Files.walk(file)) {
                return inside.filter(Files::isRegularFile).mapToLong(DataFolderContents::sizeOrZero).sum();
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
