package org.patchdesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.h2.mvstore.DataUtils;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void migrationsCreateInventoryTables() {
        try (Database database = Database.open(folder, Database.DEFAULT_NAME)) {
            List<String> tables = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")
                    .mapTo(String.class)
                    .list());

            assertThat(tables).contains("device", "manufacturer", "manufacturer_alias", "product", "device_type", "audit_entry",
                    "import_batch", "import_rejection", "column_mapping");
            assertThat(database.file()).exists();
        }
    }

    @Test
    void reopeningKeepsData() {
        try (Database database = Database.open(folder, Database.DEFAULT_NAME)) {
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO manufacturer (name, name_key) VALUES ('Acme', 'acme')"));
        }

        try (Database database = Database.open(folder, Database.DEFAULT_NAME)) {
            int count = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM manufacturer WHERE name_key = 'acme'").mapTo(Integer.class).one());
            assertThat(count).isEqualTo(1);
        }
    }

    @Test
    void newerSchemaIsRefusedAndLeftUnchanged() throws Exception {
        try (Database database = Database.open(folder, Database.DEFAULT_NAME)) {
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\","
                    + " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") VALUES (999, '999', 'from a newer PatchDesk', 'SQL', 'V999__from_newer.sql', 0, 'test', 1, TRUE)"));
        }
        byte[] before = Files.readAllBytes(folder.resolve("patchdesk.mv.db"));

        assertThatThrownBy(() -> Database.open(folder, Database.DEFAULT_NAME))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("newer PatchDesk")
                .hasMessageContaining("schema version 999");
        assertThat(Files.readAllBytes(folder.resolve("patchdesk.mv.db"))).isEqualTo(before);
    }

    @Test
    void otherH2FormatIsRefusedUnchanged() throws Exception {
        try (Database database = Database.open(folder, Database.DEFAULT_NAME)) {
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO manufacturer (name, name_key) VALUES ('Acme', 'acme')"));
        }
        Path file = folder.resolve("patchdesk.mv.db");
        writeFileFormat(file, 1);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(folder, Database.DEFAULT_NAME))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("was written by an H2 database version that this PatchDesk cannot read; the file was not changed")
                .hasMessageContaining("open the data folder with the PatchDesk version that wrote it, make a backup")
                .hasMessageContaining("then restore that backup with this PatchDesk");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /**
     * Rewrites the write format in both MVStore file headers, with their Fletcher-32 checksums, as
     * an H2 version with another file format would have written them.
     */
    private static void writeFileFormat(Path file, int format) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int start = 0; start < 2 * 4096; start += 4096) {
            String header = new String(bytes, start, 4096, StandardCharsets.ISO_8859_1);
            String line = header.substring(0, header.indexOf('\n'));
            String fields = line.substring(0, line.indexOf(",fletcher:")).replaceAll("format:\\d+", "format:" + format);
            byte[] fieldBytes = fields.getBytes(StandardCharsets.ISO_8859_1);
            String rewritten = fields + ",fletcher:" + Integer.toHexString(DataUtils.getFletcher32(fieldBytes, 0, fieldBytes.length)) + "\n";
            Arrays.fill(bytes, start, start + 4096, (byte) 0);
            byte[] rewrittenBytes = rewritten.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(rewrittenBytes, 0, bytes, start, rewrittenBytes.length);
        }
        Files.write(file, bytes);
    }

    @Test
    void fileThatIsNotADatabaseIsRefused() throws Exception {
        Files.writeString(folder.resolve("patchdesk.mv.db"), "this is not an H2 database file, just text that was copied here");

        assertThatThrownBy(() -> Database.open(folder, Database.DEFAULT_NAME))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("patchdesk.mv.db");
    }
}
