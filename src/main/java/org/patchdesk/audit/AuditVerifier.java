package org.patchdesk.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.patchdesk.audit.AuditProblem.Kind;
import org.patchdesk.audit.AuditedRecordReader.CurrentRecord;
import org.patchdesk.audit.AuditedRecordReader.RecordedValueAdjuster;
import org.patchdesk.common.ProgressMonitor;

/**
 * Checks the audit trail: walks the hash chain in id order and reports the first entry that was
 * changed, deleted or inserted outside PatchDesk; compares the chain with the anchor file, which
 * catches removed newest entries; then compares each audited record's current values with those
 * its entries recorded and reports the first drifted record of each type.
 *
 * <p>The check reads one snapshot of the database, taken while no append can commit, so changes
 * saved while it runs do not show up as drift.
 */
public final class AuditVerifier {

    private static final int PAGE = 5_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private final Jdbi jdbi;
    private final AuditChain chain;
    private final AuditedRecordReaders readers;
    private final Clock clock;

    public AuditVerifier(Jdbi jdbi, AuditChain chain, AuditedRecordReaders readers, Clock clock) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.readers = readers;
        this.clock = clock;
    }

    /** Verifies the whole trail; the monitor receives the entries walked and can cancel. */
    public AuditVerification verify(ProgressMonitor monitor) {
        return jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
            Snapshot snapshot = chain.whileNoAppendCommits(() -> {
                ChainHead head = AuditChain.readHead(handle);
                try {
                    return new Snapshot(head, chain.readAnchor().orElse(null), null);
                } catch (IOException e) {
                    return new Snapshot(head, null, e);
                }
            });
            List<AuditProblem> problems = new ArrayList<>();
            long anchorLag = checkChain(handle, snapshot, problems, monitor);
            List<String> compared = new ArrayList<>();
            for (AuditedRecordReader reader : readers.all()) {
                monitor.checkCancelled();
                monitor.progress(-1, 0, "Comparing " + AuditRecordTypes.label(reader.recordType()) + " with their audit entries");
                checkRecords(handle, reader).ifPresent(problems::add);
                compared.add(reader.recordType());
                compared.addAll(reader.includedRecordTypes());
            }
            return new AuditVerification(clock.instant(), snapshot.head(), snapshot.anchor(), anchorLag, problems, compared,
                    uncomparedTypes(handle));
        });
    }

    private record Snapshot(ChainHead head, ChainHead anchor, IOException anchorError) {
    }

    /** Walks the chain, adds its first broken entry and any anchor problem, and returns the anchor's lag. */
    private long checkChain(Handle handle, Snapshot snapshot, List<AuditProblem> problems, ProgressMonitor monitor) {
        ChainHead anchor = snapshot.anchor();
        AuditHasher hasher = new AuditHasher();
        String expectedPrevious = AuditHasher.GENESIS;
        StoredEntry previous = null;
        StoredEntry atAnchor = null;
        AuditProblem broken = null;
        long position = 0;
        long total = snapshot.head().entryCount();
        long afterId = Long.MIN_VALUE;
        List<StoredEntry> page;
        do {
            monitor.checkCancelled();
            page = entriesAfter(handle, afterId);
            for (StoredEntry entry : page) {
                position++;
                if (broken == null) {
                    broken = checkLink(hasher, entry, previous, expectedPrevious);
                }
                if (anchor != null && position == anchor.entryCount()) {
                    atAnchor = entry;
                }
                expectedPrevious = entry.entryHash();
                previous = entry;
                afterId = entry.id();
            }
            monitor.progress(position, total, "Checking audit entries");
        } while (page.size() == PAGE);
        if (broken != null) {
            problems.add(broken);
        }
        return checkAnchor(snapshot, position, atAnchor, problems);
    }

    private List<StoredEntry> entriesAfter(Handle handle, long afterId) {
        return query(handle, StoredEntry.SELECT + " WHERE id > ? ORDER BY id LIMIT " + PAGE, afterId);
    }

    private AuditProblem checkLink(AuditHasher hasher, StoredEntry entry, StoredEntry previous, String expectedPrevious) {
        if (entry.entryHash() == null || entry.previousHash() == null) {
            return entryProblem(Kind.ENTRY_NOT_CHAINED, entry, describe(entry) + " has no hash: it was added outside PatchDesk");
        }
        if (!entry.previousHash().equals(expectedPrevious)) {
            String where = previous == null
                    ? "is the first entry but links to an earlier one: the entries before it were deleted"
                    : "does not link to entry #" + previous.id() + " before it: an entry between them was deleted, "
                            + (previous.id() + 1 == entry.id() ? "" : "or ") + "this entry was inserted, or entry #" + previous.id()
                            + " was changed together with its hash";
            return entryProblem(Kind.ENTRY_UNLINKED, entry, describe(entry) + " " + where);
        }
        if (!entry.computeHash(hasher, entry.previousHash()).equals(entry.entryHash())) {
            return entryProblem(Kind.ENTRY_CHANGED, entry, describe(entry)
                    + " was changed after it was written: its fields no longer match its hash");
        }
        return null;
    }

    private long checkAnchor(Snapshot snapshot, long entries, StoredEntry atAnchor, List<AuditProblem> problems) {
        ChainHead anchor = snapshot.anchor();
        String file = chain.anchorFile().toString();
        if (snapshot.anchorError() != null) {
            problems.add(anchorProblem(Kind.ANCHOR_UNREADABLE, null, "The audit anchor file cannot be read: "
                    + snapshot.anchorError().getMessage()));
            return 0;
        }
        if (anchor == null) {
            if (entries > 0) {
                problems.add(anchorProblem(Kind.ANCHOR_MISSING, null, String.format(Locale.US, "The audit anchor file %s is missing"
                        + " although the trail holds %,d entries: it was deleted, or the database was copied without it", file, entries)));
            }
            return 0;
        }
        if (anchor.entryCount() > entries) {
            problems.add(anchorProblem(Kind.ENTRIES_REMOVED, null, String.format(Locale.US, "The audit anchor file records %,d entries"
                    + " but the database holds %,d: the newest %,d entries were removed", anchor.entryCount(), entries,
                    anchor.entryCount() - entries)));
            return 0;
        }
        if (anchor.entryCount() == 0) {
            return entries;
        }
        if (!anchor.hash().equals(atAnchor.entryHash())) {
            problems.add(anchorProblem(Kind.ANCHOR_MISMATCH, atAnchor.id(), String.format(Locale.US, "Entry #%d, number %,d of the"
                    + " chain, does not have the hash the audit anchor file records for it: the entries up to it were rewritten,"
                    + " or the anchor file belongs to another database", atAnchor.id(), anchor.entryCount())));
            return 0;
        }
        return entries - anchor.entryCount();
    }

    private static AuditProblem entryProblem(Kind kind, StoredEntry entry, String message) {
        return new AuditProblem(kind, entry.id(), entry.recordType(), entry.recordId(), entry.recordLabel(), null, null, null, message);
    }

    private static AuditProblem anchorProblem(Kind kind, Long entryId, String message) {
        return new AuditProblem(kind, entryId, null, null, null, null, null, null, message);
    }

    private String describe(StoredEntry entry) {
        return "Audit entry #" + entry.id() + " (" + WHEN.format(entry.occurredAt().atZone(clock.getZone())) + ", " + entry.actor()
                + ", " + entry.action() + " " + entry.recordType() + (entry.recordId() == null ? "" : " " + entry.recordId())
                + (entry.recordLabel() == null ? "" : " " + entry.recordLabel()) + ")";
    }

    /** Compares every record of the reader's type with its entries; returns the first drifted one. */
    private Optional<AuditProblem> checkRecords(Handle handle, AuditedRecordReader reader) {
        RecordedValueAdjuster adjuster = reader.adjuster(handle);
        RecordHistories histories = new RecordHistories(handle, reader);
        AuditProblem[] first = new AuditProblem[1];
        reader.readCurrent(handle, current -> {
            if (first[0] != null) {
                return;
            }
            RecordHistory history = histories.advanceTo(current.id());
            while (first[0] == null && history != null && !Objects.equals(history.recordId, current.id())) {
                first[0] = checkGone(handle, reader, history);
                history = histories.advanceTo(current.id());
            }
            if (first[0] == null) {
                first[0] = history == null ? checkUnaudited(reader, current) : compare(reader, adjuster, history, current);
            }
        });
        while (first[0] == null) {
            RecordHistory history = histories.next();
            if (history == null) {
                break;
            }
            first[0] = checkGone(handle, reader, history);
        }
        return Optional.ofNullable(first[0]);
    }

    private static AuditProblem checkGone(Handle handle, AuditedRecordReader reader, RecordHistory history) {
        if (history.lastAction == AuditAction.DELETE || reader.removedWithAnotherRecord(handle, history.recordId, history.label,
                history.recordedValues())) {
            return null;
        }
        return recordProblem(Kind.RECORD_DELETED, reader, history.recordId, history.label, null, null, null,
                name(reader, history.recordId, history.label) + " was deleted outside PatchDesk: its last audit entry #"
                        + history.lastEntryId + " (" + history.lastAction.word() + ") is not a delete");
    }

    private static AuditProblem checkUnaudited(AuditedRecordReader reader, CurrentRecord current) {
        if (!reader.createsAreAudited()) {
            return null;
        }
        return recordProblem(Kind.RECORD_NOT_AUDITED, reader, current.id(), current.label(), null, null, null,
                name(reader, current.id(), current.label()) + " has no audit entry: it was added outside PatchDesk");
    }

    private static AuditProblem compare(AuditedRecordReader reader, RecordedValueAdjuster adjuster, RecordHistory history,
                                        CurrentRecord current) {
        if (history.lastAction == AuditAction.DELETE) {
            return recordProblem(Kind.RECORD_RESTORED, reader, current.id(), current.label(), null, null, null,
                    name(reader, current.id(), current.label()) + " exists although its last audit entry #" + history.lastEntryId
                            + " recorded its deletion: it was put back outside PatchDesk");
        }
        for (Map.Entry<String, Recorded> field : history.fields.entrySet()) {
            String key = field.getKey();
            Recorded recorded = field.getValue();
            String expected = emptyToNull(adjuster.adjust(key, recorded.value(), recorded.entryId()));
            String actual = emptyToNull(current.values().get(key));
            if (!Objects.equals(expected, actual)) {
                return recordProblem(Kind.RECORD_CHANGED, reader, current.id(), current.label(), key, expected, actual,
                        name(reader, current.id(), current.label()) + " was changed outside PatchDesk: " + reader.fieldLabel(key) + " is "
                                + quoted(actual) + " but audit entry #" + recorded.entryId() + " recorded " + quoted(expected));
            }
        }
        return null;
    }

    private static AuditProblem recordProblem(Kind kind, AuditedRecordReader reader, Long id, String label, String field,
                                              String recorded, String current, String message) {
        return new AuditProblem(kind, null, reader.recordType(), id, label, field, recorded, current, message);
    }

    private static String name(AuditedRecordReader reader, Long id, String label) {
        String type = reader.recordType().replace('_', ' ');
        String name = Character.toUpperCase(type.charAt(0)) + type.substring(1);
        if (label == null || label.isBlank()) {
            return name + (id == null ? "" : " record " + id);
        }
        return name + " " + label + (id == null ? "" : " (record " + id + ")");
    }

    private static String quoted(String value) {
        return value == null ? "empty" : "'" + value + "'";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private List<String> uncomparedTypes(Handle handle) {
        Set<String> types = new TreeSet<>(handle.createQuery("SELECT DISTINCT record_type FROM audit_entry").mapTo(String.class).list());
        Set<String> compared = new HashSet<>();
        readers.all().forEach(reader -> {
            compared.add(reader.recordType());
            compared.addAll(reader.includedRecordTypes());
        });
        types.removeAll(compared);
        return new ArrayList<>(types);
    }

    static List<StoredEntry> query(Handle handle, String sql, Object... parameters) {
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<StoredEntry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(StoredEntry.read(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** A field's value as the entries recorded it, and the entry that recorded it last. */
    private record Recorded(String value, long entryId) {
    }

    /** The entries of one record folded into the values they recorded last, field by field. */
    private static final class RecordHistory {
        final Long recordId;
        final Map<String, Recorded> fields = new LinkedHashMap<>();
        String label;
        AuditAction lastAction;
        long lastEntryId;

        RecordHistory(Long recordId) {
            this.recordId = recordId;
        }

        Map<String, String> recordedValues() {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((field, recorded) -> values.put(field, recorded.value()));
            return values;
        }

        void apply(AuditedRecordReader reader, AuditEntry entry) {
            lastAction = entry.action();
            lastEntryId = entry.id();
            if (entry.recordLabel() != null) {
                label = entry.recordLabel();
            }
            if (reader.rowsShareRecordId()) {
                applyToRow(reader, entry);
                return;
            }
            if (entry.action() == AuditAction.DELETE) {
                return;
            }
            Map<String, String> newValues = reader.recordedValues(entry, entry.newValues());
            if (entry.action() == AuditAction.CREATE) {
                fields.clear();
                for (String field : reader.fields()) {
                    fields.put(field, new Recorded(newValues.get(field), entry.id()));
                }
            }
            Set<String> touched = new java.util.LinkedHashSet<>(reader.recordedValues(entry, entry.oldValues()).keySet());
            touched.addAll(newValues.keySet());
            for (String field : touched) {
                if (reader.compares(field)) {
                    fields.put(field, new Recorded(newValues.get(field), entry.id()));
                }
            }
        }

        /**
         * Applies an entry of one of the rows that share the record id: a delete empties the
         * row's fields, and the record counts as deleted only when every recorded field is empty.
         */
        private void applyToRow(AuditedRecordReader reader, AuditEntry entry) {
            Map<String, String> newValues = entry.action() == AuditAction.DELETE ? Map.of() : reader.recordedValues(entry, entry.newValues());
            Set<String> touched = new java.util.LinkedHashSet<>(reader.recordedValues(entry, entry.oldValues()).keySet());
            touched.addAll(newValues.keySet());
            for (String field : touched) {
                if (reader.compares(field)) {
                    fields.put(field, new Recorded(newValues.get(field), entry.id()));
                }
            }
            boolean empty = fields.values().stream().allMatch(recorded -> emptyToNull(recorded.value()) == null);
            if (entry.action() == AuditAction.DELETE && !empty) {
                lastAction = AuditAction.UPDATE;
            }
        }
    }

    /**
     * The entries of one record type, read in pages in (record id, id) order, the order of the
     * index on them, and folded into one history per record. Entries without a record id come first.
     */
    private static final class RecordHistories {
        private final Handle handle;
        private final AuditedRecordReader reader;
        private final List<StoredEntry> buffer = new ArrayList<>();
        private int position;
        private boolean nullsRead;
        private boolean exhausted;
        private long lastRecordId = Long.MIN_VALUE;
        private long lastId = Long.MIN_VALUE;
        private RecordHistory pending;

        RecordHistories(Handle handle, AuditedRecordReader reader) {
            this.handle = handle;
            this.reader = reader;
        }

        /**
         * Returns the next history if its record id is at most {@code recordId} (null ids first), and
         * keeps it for later otherwise.
         */
        RecordHistory advanceTo(Long recordId) {
            if (pending == null) {
                pending = read();
            }
            if (pending == null || compareIds(pending.recordId, recordId) > 0) {
                return null;
            }
            RecordHistory result = pending;
            pending = null;
            return result;
        }

        RecordHistory next() {
            RecordHistory result = pending != null ? pending : read();
            pending = null;
            return result;
        }

        private static int compareIds(Long a, Long b) {
            if (a == null && b == null) {
                return 0;
            }
            if (a == null) {
                return -1;
            }
            if (b == null) {
                return 1;
            }
            return Long.compare(a, b);
        }

        private RecordHistory read() {
            StoredEntry first = peek();
            if (first == null) {
                return null;
            }
            RecordHistory history = new RecordHistory(first.recordId());
            while (true) {
                StoredEntry entry = peek();
                if (entry == null || !Objects.equals(entry.recordId(), history.recordId)) {
                    return history;
                }
                position++;
                history.apply(reader, entry.toEntry());
            }
        }

        private StoredEntry peek() {
            if (position < buffer.size()) {
                return buffer.get(position);
            }
            buffer.clear();
            position = 0;
            if (!nullsRead) {
                nullsRead = true;
                buffer.addAll(query(handle, StoredEntry.SELECT + " WHERE record_type = ? AND record_id IS NULL ORDER BY id",
                        reader.recordType()));
            }
            if (buffer.isEmpty() && !exhausted) {
                List<StoredEntry> page = query(handle, StoredEntry.SELECT + " WHERE record_type = ? AND record_id >= ?"
                        + " AND NOT (record_id = ? AND id <= ?) ORDER BY record_id, id LIMIT " + PAGE,
                        reader.recordType(), lastRecordId, lastRecordId, lastId);
                exhausted = page.size() < PAGE;
                buffer.addAll(page);
                if (!page.isEmpty()) {
                    StoredEntry last = page.get(page.size() - 1);
                    lastRecordId = last.recordId();
                    lastId = last.id();
                }
            }
            return buffer.isEmpty() ? null : buffer.get(0);
        }
    }
}
