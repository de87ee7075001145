package org.patchdesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void fileThatIsNotADatabaseIsRefused() throws Exception {
        Files.writeString(folder.resolve("patchdesk.mv.db"), "this is not an H2 database file, just text that was copied here");

        assertThatThrownBy(() -> Database.open(folder, Database.DEFAULT_NAME))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("patchdesk.mv.db");
    }
}
