package org.patchdesk.risk;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/** The one way a group of settings, such as the site or backup settings, is stored with an audit entry for the changed keys. */
public final class SettingChanges {

    private SettingChanges() {
    }

    /**
     * Stores each value that differs from {@code stored}, removing the key of a null value, and
     * appends one audit entry labelled {@code label} with the old and new value of each changed
     * key. Runs in the caller's transaction. Returns the changed keys, none when nothing changed.
     */
    public static List<String> store(Handle handle, AuditLog auditLog, Map<String, String> stored, Map<String, String> values,
                                     OffsetDateTime now, Actor actor, String label) {
        SettingDao dao = handle.attach(SettingDao.class);
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (Objects.equals(value, stored.get(key))) {
                return;
            }
            before.put(key, stored.get(key));
            after.put(key, value);
            if (value == null) {
                dao.remove(key);
            } else {
                dao.put(key, value, now, actor.name());
            }
        });
        if (!after.isEmpty()) {
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, SettingsService.RECORD_TYPE,
                    null, label, null, before, after, "Changed the " + label + ": " + String.join(", ", after.keySet())));
        }
        return List.copyOf(after.keySet());
    }
}
