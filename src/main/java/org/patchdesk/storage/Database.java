package org.patchdesk.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One H2 file database with its schema brought up to date by the Flyway migrations under
 * {@code db/migration}. The database user and password are fixed, because H2 cannot protect a file
 * that its reader can copy. They are documented so that auditors can open the file with H2's tools.
 */
public final class Database implements AutoCloseable {

    public static final String USER = "patchdesk";
    public static final String PASSWORD = "patchdesk";
    public static final String DEFAULT_NAME = "patchdesk";

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Work that runs before Flyway updates a database that already has an older schema, such as a backup of it. */
    @FunctionalInterface
    public interface BeforeMigration {

        /** Runs nothing. */
        BeforeMigration NONE = (jdbi, file, fromVersion, toVersion) -> { };

        /**
         * Runs with the database at schema {@code fromVersion}, before the migrations up to {@code toVersion}.
         *
         * @throws RuntimeException to stop the update; the database stays at its schema and is closed
         */
        void run(Jdbi jdbi, Path file, String fromVersion, String toVersion);
    }

    private final Path file;
    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private Database(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Opens (creating when missing) the database {@code name} in {@code folder} and migrates it.
     *
     * @throws DatabaseUnavailableException when it is open in another process, was written by a
     *     newer PatchDesk, or cannot be read
     */
    public static Database open(Path folder, String name) {
        return open(folder, name, BeforeMigration.NONE);
    }

    /**
     * Opens the database like {@link #open(Path, String)}, and runs {@code beforeMigration} when the
     * file already has a schema and migrations are pending, before they run.
     *
     * @throws DatabaseUnavailableException also when {@code beforeMigration} fails; the schema was not updated then
     */
    public static Database open(Path folder, String name, BeforeMigration beforeMigration) {
        Path base = folder.resolve(name).toAbsolutePath();
        Path file = base.resolveSibling(name + ".mv.db");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Cannot create the data folder " + folder + ": " + e.getMessage(), e);
        }
        // DB_CLOSE_ON_EXIT=FALSE leaves closing to close(), so that a shutdown hook cannot close the
        // database under work that is still finishing.
        String url = "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE";
        if (Files.exists(file)) {
            refuseNewerSchema(base, folder, file);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, PASSWORD);
        pool.setMaxConnections(8);
        try {
            checkConnection(pool, folder, file);
            Database database = new Database(file, pool);
            database.migrate(folder, beforeMigration);
            return database;
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * Opens an existing file read-only and refuses it when a newer PatchDesk migrated it, before the
     * normal open writes anything to it.
     */
    private static void refuseNewerSchema(Path base, Path folder, Path file) {
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r");
        readOnly.setUser(USER);
        readOnly.setPassword(PASSWORD);
        try (Connection connection = readOnly.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw translate(e, folder, file);
        }
        Flyway flyway = Flyway.configure().dataSource(readOnly).locations("classpath:db/migration").load();
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationInfo> future = Arrays.stream(all)
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second);
        if (future.isEmpty()) {
            return;
        }
        String known = Arrays.stream(all)
                .filter(info -> info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .filter(version -> version != null)
                .reduce((first, second) -> second)
                .map(MigrationVersion::getVersion)
                .orElse("none");
        throw new DatabaseUnavailableException("The database " + file + " was written by a newer PatchDesk (schema version "
                + future.get().getVersion() + "; this PatchDesk knows versions up to " + known
                + "). Install the newer PatchDesk; the database was not changed.");
    }

    private static void checkConnection(JdbcConnectionPool pool, Path folder, Path file) {
        try (Connection connection = pool.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw translate(e, folder, file);
        }
    }

    static DatabaseUnavailableException translate(SQLException e, Path folder, Path file) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return DataFolderLock.alreadyOpen(folder);
        }
        if (code == ErrorCode.FILE_VERSION_ERROR_1) {
            return new DatabaseUnavailableException("The database file " + file
                    + " was written by an H2 database version that this PatchDesk cannot read; the file was not changed."
                    + " To move its data here: open the data folder with the PatchDesk version that wrote it, make a backup"
                    + " (patchdesk backup, or File > Back up now), then restore that backup with this PatchDesk"
                    + " (patchdesk restore FILE, or File > Restore from backup).", e);
        }
        if (code == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new DatabaseUnavailableException("The database file " + file
                    + " is not a PatchDesk database (its user or password differs); it was not changed.", e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2) {
            return new DatabaseUnavailableException("The database file " + file + " is damaged and cannot be opened ("
                    + firstLine(e.getMessage()) + "). PatchDesk did not change it; put back a copy of the data folder"
                    + " made while PatchDesk was closed.", e);
        }
        return new DatabaseUnavailableException("Cannot open the database " + file + ": " + e.getMessage(), e);
    }

    /** Returns the first line of an H2 message, without H2's error code and its generic advice. */
    private static String firstLine(String message) {
        String line = message == null ? "unknown error" : message.lines().findFirst().orElse("unknown error");
        return line.replaceAll("\\s*\\[\\d+-\\d+]$", "").replaceAll("\\.? ?Possible solution:.*$", "").strip();
    }

    private void migrate(Path folder, BeforeMigration beforeMigration) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        runBeforeMigration(flyway, beforeMigration);
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            SQLException sql = findSqlException(e);
            if (sql != null) {
                throw translate(sql, folder, file);
            }
            throw new DatabaseUnavailableException("Cannot update the database schema in " + file + ": " + e.getMessage(), e);
        }
        log.info("Opened database {} at schema version {}", file, schemaVersion());
    }

    private void runBeforeMigration(Flyway flyway, BeforeMigration beforeMigration) {
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot read the schema version of " + file + ": " + e.getMessage(), e);
        }
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (current == null || current.getVersion() == null || pending.length == 0) {
            return;
        }
        String from = current.getVersion().getVersion();
        String to = pending[pending.length - 1].getVersion().getVersion();
        try {
            beforeMigration.run(jdbi, file, from, to);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("The database " + file + " needs a schema update from version " + from + " to "
                    + to + ", but the work before the update failed: " + e.getMessage() + ". The database was not changed.", e);
        }
    }

    private static SQLException findSqlException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Returns the newest schema version that the migrations of this PatchDesk create, read from them in an empty in-memory database. */
    public static String latestSchemaVersion() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:");
        Flyway flyway = Flyway.configure().dataSource(memory).locations("classpath:db/migration").load();
        return Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> version != null)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse("0");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Returns the {@code .mv.db} file. */
    public Path file() {
        return file;
    }

    public String schemaVersion() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\" DESC LIMIT 1")
                .mapTo(String.class)
                .findOne()
                .orElse("0"));
    }

    /** Closes every connection; with no connection left, H2 writes the last changes and closes the file. */
    @Override
    public void close() {
        pool.dispose();
        log.info("Closed database {}", file);
    }
}
