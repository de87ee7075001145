package org.patchdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.storage.Database;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class AuditChainTest {

    @TempDir
    Path folder;

    private static AuditEntry entry(Instant at, String summary) {
        return new AuditEntry(null, at, "jtech", AuditAction.UPDATE, "mds2_form", 7L, "Form 7", null,
                Map.of("note", "ICU"), Map.of("note", "NICU \"east\" \u00e9"), summary);
    }

    private String url() {
        return "jdbc:h2:file:" + folder.resolve(Database.DEFAULT_NAME);
    }

    /** Builds a database at schema version 13, before the chain, holding {@code count} entries written by plain SQL. */
    private void createUnchainedDatabase(int count) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url());
        source.setUser(Database.USER);
        source.setPassword(Database.PASSWORD);
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("13").load().migrate();
        try (Connection connection = source.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_entry (occurred_at, actor, action, record_type, record_id, record_label, batch_id, old_values,"
                        + " new_values, summary) VALUES (?, 'jtech', 'create', 'product', ?, ?, 1, NULL, ?, 'Product first seen')")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= count; i++) {
                insert.setObject(1, OffsetDateTime.of(2026, 11, 2, 9, 30, 15, 123_456_000, ZoneOffset.ofHours(-6)));
                insert.setLong(2, i);
                insert.setString(3, "Model " + i);
                insert.setString(4, "{\"manufacturer\":\"BD\",\"model\":\"Model " + i + "\"}");
                insert.addBatch();
                if (i % 10_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    @Test
    void migrationChainsExistingEntries() throws SQLException {
        createUnchainedDatabase(3);

        try (Services services = TestSites.open(folder)) {
            AuditVerification result = services.auditVerifier().verify(ProgressMonitor.NONE);

            assertThat(result.problems()).isEmpty();
            assertThat(result.databaseHead().entryCount()).isEqualTo(3);
            assertThat(result.anchor()).isEqualTo(result.databaseHead());
            int pending = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM audit_chain_migration")
                    .mapTo(Integer.class).one());
            assertThat(pending).isZero();
        }
    }

    @Test
    void migratedChainContinuesWithNewEntries() throws SQLException {
        createUnchainedDatabase(3);

        try (Services services = TestSites.open(folder)) {
            AuditLog log = new AuditLog(services.auditChain());
            services.database().jdbi().useTransaction(handle -> log.append(handle, entry(TestSites.CLOCK.instant(), "After")));

            assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
            assertThat(services.auditChain().head().entryCount()).isEqualTo(4);
        }
    }

    @Test
    void interruptedMigrationContinues() throws SQLException {
        createUnchainedDatabase(25_000);
        TestSites.open(folder).close();
        // Simulates a run that stopped after the first chunk: the later entries lose their hashes again.
        try (Connection connection = DriverManager.getConnection(url(), Database.USER, Database.PASSWORD)) {
            connection.createStatement().executeUpdate("UPDATE audit_entry SET previous_hash = NULL, entry_hash = NULL WHERE id > 10000");
            connection.createStatement().executeUpdate("INSERT INTO audit_chain_migration VALUES (25000)");
        }

        try (Services services = TestSites.open(folder)) {
            AuditVerification result = services.auditVerifier().verify(ProgressMonitor.NONE);

            assertThat(result.problems()).isEmpty();
            assertThat(result.databaseHead().entryCount()).isEqualTo(25_000);
        }
    }

    @Test
    void migrationOfManyEntriesIsFast() throws SQLException {
        createUnchainedDatabase(50_000);

        long started = System.nanoTime();
        try (Services services = TestSites.open(folder)) {
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(services.auditChain().head().entryCount()).isEqualTo(50_000);
            // A generous bound: on two cores shared with other builds, migrating and chaining 100,000 entries took 18 s.
            assertThat(seconds).isLessThan(60);
        }
    }

    @Test
    void timeWithNanosecondsVerifiesAfterReadBack() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T13:00:00.123456789Z"), TestSites.CLOCK.getZone());
        try (Services services = TestSites.open(folder, clock)) {
            AuditLog log = new AuditLog(services.auditChain());
            services.database().jdbi().useTransaction(handle -> log.append(handle, entry(clock.instant(), "Nanoseconds")));

            assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
        }
    }

    @Test
    void appendOutsideTransactionWritesAnchor() throws Exception {
        try (Services services = TestSites.open(folder)) {
            AuditLog log = new AuditLog(services.auditChain());
            services.database().jdbi().useHandle(handle -> log.append(handle, entry(TestSites.CLOCK.instant(), "Autocommit")));

            assertThat(AuditAnchor.read(services.auditChain().anchorFile()).map(AuditAnchor.Anchor::head))
                    .contains(services.auditChain().head());
            assertThat(services.auditChain().head().entryCount()).isEqualTo(1);
        }
    }

    @Test
    void rolledBackAppendsLeaveHeadAndAnchor() throws Exception {
        try (Services services = TestSites.open(folder)) {
            AuditLog log = new AuditLog(services.auditChain());
            services.database().jdbi().useTransaction(handle -> log.append(handle, entry(TestSites.CLOCK.instant(), "Kept")));
            ChainHead before = services.auditChain().head();

            assertThatThrownBy(() -> services.database().jdbi().useTransaction(handle -> {
                log.appendAll(handle, List.of(entry(TestSites.CLOCK.instant(), "Lost 1"), entry(TestSites.CLOCK.instant(), "Lost 2")));
                throw new IllegalStateException("Rolled back");
            })).hasMessage("Rolled back");
            services.database().jdbi().useTransaction(handle -> log.append(handle, entry(TestSites.CLOCK.instant(), "After")));

            assertThat(before.entryCount()).isEqualTo(1);
            assertThat(services.auditChain().head().entryCount()).isEqualTo(2);
            assertThat(AuditAnchor.read(services.auditChain().anchorFile()).map(AuditAnchor.Anchor::head))
                    .contains(services.auditChain().head());
            assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
        }
    }

    @Test
    void concurrentTransactionsDoNotForkTheChain() throws Exception {
        try (Services services = TestSites.open(folder)) {
            AuditLog log = new AuditLog(services.auditChain());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    int number = thread;
                    work.add(threads.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            int round = i;
                            services.database().jdbi().useTransaction(handle -> {
                                log.append(handle, entry(TestSites.CLOCK.instant(), "Thread " + number + " round " + round));
                                log.appendAll(handle, List.of(entry(TestSites.CLOCK.instant(), "Batch a"),
                                        entry(TestSites.CLOCK.instant(), "Batch b")));
                            });
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get();
                }
            } finally {
                threads.shutdown();
            }

            AuditVerification result = services.auditVerifier().verify(ProgressMonitor.NONE);

            assertThat(result.problems()).isEmpty();
            assertThat(result.databaseHead().entryCount()).isEqualTo(240);
            assertThat(result.anchor()).isEqualTo(result.databaseHead());
        }
    }

    @Test
    void twoTransactionsOnOneThreadAreRejected() {
        try (Services services = TestSites.open(folder)) {
            AuditLog log = new AuditLog(services.auditChain());

            assertThatThrownBy(() -> services.database().jdbi().useTransaction(outer -> {
                log.append(outer, entry(TestSites.CLOCK.instant(), "Outer"));
                try (Handle other = services.database().jdbi().open()) {
                    other.useTransaction(inner -> log.append(inner, entry(TestSites.CLOCK.instant(), "Inner")));
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("would fork the audit chain");
            assertThat(services.auditChain().head().entryCount()).isZero();
        }
    }

    @Test
    void anchorFileIsBesideTheDatabase() {
        try (Services services = TestSites.open(folder)) {
            assertThat(services.auditChain().anchorFile()).isEqualTo(folder.resolve("patchdesk.audit-anchor").toAbsolutePath());
            assertThat(Files.exists(services.auditChain().anchorFile())).isFalse();
        }
    }
}
