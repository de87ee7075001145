package org.patchdesk.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a file through a temporary file in the same folder that is moved into place when
 * complete, so that a failed or cancelled write leaves no partial file and the old file, if any,
 * stays intact. The new file gets the folder's default permissions, as any file the user saves.
 * The folder must exist: a mistyped folder is reported instead of created.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with the content.
     *
     * @throws IOException when the folder does not exist or is not a folder, or when the file cannot be written; the message names
     *                     {@code target} and the reason, never the temporary file
     */
    public static void write(Path target, Content content) throws IOException {
        Path folder = requireFolder(target);
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw new IOException(cannotWrite(target, e), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Returns the folder of {@code target}, as an absolute path.
     *
     * @throws IOException when the folder does not exist or is a file
     */
    public static Path requireFolder(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IOException("Cannot write " + target + ": it names no file");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("Cannot write " + target + ": it is a folder; add a file name");
        }
        if (!Files.exists(folder)) {
            throw new IOException("The folder " + folder + " does not exist; create it first or choose another");
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + target + ": " + folder + " is a file, not a folder");
        }
        return folder;
    }

    /**
     * Returns the message for a failed write of {@code target}, such as "Cannot write /etc/x.pdf:
     * permission denied". The failure may name the temporary file, so only its reason is kept.
     */
    static String cannotWrite(Path target, FileSystemException failure) {
        String reason;
        if (failure instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (failure instanceof NoSuchFileException) {
            reason = "the folder does not accept new files";
        } else if (failure.getReason() != null && !failure.getReason().isBlank()) {
            reason = failure.getReason().strip().toLowerCase(Locale.ROOT);
        } else {
            reason = "the file system refused the write";
        }
        return "Cannot write " + target + ": " + reason;
    }
}
