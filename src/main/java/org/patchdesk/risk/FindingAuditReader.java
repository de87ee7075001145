package org.patchdesk.risk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads findings for the audit check: the values a user sets and {@link FindingService} audits,
 * which are the status with its note and the SSVC overrides. Matching creates findings without
 * entries, so a finding without entries is not reported. Scores, decisions, due dates and the
 * clock start are derived and not compared. The review flag is not compared either, because
 * matching changes it without an entry.
 *
 * <p>Matching also sets the status without an entry, when a source marks a device not affected,
 * stops naming it (withdrawn) or names it again (reopened); it then records "system" as the user
 * who changed the status. A status that matching changed at or after a finding's last status entry is
 * therefore taken as it is, so a change made outside PatchDesk that also writes "system" and a
 * later time into the finding goes unreported.
 */
public final class FindingAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("status", "status_note", "exposure_override", "automatable_override");
    private static final List<String> STATUS_FIELDS = List.of("status", "status_note");

    @Override
    public String recordType() {
        return FindingService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean createsAreAudited() {
        return false;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT f.id, d.asset_tag, f.cve_id, f.status, f.status_note, f.exposure_override, f.automatable_override"
                        + " FROM finding f JOIN device d ON d.id = f.device_id ORDER BY f.id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    return new CurrentRecord(rs.getLong("id"), rs.getString("asset_tag") + " " + rs.getString("cve_id"), values);
                })
                .forEach(sink);
    }

    /** Takes the current status and note for an entry whose finding matching changed later. */
    @Override
    public RecordedValueAdjuster adjuster(Handle handle) {
        Map<Long, Map<String, String>> laterBySystem = new HashMap<>();
        handle.createQuery("SELECT a.id, f.status, f.status_note FROM audit_entry a JOIN finding f ON f.id = a.record_id"
                        + " WHERE a.record_type = :type AND f.status_changed_by = :system AND f.status_changed_at >= a.occurred_at")
                .bind("type", recordType()).bind("system", FindingEngine.SYSTEM)
                .map((rs, ctx) -> {
                    Map<String, String> current = new HashMap<>();
                    current.put("status", rs.getString("status"));
                    current.put("status_note", rs.getString("status_note"));
                    return Map.entry(rs.getLong("id"), current);
                })
                .forEach(entry -> laterBySystem.put(entry.getKey(), entry.getValue()));
        return (field, value, entryId) -> {
            Map<String, String> current = laterBySystem.get(entryId);
            return current != null && STATUS_FIELDS.contains(field) ? current.get(field) : value;
        };
    }

    /**
     * Returns whether the finding went with its device. Finding entries name the device only by
     * the asset tag that starts their label ("asset-tag CVE-id"). So the finding counts as deleted
     * with its device when no device has that asset tag, or when a device with that tag was
     * deleted after the finding's last entry.
     */
    @Override
    public boolean goneWithOwner(Handle handle, long recordId) {
        Optional<Map<String, Object>> last = handle.createQuery("SELECT id, record_label FROM audit_entry WHERE record_type = :type"
                        + " AND record_id = :id ORDER BY id DESC LIMIT 1")
                .bind("type", recordType()).bind("id", recordId).mapToMap().findOne();
        if (last.isEmpty() || last.get().get("record_label") == null) {
            return false;
        }
        String label = (String) last.get().get("record_label");
        int space = label.lastIndexOf(' ');
        if (space < 0) {
            return false;
        }
        String assetTag = label.substring(0, space);
        boolean deviceExists = handle.createQuery("SELECT COUNT(*) FROM device WHERE asset_tag = :tag").bind("tag", assetTag)
                .mapTo(Integer.class).one() > 0;
        if (!deviceExists) {
            return true;
        }
        return handle.createQuery("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'device' AND action = 'delete'"
                        + " AND record_label = :tag AND id > :after")
                .bind("tag", assetTag).bind("after", ((Number) last.get().get("id")).longValue()).mapTo(Integer.class).one() > 0;
    }
}
