package org.patchdesk.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hash chain over the audit trail of one database. Each entry stores the hash of the entry
 * before it ({@code previous_hash}) and its own hash ({@code entry_hash}), so that changing,
 * deleting or inserting an entry outside PatchDesk breaks the chain. The chain's head is also kept
 * in an anchor file beside the database, so that removing the newest entries is noticed.
 *
 * <p>Appends are serialized: the first append of a transaction takes a lock that the commit or
 * rollback releases, so two threads cannot link entries to the same head. The anchor file is
 * written after the commit, while the lock is still held. A crash between the commit and that
 * write leaves the anchor behind the database, which {@link AuditVerifier} accepts when the anchor
 * still matches the chain at its position.
 *
 * <p>NOTE: a transaction that waits for the lock keeps the row locks it already holds. When the
 * lock holder then needs one of those rows, it waits for H2's lock timeout and fails, which rolls
 * it back and lets the other go on. No workflow of PatchDesk is known to change the same rows from
 * two threads at once.
 */
public final class AuditChain {

    /** The anchor file's name ends so, beside the {@code .mv.db} file of its database. */
    public static final String ANCHOR_SUFFIX = ".audit-anchor";

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    /** How long an append waits for another transaction's appends to commit before it gives up. */
    private static final long LOCK_TIMEOUT_MINUTES = 10;
    private static final int MIGRATION_CHUNK = 20_000;

    private final Jdbi jdbi;
    private final Path anchorFile;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AuditHasher hasher = new AuditHasher();

    /** The handle whose transaction holds the lock, and the head including its uncommitted entries; guarded by lock. */
    private Handle owner;
    private ChainHead pending;
    private long pendingLastId;
    private boolean pendingChanged;
    /** Whether the anchor file matched the chain when the owner's transaction began, so that replacing it hides nothing. */
    private boolean anchorMatched;

    public AuditChain(Jdbi jdbi, Path anchorFile, Clock clock) {
        this.jdbi = jdbi;
        this.anchorFile = anchorFile;
        this.clock = clock;
    }

    /** Returns the anchor file of the database whose {@code .mv.db} file is given, in the same folder. */
    public static Path anchorFileOf(Path databaseFile) {
        String name = databaseFile.getFileName().toString();
        String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        return databaseFile.resolveSibling(base + ANCHOR_SUFFIX);
    }

    public Path anchorFile() {
        return anchorFile;
    }

    /** Returns the head of the committed chain: its entry count and the newest entry's hash. */
    public ChainHead head() {
        lock.lock();
        try {
            return jdbi.withHandle(AuditChain::readHead);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Links {@code rows} (maps of {@link AuditDao#COLUMNS}) to the chain, setting their hash
     * columns, and runs {@code insert} on them. Holds the lock until the transaction of
     * {@code handle} ends, or until the insert returns when the handle commits each statement.
     */
    <T> T append(Handle handle, List<Map<String, Object>> rows, Function<List<Map<String, Object>>, T> insert) {
        enter(handle);
        ChainHead before = pending;
        boolean inserted = false;
        try {
            for (Map<String, Object> row : rows) {
                String hash = hash(pending.hash(), row);
                row.put("previous_hash", pending.hash());
                row.put("entry_hash", hash);
                pending = new ChainHead(pending.entryCount() + 1, hash);
            }
            pendingChanged = pendingChanged || !rows.isEmpty();
            T result = insert.apply(rows);
            inserted = true;
            if (!rows.isEmpty()) {
                pendingLastId = handle.createQuery("SELECT MAX(id) FROM audit_entry").mapTo(Long.class).one();
            }
            return result;
        } finally {
            if (!inserted) {
                pending = before;
            }
            if (!handle.isInTransaction()) {
                finish(inserted);
            }
        }
    }

    private void enter(Handle handle) {
        if (lock.isHeldByCurrentThread()) {
            if (owner != handle) {
                throw new IllegalStateException("Audit entries were appended from two transactions at once on one thread;"
                        + " the second would fork the audit chain");
            }
            return;
        }
        try {
            if (!lock.tryLock(LOCK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Another change is still being saved after " + LOCK_TIMEOUT_MINUTES
                        + " minutes; try again when it has finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another change to be saved", e);
        }
        try {
            owner = handle;
            pending = readHead(handle);
            pendingChanged = false;
            anchorMatched = anchorMatches(handle, pending);
            if (handle.isInTransaction()) {
                handle.afterCommit(() -> finish(true));
                handle.afterRollback(() -> finish(false));
            }
        } catch (RuntimeException e) {
            owner = null;
            pending = null;
            lock.unlock();
            throw e;
        }
    }

    /** Ends the owner's appends: writes the anchor when they were committed, and releases the lock. */
    private void finish(boolean committed) {
        if (!lock.isHeldByCurrentThread()) {
            return;
        }
        try {
            if (committed && pendingChanged) {
                if (anchorMatched) {
                    writeAnchor(pending, pendingLastId);
                } else {
                    log.error("The audit anchor file {} did not match the audit trail before this change, so it was left as it is"
                            + " for 'audit verify' to report; the trail now holds {}", anchorFile, pending.describe());
                }
            }
        } finally {
            owner = null;
            pending = null;
            pendingLastId = 0;
            pendingChanged = false;
            anchorMatched = false;
            lock.unlock();
        }
    }

    /**
     * Returns whether the anchor file agrees with the chain visible to {@code handle} before its
     * appends. An empty chain needs no anchor. Otherwise the anchored entry must still have the
     * anchored hash, and the anchored count must not exceed the chain's. A disagreeing anchor
     * records a removal or rewrite, which replacing it would hide.
     */
    private boolean anchorMatches(Handle handle, ChainHead head) {
        Optional<AuditAnchor.Anchor> anchor;
        try {
            anchor = AuditAnchor.read(anchorFile);
        } catch (IOException e) {
            log.warn("The audit anchor file {} cannot be read", anchorFile, e);
            return false;
        }
        if (anchor.isEmpty()) {
            return head.entryCount() == 0;
        }
        ChainHead anchored = anchor.get().head();
        if (anchored.entryCount() > head.entryCount()) {
            return false;
        }
        if (anchored.entryCount() == 0) {
            return true;
        }
        return handle.createQuery("SELECT entry_hash FROM audit_entry WHERE id = :id").bind("id", anchor.get().lastId())
                .mapTo(String.class).findOne().filter(anchored.hash()::equals).isPresent();
    }

    private void writeAnchor(ChainHead head, long lastId) {
        try {
            AuditAnchor.write(anchorFile, head, lastId, clock.instant());
        } catch (IOException | RuntimeException e) {
            // The entries are committed; an anchor left behind them only makes the check report a lag.
            log.error("Writing the audit anchor file {} failed; it stays behind the {} committed entries", anchorFile,
                    head.entryCount(), e);
        }
    }

    /**
     * Replaces the anchor file with the head of the chain the database contains now, for a database
     * that a restore put in place, whose chain the old anchor does not describe. Returns that head.
     *
     * @throws IOException when the anchor file cannot be written
     */
    public ChainHead reanchor() throws IOException {
        lock.lock();
        try {
            ChainHead head = jdbi.withHandle(AuditChain::readHead);
            long lastId = jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry")
                    .mapTo(Long.class).one());
            AuditAnchor.write(anchorFile, head, lastId, clock.instant());
            log.info("Anchored the audit chain of a restored database at {}", head.describe());
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Reads the anchor file's head, or empty when there is none. */
    Optional<ChainHead> readAnchor() throws IOException {
        return AuditAnchor.read(anchorFile).map(AuditAnchor.Anchor::head);
    }

    /**
     * Runs {@code read} with the lock held, so that no append commits or writes the anchor while it
     * reads the database head and the anchor file together.
     */
    <T> T whileNoAppendCommits(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the head visible to {@code handle}: committed entries and its own uncommitted ones. */
    static ChainHead readHead(Handle handle) {
        long count = handle.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Long.class).one();
        if (count == 0) {
            return ChainHead.EMPTY;
        }
        String hash = handle.createQuery("SELECT entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).findOne().orElse(null);
        return new ChainHead(count, hash == null ? AuditHasher.GENESIS : hash);
    }

    private String hash(String previous, Map<String, Object> row) {
        Object recordId = row.get("record_id");
        Object batchId = row.get("batch_id");
        return hasher.hash(previous, ((OffsetDateTime) row.get("occurred_at")).toInstant(), (String) row.get("actor"),
                (String) row.get("action"), (String) row.get("record_type"), recordId == null ? null : ((Number) recordId).longValue(),
                (String) row.get("record_label"), batchId == null ? null : ((Number) batchId).longValue(),
                (String) row.get("old_values"), (String) row.get("new_values"), (String) row.get("summary"));
    }

    /**
     * Chains the entries that a database held before it had a chain, once, at the first open after
     * the migration that added the hash columns. The migration lists the last such entry in
     * {@code audit_chain_migration}. The entries are chained in chunks, each committed, so an
     * interrupted run continues where it stopped. The anchor is written before that row is removed.
     *
     * @return the number of entries chained now
     */
    public long chainMigratedEntries() {
        lock.lock();
        try {
            Optional<Long> through = jdbi.withHandle(handle -> handle.createQuery("SELECT MAX(chain_through_id) FROM audit_chain_migration")
                    .mapTo(Long.class).findOne());
            if (through.isEmpty() || through.get() == null) {
                return 0;
            }
            long started = System.nanoTime();
            Optional<Long> first = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT MIN(id) FROM audit_entry WHERE entry_hash IS NULL AND id <= :through")
                    .bind("through", through.get()).mapTo(Long.class).findOne());
            long chained = 0;
            if (first.isPresent() && first.get() != null) {
                String previous = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT entry_hash FROM audit_entry WHERE id < :first ORDER BY id DESC LIMIT 1")
                        .bind("first", first.get()).mapTo(String.class).findOne().orElse(AuditHasher.GENESIS));
                Chunk chunk = new Chunk(first.get() - 1, previous, 0);
                do {
                    Chunk from = chunk;
                    chunk = jdbi.inTransaction(handle -> chainChunk(handle, from, through.get()));
                    chained += chunk.count();
                } while (chunk.count() == MIGRATION_CHUNK);
            }
            ChainHead head = jdbi.withHandle(AuditChain::readHead);
            long lastId = jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry")
                    .mapTo(Long.class).one());
            writeAnchor(head, lastId);
            jdbi.useHandle(handle -> handle.execute("DELETE FROM audit_chain_migration"));
            log.info("Chained {} audit entries of the migrated database in {} ms; {}", chained,
                    (System.nanoTime() - started) / 1_000_000, head.describe());
            return chained;
        } finally {
            lock.unlock();
        }
    }

    /** The last entry a chunk chained, its hash, and how many entries the chunk chained. */
    private record Chunk(long lastId, String lastHash, int count) {
    }

    private Chunk chainChunk(Handle handle, Chunk after, long throughId) {
        Connection connection = handle.getConnection();
        String previous = after.lastHash();
        long lastId = after.lastId();
        int count = 0;
        try (PreparedStatement select = connection.prepareStatement(StoredEntry.SELECT
                + " WHERE id > ? AND id <= ? ORDER BY id LIMIT " + MIGRATION_CHUNK);
             PreparedStatement update = connection.prepareStatement("UPDATE audit_entry SET previous_hash = ?, entry_hash = ? WHERE id = ?")) {
            select.setLong(1, lastId);
            select.setLong(2, throughId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEntry entry = StoredEntry.read(rs);
                    String hash = entry.computeHash(hasher, previous);
                    update.setString(1, previous);
                    update.setString(2, hash);
                    update.setLong(3, entry.id());
                    update.addBatch();
                    previous = hash;
                    lastId = entry.id();
                    count++;
                }
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        return new Chunk(lastId, previous, count);
    }
}
