package org.patchdesk.audit;

/**
 * A problem that {@link AuditVerifier} found, with the message a report prints. Chain problems name
 * an entry; drift problems name a record and, for a changed record, the field with its recorded
 * and current values. Fields that do not apply are null.
 */
public record AuditProblem(Kind kind, Long entryId, String recordType, Long recordId, String recordLabel, String field,
                           String recorded, String current, String message) {

    public enum Kind {
        /** An entry's fields no longer match its hash. */
        ENTRY_CHANGED,
        /** An entry does not link to the one before it: an entry was deleted there, or this one was inserted. */
        ENTRY_UNLINKED,
        /** An entry has no hash, so it was added outside PatchDesk. */
        ENTRY_NOT_CHAINED,
        /** The anchor file records more entries than the database holds: the newest were removed. */
        ENTRIES_REMOVED,
        /** The anchor file records another hash for the entry at its position. */
        ANCHOR_MISMATCH,
        /** The trail holds entries but there is no anchor file. */
        ANCHOR_MISSING,
        /** The anchor file cannot be read. */
        ANCHOR_UNREADABLE,
        /** A record's current value differs from the one its entries recorded. */
        RECORD_CHANGED,
        /** A record is gone although its last entry is not a delete. */
        RECORD_DELETED,
        /** A record exists although its last entry is a delete. */
        RECORD_RESTORED,
        /** A record has no entry although every record of its type gets a create entry. */
        RECORD_NOT_AUDITED;

        /** Returns whether the problem is in the chain or its anchor, rather than in an audited record. */
        public boolean isChainProblem() {
            return ordinal() <= ANCHOR_UNREADABLE.ordinal();
        }
    }
}
