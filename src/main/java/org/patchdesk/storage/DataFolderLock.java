package org.patchdesk.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a data folder, held for the life of the process, so that a second
 * PatchDesk on the same folder stops before it writes anything (logs included).
 */
public final class DataFolderLock implements AutoCloseable {

    public static final String LOCK_FILE = "patchdesk.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder when missing and locks it.
     *
     * @throws DatabaseUnavailableException when another process holds the lock
     */
    public static DataFolderLock acquire(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Cannot create the data folder " + folder + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw alreadyOpen(folder);
            }
            return new DataFolderLock(folder, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw alreadyOpen(folder);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseUnavailableException("Cannot lock the data folder " + folder + ": " + e.getMessage(), e);
        }
    }

    static DatabaseUnavailableException alreadyOpen(Path folder) {
        return new DatabaseUnavailableException("PatchDesk is already open on " + folder);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The lock attempt already failed, and that failure is reported to the user.
        }
    }
}
