package org.patchdesk.playbooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads playbook steps for the audit check: phase, role, text and expected minutes. The position
 * is not compared, because moving or removing one step renumbers its neighbors without entries of
 * their own. Steps the migration ships and steps copied with a playbook have no create entry, and
 * a playbook deleted through PatchDesk takes its steps with it.
 */
public final class PlaybookStepAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("phase", "role", "text", "expected_minutes");

    @Override
    public String recordType() {
        return PlaybookService.STEP_RECORD;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean createsAreAudited() {
        return false;
    }

    /**
     * Returns whether the step went with its playbook. Step entries name the playbook only in their
     * label ("name: phase step n"), so the step counts as deleted with its playbook when no current
     * playbook has that name, or when a playbook of that name was deleted after the step's last entry.
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
        long lastEntryId = ((Number) last.get().get("id")).longValue();
        boolean playbookExists = handle.createQuery("SELECT name FROM playbook").mapTo(String.class).list().stream()
                .anyMatch(name -> label.startsWith(name + ": "));
        if (!playbookExists) {
            return true;
        }
        return handle.createQuery("SELECT record_label FROM audit_entry WHERE record_type = :playbook AND action = 'delete'"
                        + " AND id > :after")
                .bind("playbook", PlaybookService.PLAYBOOK_RECORD).bind("after", lastEntryId).mapTo(String.class).list().stream()
                .anyMatch(name -> name != null && label.startsWith(name + ": "));
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT s.id, p.name AS playbook, s.phase, s.position, s.role, s.text, s.expected_minutes"
                        + " FROM playbook_step s JOIN playbook p ON p.id = s.playbook_id ORDER BY s.id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        values.put(field, rs.getString(field));
                    }
                    return new CurrentRecord(rs.getLong("id"), rs.getString("playbook") + ": " + rs.getString("phase") + " step "
                            + rs.getInt("position"), values);
                })
                .forEach(sink);
    }
}
