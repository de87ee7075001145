package org.patchdesk.playbooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads playbooks for the audit check: name and description. The device type and product are
 * recorded by name, and a rename or merge of those records changes the name without a playbook
 * entry, so they are not compared. The playbooks the migration ships have no create entry.
 */
public final class PlaybookAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("name", "description");

    @Override
    public String recordType() {
        return PlaybookService.PLAYBOOK_RECORD;
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
        handle.createQuery("SELECT id, name, description FROM playbook ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("name", rs.getString("name"));
                    values.put("description", rs.getString("description"));
                    return new CurrentRecord(rs.getLong("id"), rs.getString("name"), values);
                })
                .forEach(sink);
    }
}
