package org.patchdesk.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.io.StringReader;

import org.patchdesk.common.AtomicFiles;

/**
 * The anchor file beside the database: the chain head as of the last committed append, written
 * through a temporary file that is moved into place, so a reader sees the old or the new head,
 * never a mix. It lets a check notice that the newest entries were removed from the database.
 */
final class AuditAnchor {

    private static final String ENTRIES = "entries";
    private static final String HEAD = "head";
    private static final String LAST_ID = "last-id";

    /** The head an anchor file records, and the id of the entry whose hash it contains (0 for an empty chain). */
    record Anchor(ChainHead head, long lastId) {
    }

    private AuditAnchor() {
    }

    static void write(Path file, ChainHead head, long lastId, Instant writtenAt) throws IOException {
        String text = "# PatchDesk audit chain anchor: the number of audit entries and the hash of the newest one.\n"
                + "# Written after each committed change; compare it with the head printed in earlier audit packets.\n"
                + ENTRIES + "=" + head.entryCount() + "\n"
                + HEAD + "=" + head.hash() + "\n"
                + LAST_ID + "=" + lastId + "\n"
                + "written=" + writtenAt + "\n";
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads the head an anchor file records, or empty when the file does not exist.
     *
     * @throws IOException when the file cannot be read or is not an anchor file
     */
    static Optional<Anchor> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        String entries = properties.getProperty(ENTRIES);
        String head = properties.getProperty(HEAD);
        String lastId = properties.getProperty(LAST_ID);
        if (entries == null || lastId == null || head == null || !head.matches("[0-9a-f]{64}")) {
            throw new IOException("The audit anchor file " + file + " is not a PatchDesk anchor file (it lacks a valid '"
                    + ENTRIES + "', '" + HEAD + "' or '" + LAST_ID + "' line)");
        }
        try {
            return Optional.of(new Anchor(new ChainHead(Long.parseLong(entries.strip()), head), Long.parseLong(lastId.strip())));
        } catch (IllegalArgumentException e) {
            throw new IOException("The audit anchor file " + file + " records an invalid entry count '" + entries + "' or id '" + lastId + "'", e);
        }
    }
}
