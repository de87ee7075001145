package org.patchdesk.onboarding;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.users.UserService;

/**
 * Decides when the getting-started guide opens by itself, and records that it was done. The record
 * is the {@value #COMPLETED_KEY} row of the {@code setting} table: its value is the time, its
 * {@code updated_by} the user, and its audit entry is checked like other settings.
 */
public final class FirstRunService {

    public static final String COMPLETED_KEY = "firstrun.completed";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final UserService users;
    private final Clock clock;

    public FirstRunService(Jdbi jdbi, AuditLog auditLog, UserService users, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Returns true when the guide should open by itself after sign-in: the administrator account
     * exists, the guide was never finished or closed, and the inventory is empty. A database that
     * already contains devices, such as one from a version without the guide, is not new, so the guide
     * waits on the Help menu there.
     */
    public boolean guideDue() {
        if (!users.hasUsers()) {
            return false;
        }
        return jdbi.withHandle(handle -> completion(handle).isEmpty()
                && handle.createQuery("SELECT COUNT(*) FROM device").mapTo(Long.class).one() == 0);
    }

    /** Returns the time and user of the first completion, or empty when the guide was never done. */
    public Optional<FirstRunCompletion> completion() {
        return jdbi.withHandle(FirstRunService::completion);
    }

    private static Optional<FirstRunCompletion> completion(Handle handle) {
        return handle.createQuery("SELECT setting_value, updated_by FROM setting WHERE setting_key = :key")
                .bind("key", COMPLETED_KEY)
                .map((rs, ctx) -> new FirstRunCompletion(OffsetDateTime.parse(rs.getString("setting_value")), rs.getString("updated_by")))
                .findOne();
    }

    /**
     * Records that the actor finished or closed the guide, with one audit entry. When the guide was
     * done before, as when Help opens it again, the first record stays and nothing is written.
     * Returns the stored record.
     *
     * @throws IllegalStateException when the actor may not change records, such as an auditor
     */
    public FirstRunCompletion complete(Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbi.inTransaction(handle -> {
            Optional<FirstRunCompletion> earlier = completion(handle);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String value = now.toString();
            handle.createUpdate("MERGE INTO setting (setting_key, setting_value, updated_at, updated_by) KEY (setting_key)"
                    + " VALUES (:key, :value, :at, :by)").bind("key", COMPLETED_KEY).bind("value", value).bind("at", now)
                    .bind("by", actor.name()).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, SettingsService.RECORD_TYPE,
                    null, "getting-started guide", null, Map.of(), Map.of(COMPLETED_KEY, value), "Finished the getting-started guide"));
            return new FirstRunCompletion(now, actor.name());
        });
    }
}
