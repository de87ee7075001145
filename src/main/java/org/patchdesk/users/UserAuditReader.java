package org.patchdesk.users;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;
import org.patchdesk.audit.StoredInstants;

/**
 * Reads user accounts for the audit check: user name, full name, department, roles and the active
 * flag. Password hashes are never read. An entry of a password change records when it changed, and
 * that time is compared with the account's, so a password set outside PatchDesk is caught only
 * when its writer also left the time alone.
 *
 * <p>Copying the site's accounts into the demo database ({@link UserService#copyAccounts}) adds and
 * changes accounts under one entry without a record id, which records no account's values. This
 * reader passes that entry one record without an id. An account without entries of its own is
 * reported only while no copy happened. For the full name, department, roles and active flag that
 * entries recorded before the newest copy, the account's current values are expected.
 */
public final class UserAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("user_name", "full_name", "department", "roles", "active");
    private static final Set<String> COPIED_FIELDS = Set.of("full_name", "department", "roles", "active");
    private static final String PASSWORD_CHANGED_AT = "password_changed_at";

    @Override
    public String recordType() {
        return UserService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    /** Compares the time of a password change too, once an entry recorded one. */
    @Override
    public boolean compares(String field) {
        return FIELDS.contains(field) || PASSWORD_CHANGED_AT.equals(field);
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        if (newestCopy(handle) > 0) {
            sink.accept(new CurrentRecord(null, "accounts", Map.of()));
            Set<Long> audited = new HashSet<>(handle.createQuery("SELECT DISTINCT record_id FROM audit_entry"
                    + " WHERE record_type = :type AND record_id IS NOT NULL").bind("type", recordType()).mapTo(Long.class).list());
            accounts(handle).values().stream().filter(account -> audited.contains(account.id())).forEach(sink);
        } else {
            accounts(handle).values().forEach(sink);
        }
    }

    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        if (!values.containsKey(PASSWORD_CHANGED_AT)) {
            return values;
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        result.put(PASSWORD_CHANGED_AT, StoredInstants.asStored(values.get(PASSWORD_CHANGED_AT)));
        return result;
    }

    /** Takes the copied fields that an entry before the newest copy recorded as the account has them now. */
    @Override
    public RecordedValueAdjuster adjuster(Handle handle) {
        long copy = newestCopy(handle);
        if (copy == 0) {
            return RecordedValueAdjuster.NONE;
        }
        Map<Long, Long> accountOfEntry = new HashMap<>();
        handle.createQuery("SELECT id, record_id FROM audit_entry WHERE record_type = :type AND record_id IS NOT NULL AND id < :copy")
                .bind("type", recordType()).bind("copy", copy)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(entry -> accountOfEntry.put(entry.getKey(), entry.getValue()));
        Map<Long, CurrentRecord> accounts = accounts(handle);
        return (field, value, entryId) -> {
            if (entryId > copy || !COPIED_FIELDS.contains(field)) {
                return value;
            }
            CurrentRecord account = accounts.get(accountOfEntry.get(entryId));
            return account == null ? value : account.values().get(field);
        };
    }

    /** Returns the id of the newest entry of an account copy, or 0 when accounts were never copied. */
    private long newestCopy(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry WHERE record_type = :type AND record_id IS NULL")
                .bind("type", recordType()).mapTo(Long.class).one();
    }

    /** Reads every account in the form the entries record it, by id in ascending order. */
    private static Map<Long, CurrentRecord> accounts(Handle handle) {
        Map<Long, Set<Role>> roles = new HashMap<>();
        handle.createQuery("SELECT user_id, role FROM user_role")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Role.parse(rs.getString(2))))
                .forEach(entry -> roles.computeIfAbsent(entry.getKey(), id -> EnumSet.noneOf(Role.class)).add(entry.getValue()));
        Map<Long, CurrentRecord> accounts = new LinkedHashMap<>();
        handle.createQuery("SELECT id, user_name, full_name, department, active, password_changed_at FROM user_account ORDER BY id")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("user_name", rs.getString("user_name"));
                    values.put("full_name", rs.getString("full_name"));
                    values.put("department", rs.getString("department"));
                    values.put("roles", roles.getOrDefault(id, Set.of()).stream().sorted().map(Role::word)
                            .collect(Collectors.joining(", ")));
                    values.put("active", String.valueOf(rs.getBoolean("active")));
                    values.put(PASSWORD_CHANGED_AT, rs.getObject(PASSWORD_CHANGED_AT, OffsetDateTime.class).toInstant().toString());
                    return new CurrentRecord(id, rs.getString("user_name"), values);
                })
                .forEach(account -> accounts.put(account.id(), account));
        return accounts;
    }
}
