package org.patchdesk.windows;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.risk.SettingDao;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.users.AccountWriteCheck;

/**
 * The rules patch windows are checked against: each department's blackout periods and minimum
 * in-service counts per device type, and whether a window needs an approved change before it can
 * be completed.
 */
public final class WindowRules {

    public static final String REQUIRE_APPROVED_CHANGE = "windows.require_approved_change";
    static final String BLACKOUT_RECORD = "department_blackout";
    static final String MINIMUM_RECORD = "department_minimum";

    /** A device type a minimum can be set for. */
    public record TypeChoice(long id, String name) {
    }

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public WindowRules(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public List<Blackout> blackouts() {
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).blackouts().stream().map(WindowRules::blackout).toList());
    }

    /**
     * Adds a blackout period for a department.
     *
     * @throws IllegalArgumentException when the department or reason is missing or the period ends before it starts
     */
    public long addBlackout(String department, Instant startsAt, Instant endsAt, boolean weekly, String reason, Actor actor) {
        String name = WindowService.blankToNull(department);
        if (name == null) {
            throw new IllegalArgumentException("Enter the department the blackout applies to");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A blackout must end after it starts");
        }
        if (weekly && endsAt.isAfter(startsAt.plus(java.time.Duration.ofDays(7)))) {
            throw new IllegalArgumentException("A weekly blackout cannot be longer than a week");
        }
        String why = WindowService.blankToNull(reason);
        if (why == null) {
            throw new IllegalArgumentException("Enter the reason for the blackout, such as the annual survey or the OR schedule");
        }
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            long id = handle.attach(WindowDao.class).insertBlackout(name, Departments.key(name), startsAt.atOffset(ZoneOffset.UTC),
                    endsAt.atOffset(ZoneOffset.UTC), weekly, why);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.CREATE, BLACKOUT_RECORD, id, name,
                    null, null, Map.of("starts_at", startsAt.toString(), "ends_at", endsAt.toString(), "weekly", String.valueOf(weekly),
                    "reason", why), "Blackout for " + name + (weekly ? ", every week" : "")));
            return id;
        });
    }

    public void removeBlackout(Blackout blackout, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            if (handle.attach(WindowDao.class).deleteBlackout(blackout.id()) == 1) {
                auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.DELETE, BLACKOUT_RECORD,
                        blackout.id(), blackout.department(), null, Map.of("starts_at", blackout.startsAt().toString(), "ends_at",
                        blackout.endsAt().toString(), "weekly", String.valueOf(blackout.weekly()), "reason", blackout.reason()), null,
                        "Removed blackout for " + blackout.department()));
            }
        });
    }

    public List<MinimumInService> minimums() {
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).minimums().stream()
                .map(row -> new MinimumInService(row.department(), row.deviceTypeId(), row.deviceType(), row.minimum())).toList());
    }

    /**
     * Sets how many devices of a type a department keeps in service.
     *
     * @throws IllegalArgumentException when the department is missing or the count is negative
     */
    public void setMinimum(String department, long deviceTypeId, int minimum, Actor actor) {
        String name = WindowService.blankToNull(department);
        if (name == null) {
            throw new IllegalArgumentException("Enter the department the minimum applies to");
        }
        if (minimum < 0) {
            throw new IllegalArgumentException("The minimum in service cannot be negative (" + minimum + ")");
        }
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            WindowDao dao = handle.attach(WindowDao.class);
            String key = Departments.key(name);
            Map<String, String> old = dao.minimum(key, deviceTypeId).map(row -> Map.of("minimum", String.valueOf(row.minimum())))
                    .orElse(Map.of());
            dao.putMinimum(name, key, deviceTypeId, minimum);
            String type = dao.minimum(key, deviceTypeId).map(WindowDao.MinimumRow::deviceType).orElse("type " + deviceTypeId);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), old.isEmpty() ? AuditAction.CREATE
                    : AuditAction.UPDATE, MINIMUM_RECORD, deviceTypeId, name + ": " + type, null, old,
                    Map.of("minimum", String.valueOf(minimum)), "Keep at least " + minimum + " " + type + " in service in " + name));
        });
    }

    public void removeMinimum(MinimumInService minimum, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            if (handle.attach(WindowDao.class).deleteMinimum(Departments.key(minimum.department()), minimum.deviceTypeId()) == 1) {
                auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.DELETE, MINIMUM_RECORD,
                        minimum.deviceTypeId(), minimum.department() + ": " + minimum.deviceType(), null,
                        Map.of("minimum", String.valueOf(minimum.minimum())), null, "Removed minimum in service"));
            }
        });
    }

    /** Lists the device types of the inventory by name. */
    public List<TypeChoice> deviceTypes() {
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).deviceTypes());
    }

    /** Tells whether a window can be completed only when its change ticket is approved by the CAB. */
    public boolean requiresApprovedChange() {
        return jdbi.withHandle(this::requiresApprovedChange);
    }

    boolean requiresApprovedChange(Handle handle) {
        return Boolean.parseBoolean(handle.attach(SettingDao.class).all().getOrDefault(REQUIRE_APPROVED_CHANGE, "false"));
    }

    /**
     * Returns why the actor may not change whether windows need an approved change, or empty when
     * they may: once accounts exist, any active user who is not only an auditor may.
     */
    public Optional<String> changeRejection(Actor actor) {
        return jdbi.withHandle(handle -> AccountWriteCheck.rejection(handle, actor))
                .map(reason -> "Any user but an auditor can change the patch window rules. " + reason);
    }

    public void setRequiresApprovedChange(boolean required, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            boolean old = requiresApprovedChange(handle);
            if (old == required) {
                return;
            }
            handle.attach(SettingDao.class).put(REQUIRE_APPROVED_CHANGE, String.valueOf(required), now, actor.name());
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, SettingsService.RECORD_TYPE, null,
                    REQUIRE_APPROVED_CHANGE, null, Map.of("value", String.valueOf(old)), Map.of("value", String.valueOf(required)),
                    required ? "Windows need an approved change to be completed" : "Windows no longer need an approved change"));
        });
    }

    static Blackout blackout(WindowDao.BlackoutRow row) {
        return new Blackout(row.id(), row.department(), row.startsAt().toInstant(), row.endsAt().toInstant(), row.weekly(), row.reason());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
