package org.patchdesk.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * The editable table of operating-system end-of-support dates, and the support state of devices
 * by the operating system they run. A device's operating system matches the entry whose name is
 * the longest whole-word beginning of its own: "Windows 10 IoT Enterprise LTSC 2021" matches that
 * entry, not "Windows 10", and "Windows 7 Professional" matches "Windows 7".
 */
public final class OsSupportService {

    public static final String RECORD_TYPE = "os_support";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public OsSupportService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A device whose operating system is past or near its end of support. */
    public record DeviceSupport(long deviceId, String assetTag, String osName, OsSupport support, OsSupport.State state) {
    }

    public List<OsSupport> list() {
        return jdbi.withHandle(OsSupportService::load);
    }

    /** Returns the entry that covers an operating system name as an inventory spells it. */
    public Optional<OsSupport> match(String osName) {
        return match(list(), osName);
    }

    /** Returns the entry of {@code entries} that covers an operating system name, for callers that match many names against one list. */
    public static Optional<OsSupport> match(List<OsSupport> entries, String osName) {
        if (osName == null || osName.isBlank()) {
            return Optional.empty();
        }
        String key = key(osName);
        return entries.stream()
                .filter(entry -> key.equals(entry.osKey()) || key.startsWith(entry.osKey() + " "))
                .max(Comparator.comparingInt(entry -> entry.osKey().length()));
    }

    /**
     * Returns the in-service devices whose operating system is past its end of support or reaches
     * it within 12 months, the unsupported ones first.
     */
    public List<DeviceSupport> devicesNeedingAttention() {
        LocalDate today = LocalDate.now(clock);
        return jdbi.withHandle(handle -> {
            List<OsSupport> entries = load(handle);
            Map<String, Optional<OsSupport>> byName = new HashMap<>();
            return handle.createQuery("SELECT id, asset_tag, os_name FROM device WHERE status <> 'RETIRED' AND os_name IS NOT NULL"
                            + " ORDER BY asset_tag_key")
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        String assetTag = rs.getString(2);
                        String osName = rs.getString(3);
                        Optional<OsSupport> support = byName.computeIfAbsent(osName, name -> match(entries, name));
                        return support.map(entry -> new DeviceSupport(id, assetTag, osName, entry, entry.stateOn(today))).orElse(null);
                    })
                    .stream()
                    .filter(device -> device != null && device.state() != OsSupport.State.SUPPORTED)
                    .sorted(Comparator.comparing(DeviceSupport::state))
                    .toList();
        });
    }

    /**
     * Adds or changes the end of support of an operating system.
     *
     * @throws IllegalArgumentException when the name or the source is missing, or paid support ends before the end of support
     */
    public OsSupport save(String osName, LocalDate endOfSupport, LocalDate paidSupportUntil, String source, Actor actor) {
        if (osName == null || osName.isBlank()) {
            throw new IllegalArgumentException("An operating system name is required");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A source is required for the end-of-support date, such as the vendor's lifecycle page");
        }
        if (endOfSupport == null) {
            throw new IllegalArgumentException("An end-of-support date is required");
        }
        if (paidSupportUntil != null && paidSupportUntil.isBefore(endOfSupport)) {
            throw new IllegalArgumentException("Paid support until " + paidSupportUntil + " is before the end of support " + endOfSupport);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String key = key(osName);
        return jdbi.inTransaction(handle -> {
            Optional<OsSupport> old = load(handle).stream().filter(entry -> entry.osKey().equals(key)).findFirst();
            if (old.isPresent()) {
                handle.createUpdate("UPDATE os_support SET os_name = :name, end_of_support = :end, paid_support_until = :paid,"
                                + " source = :source, changed_by = :by, changed_at = :at WHERE id = :id")
                        .bind("name", osName.strip()).bind("end", endOfSupport).bind("paid", paidSupportUntil).bind("source", source.strip())
                        .bind("by", actor.name()).bind("at", now).bind("id", old.get().id()).execute();
            } else {
                handle.createUpdate("INSERT INTO os_support (os_name, os_key, end_of_support, paid_support_until, source, changed_by,"
                                + " changed_at) VALUES (:name, :key, :end, :paid, :source, :by, :at)")
                        .bind("name", osName.strip()).bind("key", key).bind("end", endOfSupport).bind("paid", paidSupportUntil)
                        .bind("source", source.strip()).bind("by", actor.name()).bind("at", now).execute();
            }
            OsSupport saved = load(handle).stream().filter(entry -> entry.osKey().equals(key)).findFirst().orElseThrow();
            Map<String, String> before = old.map(OsSupportService::values).orElse(Map.of());
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), old.isPresent() ? AuditAction.UPDATE
                    : AuditAction.CREATE, RECORD_TYPE, saved.id(), saved.osName(), null, before, values(saved),
                    "End of support of " + saved.osName() + ": " + saved.endOfSupport()));
            return saved;
        });
    }

    private static Map<String, String> values(OsSupport entry) {
        Map<String, String> values = new HashMap<>();
        values.put("end_of_support", entry.endOfSupport().toString());
        if (entry.paidSupportUntil() != null) {
            values.put("paid_support_until", entry.paidSupportUntil().toString());
        }
        values.put("source", entry.source());
        return values;
    }

    private static List<OsSupport> load(Handle handle) {
        return handle.createQuery("SELECT id, os_name, os_key, end_of_support, paid_support_until, source FROM os_support ORDER BY os_key")
                .map((rs, ctx) -> new OsSupport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    static String key(String osName) {
        return osName.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
