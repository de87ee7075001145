package org.patchdesk.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditRowMapper;
import org.patchdesk.audit.AuditedRecordReader;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceRows;

/**
 * Reads recovery protocols for the audit check: every text, review value and document path, in the
 * order the user listed the documents. A device's protocol is also compared on its device, by asset
 * tag, with the device's later asset tag changes applied.
 *
 * <p>A product's protocol is recorded under the product's label, which manufacturer renames and
 * merges change without an entry of the protocol, and a merge can move the protocol to the product
 * it keeps. So the product is not compared. A protocol is deleted with its product or device
 * without an entry of its own, so a protocol whose product or device no longer exists is not
 * reported as deleted.
 */
public final class RecoveryProtocolAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("device", "downtime_procedure", "isolation_steps", "restore_steps",
            "backup_location", "vendor_emergency_contact", "return_decider_role", "return_decider_name", "last_reviewed_on",
            "last_reviewed_by", "next_review_on", "documents");
    private static final String DEVICE = "device";
    private static final String DOCUMENTS = "documents";
    /** Separator of the document paths in compared values, which entries record one per line. */
    private static final String DOCUMENT_SEPARATOR = "; ";
    private static final String DEVICE_LABEL_PREFIX = "Device ";

    @Override
    public String recordType() {
        return RecoveryProtocolService.RECORD;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        Map<Long, List<String>> documents = new HashMap<>();
        handle.createQuery("SELECT protocol_id, path FROM recovery_protocol_document ORDER BY protocol_id, position")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(document -> documents.computeIfAbsent(document.getKey(), id -> new ArrayList<>()).add(document.getValue()));
        handle.createQuery("SELECT r.*, d.asset_tag, m.name || ' ' || p.model AS product_label FROM recovery_protocol r"
                        + " LEFT JOIN device d ON d.id = r.device_id LEFT JOIN product p ON p.id = r.product_id"
                        + " LEFT JOIN manufacturer m ON m.id = p.manufacturer_id ORDER BY r.id")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put(DEVICE, rs.getString("asset_tag"));
                    for (String column : List.of("downtime_procedure", "isolation_steps", "restore_steps", "backup_location",
                            "vendor_emergency_contact", "return_decider_role", "return_decider_name", "last_reviewed_by")) {
                        values.put(column, rs.getString(column));
                    }
                    for (String column : List.of("last_reviewed_on", "next_review_on")) {
                        LocalDate date = rs.getObject(column, LocalDate.class);
                        values.put(column, date == null ? null : date.toString());
                    }
                    List<String> paths = documents.getOrDefault(id, List.of());
                    values.put(DOCUMENTS, paths.isEmpty() ? null : String.join(DOCUMENT_SEPARATOR, paths));
                    String label = rs.getString("asset_tag") == null ? rs.getString("product_label")
                            : DEVICE_LABEL_PREFIX + rs.getString("asset_tag");
                    return new CurrentRecord(id, label, values);
                })
                .forEach(sink);
    }

    /** Joins the recorded document paths as reports show them, keeping their order. */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        String documents = values.get(DOCUMENTS);
        if (documents == null) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.put(DOCUMENTS, String.join(DOCUMENT_SEPARATOR, documents.split("\n")));
        return result;
    }

    /** Applies the asset tag changes that device entries recorded after the entry that recorded a protocol's device. */
    @Override
    public RecordedValueAdjuster adjuster(Handle handle) {
        boolean protocolsAudited = handle.createQuery("SELECT COUNT(*) FROM audit_entry WHERE record_type = :type")
                .bind("type", recordType()).mapTo(Long.class).one() > 0;
        if (!protocolsAudited) {
            return RecordedValueAdjuster.NONE;
        }
        String assetTag = DeviceField.ASSET_TAG.key();
        List<Retag> retags = new ArrayList<>();
        // An update entry of a device lists only the changed fields, so the text filter skips the JSON of most entries.
        handle.createQuery("SELECT * FROM audit_entry WHERE record_type = :type AND action = :action AND old_values LIKE :key"
                        + " ORDER BY id")
                .bind("type", DeviceRows.RECORD_TYPE).bind("action", AuditAction.UPDATE.word()).bind("key", "%\"" + assetTag + "\"%")
                .map(new AuditRowMapper())
                .forEach(entry -> {
                    String from = entry.oldValues().get(assetTag);
                    String to = entry.newValues().get(assetTag);
                    if (from != null && to != null) {
                        retags.add(new Retag(entry.id(), key(from), to));
                    }
                });
        return (field, value, entryId) -> {
            if (!DEVICE.equals(field) || value == null) {
                return value;
            }
            String tag = value;
            for (Retag retag : retags) {
                if (retag.entryId() > entryId && key(tag).equals(retag.fromKey())) {
                    tag = retag.to();
                }
            }
            return tag;
        };
    }

    /**
     * Returns whether the protocol's device or product is gone: the device whose asset tag its
     * entries recorded, or else the product that the entries' label names by manufacturer and model.
     */
    @Override
    public boolean removedWithAnotherRecord(Handle handle, Long recordId, String label, Map<String, String> recorded) {
        String device = recorded.get(DEVICE);
        if (device != null && !device.isEmpty()) {
            return handle.createQuery("SELECT COUNT(*) FROM device WHERE asset_tag_key = :key").bind("key", key(device))
                    .mapTo(Integer.class).one() == 0;
        }
        if (label == null) {
            return false;
        }
        return handle.createQuery("SELECT COUNT(*) FROM product p JOIN manufacturer m ON m.id = p.manufacturer_id"
                        + " WHERE m.name || ' ' || p.model = :label")
                .bind("label", label).mapTo(Integer.class).one() == 0;
    }

    /** An asset tag change recorded by entry {@code entryId}. */
    private record Retag(long entryId, String fromKey, String to) {
    }

    private static String key(String assetTag) {
        return assetTag.strip().toUpperCase(Locale.ROOT);
    }
}
