package org.patchdesk.audit;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;

/**
 * Reads the current records of one audited type in the form its audit entries record their values,
 * so that {@link AuditVerifier} can compare each record with what its entries recorded. A feature
 * registers one reader per record type it audits in {@link AuditedRecordReaders}.
 */
public interface AuditedRecordReader {

    /** Returns the {@code record_type} its entries carry. */
    String recordType();

    /**
     * Returns the keys of the compared fields, in the order differences are looked for. A create
     * entry records every one of them, so a field it leaves out was empty.
     */
    List<String> fields();

    /** Returns whether a field that an entry records is compared; by default the fields of {@link #fields()}. */
    default boolean compares(String field) {
        return fields().contains(field);
    }

    /** Returns the name a report shows for a field; by default its key in words, such as "decided at" for {@code decided_at}. */
    default String fieldLabel(String field) {
        return field.replace('_', ' ');
    }

    /**
     * Returns whether PatchDesk appends a create entry for every record of this type, so that a
     * record without any entry was added outside PatchDesk. False for types whose records other
     * changes create without an entry of their own.
     */
    boolean createsAreAudited();

    /**
     * Returns the record types whose entries this reader folds into its own records, such as the
     * coverage links of a compensating control. {@link AuditVerifier} lists them as compared. None by default.
     */
    default List<String> includedRecordTypes() {
        return List.of();
    }

    /**
     * Returns whether a record that is gone although its last entry is not a delete was removed
     * together with another record, as a recovery protocol is with its device, so that its absence
     * is not drift. {@code recorded} contains the compared field values its entries recorded last.
     * By default, a record with an id calls {@link #goneWithOwner}.
     */
    default boolean removedWithAnotherRecord(Handle handle, Long recordId, String label, Map<String, String> recorded) {
        return recordId != null && goneWithOwner(handle, recordId);
    }

    /**
     * Returns whether the entries of one record id describe several rows, each named by the field
     * keys {@link #recordedValues} gives, such as a device type's minimums in several departments.
     * For such a type a create entry does not empty the fields of the other rows, a delete entry
     * empties only the fields it names, and the record counts as deleted once all its fields are
     * empty.
     */
    default boolean rowsShareRecordId() {
        return false;
    }

    /**
     * Returns whether a record that is gone, although its last entry is not a delete, was deleted
     * with the record it belongs to, such as a device's own patchability with the device. Readers
     * that need only the record id override this; the check then reports nothing. False by default.
     */
    default boolean goneWithOwner(Handle handle, long recordId) {
        return false;
    }

    /**
     * Passes every current record to {@code sink} in ascending id order. A type whose entries carry
     * no record id (such as settings) passes one record with a null id.
     */
    void readCurrent(Handle handle, Consumer<CurrentRecord> sink);

    /**
     * Returns the field values that {@code values}, the old or new values of {@code entry}, stand
     * for. By default they are used as stored.
     */
    default Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        return values;
    }

    /**
     * Returns how to bring a recorded value up to date with changes that later entries of other
     * records made to it, such as a manufacturer renamed after a device was saved. Called once per
     * check, before any comparison.
     */
    default RecordedValueAdjuster adjuster(Handle handle) {
        return RecordedValueAdjuster.NONE;
    }

    /** One current record: its id (null for a type without ids), a label for reports, and its values by field key. */
    record CurrentRecord(Long id, String label, Map<String, String> values) {
    }

    /** Brings the value of a field that entry {@code entryId} recorded up to date with later entries of other records. */
    @FunctionalInterface
    interface RecordedValueAdjuster {

        RecordedValueAdjuster NONE = (field, value, entryId) -> value;

        String adjust(String field, String value, long entryId);
    }
}
