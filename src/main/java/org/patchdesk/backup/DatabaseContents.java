package org.patchdesk.backup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.ChainHead;

/**
 * Reads what a backup manifest describes from a database of any PatchDesk schema version, from
 * the first on: a table or column that an older schema lacks counts as empty.
 */
final class DatabaseContents {

    /** The main tables whose rows a manifest counts, with the plain name a summary shows. */
    static final Map<String, String> COUNTED_TABLES;

    static {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("device", "devices");
        tables.put("manufacturer", "manufacturers");
        tables.put("vulnerability", "vulnerabilities");
        tables.put("finding", "findings");
        tables.put("patch_window", "patch windows");
        tables.put("patch_log_entry", "patch log entries");
        tables.put("risk_acceptance", "risk acceptances");
        tables.put("compensating_control", "compensating controls");
        tables.put("validation_request", "validation requests");
        tables.put("user_account", "user accounts");
        COUNTED_TABLES = java.util.Collections.unmodifiableMap(tables);
    }

    private DatabaseContents() {
    }

    /** Returns the count with the words of a counted table, such as "1 device" or "1,204 findings". */
    static String counted(long count, String words) {
        if (count != 1) {
            return String.format(Locale.US, "%,d %s", count, words);
        }
        String one = words.endsWith("ies") ? words.substring(0, words.length() - 3) + "y" : words.substring(0, words.length() - 1);
        return "1 " + one;
    }

    static boolean hasTable(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = :name")
                .bind("name", table.equals("flyway_schema_history") ? table : table.toUpperCase(Locale.ROOT))
                .mapTo(Integer.class).one() > 0;
    }

    private static boolean hasColumn(Handle handle, String table, String column) {
        return handle.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = :table"
                        + " AND COLUMN_NAME = :column")
                .bind("table", table.toUpperCase(Locale.ROOT)).bind("column", column.toUpperCase(Locale.ROOT))
                .mapTo(Integer.class).one() > 0;
    }

    /** Returns the newest successfully applied migration version, or "0" for a database without a schema. */
    static String schemaVersion(Handle handle) {
        if (!hasTable(handle, "flyway_schema_history")) {
            return "0";
        }
        return handle.createQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\" DESC LIMIT 1")
                .mapTo(String.class).findOne().orElse("0");
    }

    /** Returns the row count of each counted table that exists. */
    static Map<String, Long> counts(Handle handle) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED_TABLES.keySet()) {
            if (hasTable(handle, table)) {
                counts.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
        }
        return counts;
    }

    /** Returns the audit chain's head; the hash is null when the schema predates the chain but entries exist. */
    static ChainHead auditHead(Handle handle) {
        if (!hasTable(handle, "audit_entry")) {
            return ChainHead.EMPTY;
        }
        long count = handle.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Long.class).one();
        if (count == 0) {
            return ChainHead.EMPTY;
        }
        if (!hasColumn(handle, "audit_entry", "entry_hash")) {
            return new ChainHead(count, null);
        }
        String hash = handle.createQuery("SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1").mapTo(String.class)
                .findOne().orElse(null);
        return new ChainHead(count, hash);
    }

    /** Returns a row of the setting table, or empty when it is unset or the schema has no settings yet. */
    static Optional<String> setting(Handle handle, String key) {
        if (!hasTable(handle, "setting")) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT setting_value FROM setting WHERE setting_key = :key").bind("key", key)
                .mapTo(String.class).findOne().filter(value -> !value.isBlank());
    }
}
