package org.patchdesk.backup;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.patchdesk.audit.ChainHead;

/**
 * The description a backup file carries beside its database: which PatchDesk and schema wrote it,
 * when, by whom and why, for which site, how many of the main records it contains, and the head of
 * its audit chain, so that a restore can check the database it loads against it.
 *
 * @param recordCounts row counts of the main tables, keyed by table name, in {@link DatabaseContents#COUNTED_TABLES} order
 * @param auditHead    the audit chain's head; its hash is null for a schema older than the chain
 */
public record BackupManifest(String patchDeskVersion, String schemaVersion, Instant createdAt, String createdBy, BackupReason reason,
                             String siteName, boolean demo, Map<String, Long> recordCounts, ChainHead auditHead) {

    /** The zip entry that contains the manifest. */
    public static final String ENTRY = "patchdesk-backup.properties";
    /** The value of the format key that marks a PatchDesk backup. */
    static final String MARKER = "PatchDesk backup";
    static final int FORMAT_VERSION = 1;

    private static final String FORMAT = "format";
    private static final String FORMAT_VERSION_KEY = "format.version";
    private static final String COUNT_PREFIX = "records.";

    public BackupManifest {
        recordCounts = Map.copyOf(new LinkedHashMap<>(recordCounts));
    }

    /** Returns the count of a table, or 0 when the backup's schema has no such table. */
    public long count(String table) {
        return recordCounts.getOrDefault(table, 0L);
    }

    /** Returns the manifest as the text of a properties file. */
    String toText() {
        Properties properties = new Properties();
        properties.setProperty(FORMAT, MARKER);
        properties.setProperty(FORMAT_VERSION_KEY, Integer.toString(FORMAT_VERSION));
        properties.setProperty("patchdesk.version", patchDeskVersion);
        properties.setProperty("schema.version", schemaVersion);
        properties.setProperty("created.at", createdAt.toString());
        properties.setProperty("created.by", createdBy);
        properties.setProperty("reason", reason.word());
        properties.setProperty("site.name", siteName);
        properties.setProperty("database", demo ? "demo" : "site");
        recordCounts.forEach((table, count) -> properties.setProperty(COUNT_PREFIX + table, Long.toString(count)));
        properties.setProperty("audit.entries", Long.toString(auditHead.entryCount()));
        properties.setProperty("audit.head", auditHead.hash() == null ? "" : auditHead.hash());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "PatchDesk backup manifest; the database is the H2 SQL script in " + BackupArchive.SCRIPT_ENTRY);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a string failed", e);
        }
        return text.toString();
    }

    /**
     * Reads a manifest from the text of its properties file.
     *
     * @throws IllegalArgumentException when the text is not a PatchDesk backup manifest, naming {@code source}
     */
    static BackupManifest parse(String text, String source) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a PatchDesk backup: its manifest cannot be read (" + e.getMessage() + ")");
        }
        if (!MARKER.equals(properties.getProperty(FORMAT))) {
            throw new IllegalArgumentException(source + " is not a PatchDesk backup: its manifest lacks the PatchDesk backup mark");
        }
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : DatabaseContents.COUNTED_TABLES.keySet()) {
                String count = properties.getProperty(COUNT_PREFIX + table);
                if (count != null) {
                    counts.put(table, Long.parseLong(count.strip()));
                }
            }
            String head = required(properties, "audit.head", source);
            return new BackupManifest(required(properties, "patchdesk.version", source), required(properties, "schema.version", source),
                    Instant.parse(required(properties, "created.at", source)), required(properties, "created.by", source),
                    BackupReason.fromWord(required(properties, "reason", source)), required(properties, "site.name", source),
                    "demo".equals(properties.getProperty("database")), counts,
                    new ChainHead(Long.parseLong(required(properties, "audit.entries", source).strip()), head.isBlank() ? null : head.strip()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(source + " is a damaged PatchDesk backup: its manifest has an invalid value ("
                    + e.getMessage() + ")");
        }
    }

    private static String required(Properties properties, String key, String source) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(source + " is a damaged PatchDesk backup: its manifest lacks '" + key + "'");
        }
        return value;
    }
}
