package org.patchdesk.windows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads patch windows for the audit check: the values a window's draft records, and its status.
 * The device and playbook lists are compared in sorted order, because a window lists them in
 * the order they were chosen and reads them back in another.
 */
public final class WindowAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("title", "starts_at", "ends_at", "department", "location", "type",
            "planned_actions", "devices", "change_ticket", "cab_status", "cab_date", "playbooks", "status");
    private static final List<String> LISTS = List.of("devices", "playbooks");

    private final WindowService windows;

    public WindowAuditReader(WindowService windows) {
        this.windows = windows;
    }

    @Override
    public String recordType() {
        return WindowService.RECORD_TYPE;
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
        for (long id : handle.createQuery("SELECT id FROM patch_window ORDER BY id").mapTo(Long.class).list()) {
            PatchWindow window = windows.load(handle, id);
            Map<String, String> values = sortedLists(WindowService.values(window.toDraft()));
            values.put("status", window.status().word());
            sink.accept(new CurrentRecord(id, window.title(), values));
        }
    }

    /** Sorts the lists, and gives a create entry the status every new window starts in. */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        Map<String, String> result = sortedLists(values);
        if (entry.action() == AuditAction.CREATE && !values.isEmpty()) {
            result.putIfAbsent("status", WindowStatus.PROPOSED.word());
        }
        return result;
    }

    private static Map<String, String> sortedLists(Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>(values);
        for (String list : LISTS) {
            String text = result.get(list);
            if (text != null && !text.isEmpty()) {
                result.put(list, Arrays.stream(text.split(", ")).sorted().collect(Collectors.joining(", ")));
            }
        }
        return result;
    }
}
