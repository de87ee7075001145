package org.patchdesk.risk;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads the stored settings for the audit check, as one record without an id whose fields are the
 * setting keys. Scoring settings entries record values by setting key. Other features record one
 * setting per entry, with the key as the entry's label and the value under {@code value}.
 */
public final class SettingAuditReader implements AuditedRecordReader {

    private static final String SCORING_LABEL = "scoring settings";

    @Override
    public String recordType() {
        return SettingsService.RECORD_TYPE;
    }

    /** Returns no fields: settings never get a create entry, and every key an entry records is compared. */
    @Override
    public List<String> fields() {
        return List.of();
    }

    @Override
    public boolean compares(String field) {
        return true;
    }

    @Override
    public boolean createsAreAudited() {
        return false;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        sink.accept(new CurrentRecord(null, "settings", handle.attach(SettingDao.class).all()));
    }

    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        if (SCORING_LABEL.equals(entry.recordLabel()) || entry.recordLabel() == null || !values.containsKey("value")) {
            return values;
        }
        return Map.of(entry.recordLabel(), values.get("value"));
    }
}
