package org.patchdesk.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists what a data folder contains, each entry with a plain description, for the getting-started
 * guide. Reads the folder only.
 */
public final class DataFolderContents {

    /** The folder inside the data folder that backups are written to. */
    public static final String BACKUPS_FOLDER = "backups";
    /** The folder inside the data folder that the user guide is written to when it is opened. */
    public static final String HELP_FOLDER = "help";
    /** The description of an entry that the caller's descriptions do not name. */
    public static final String UNKNOWN = "Not made by PatchDesk";

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
     * Returns the entries of the folder, sorted by name, each described by its name in
     * {@code descriptions} or else as {@value #UNKNOWN}.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static Summary describe(Path folder, Map<String, String> descriptions) {
        return describe(folder, descriptions, folder.resolve(BACKUPS_FOLDER));
    }

    /** Lists the data folder as {@link #describe(Path, Map)} does, with the backup folder the backup settings name. */
    public static Summary describe(Path folder, Map<String, String> descriptions, Path backups) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList()) {
                String name = file.getFileName().toString();
                entries.add(new Entry(name, Files.isDirectory(file), size(file), descriptions.getOrDefault(name, UNKNOWN)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The data folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        return new Summary(folder, List.copyOf(entries), backups);
    }

    /** Returns how the data folder can be changed, naming the option and the environment variable. */
    public static String howToChoose() {
        return "To keep the data somewhere else, such as on a drive that is backed up, start PatchDesk with --data-dir FOLDER,"
                + " or set the environment variable " + DataDirectories.ENVIRONMENT_VARIABLE + " to the folder. The option wins"
                + " over the variable. PatchDesk does not move existing data: close PatchDesk and copy the whole folder first.";
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
