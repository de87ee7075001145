package org.patchdesk.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of {@link AuditedRecordReader}s, one per record type, that {@link AuditVerifier}
 * compares. Record types in the audit trail without a reader are reported as not compared.
 */
public final class AuditedRecordReaders {

    private final Map<String, AuditedRecordReader> readers = new LinkedHashMap<>();

    /**
     * Adds a reader.
     *
     * @throws IllegalArgumentException when a reader of the same record type is already registered
     */
    public synchronized AuditedRecordReaders register(AuditedRecordReader reader) {
        AuditedRecordReader earlier = readers.putIfAbsent(reader.recordType(), reader);
        if (earlier != null) {
            throw new IllegalArgumentException("A reader of audited record type '" + reader.recordType() + "' is already registered ("
                    + earlier.getClass().getName() + ")");
        }
        return this;
    }

    public synchronized Optional<AuditedRecordReader> find(String recordType) {
        return Optional.ofNullable(readers.get(recordType));
    }

    /** Returns the readers in the order they were registered. */
    public synchronized List<AuditedRecordReader> all() {
        return new ArrayList<>(readers.values());
    }
}
