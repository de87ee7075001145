package org.patchdesk.reports.packet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jdbi.v3.core.Handle;
import org.patchdesk.controls.VerificationState;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService.DevicePatchability;

/**
 * The lists of the audit packet, each read in the caller's transaction: the unpatchable devices
 * with their controls, the overdue findings, and the patch log and patch decisions of the range. Each returns its first
 * {@code limit} rows and the size of the whole list.
 */
final class PacketData {

    private final Handle handle;
    private final LocalDate today;
    private final ZoneId zone;
    private final int limit;

    PacketData(Handle handle, LocalDate today, ZoneId zone, int limit) {
        this.handle = handle;
        this.today = today;
        this.zone = zone;
        this.limit = limit;
    }

    /**
     * Lists the devices in service whose patchability is "patches prohibited or none available" or
     * "unsupported", devices without a verified control first, with their department and every
     * control that covers them directly or through a finding, with its verification state.
     */
    PacketTable unpatchable(List<DevicePatchability> devices) {
        List<DevicePatchability> unpatchable = devices.stream()
                .filter(device -> device.resolved().patchability() == Patchability.PROHIBITED_OR_NONE
                        || device.resolved().patchability() == Patchability.UNSUPPORTED)
                .toList();
        Map<Long, String> departments = new HashMap<>();
        handle.createQuery("SELECT id, department FROM device WHERE status <> 'RETIRED'")
                .map((rs, ctx) -> departments.put(rs.getLong(1), rs.getString(2))).forEach(ignored -> { });
        Map<Long, List<String>> controls = new HashMap<>();
        Map<Long, Boolean> verified = new HashMap<>();
        handle.createQuery("SELECT cd.device_id, c.id, c.title, ct.name AS type_name, c.verified_on, c.next_verification_on"
                        + " FROM compensating_control_device cd JOIN compensating_control c ON c.id = cd.control_id"
                        + " JOIN control_type ct ON ct.code = c.type_code"
                        + " UNION SELECT f.device_id, c.id, c.title, ct.name, c.verified_on, c.next_verification_on"
                        + " FROM compensating_control_finding cf JOIN finding f ON f.id = cf.finding_id"
                        + " JOIN compensating_control c ON c.id = cf.control_id JOIN control_type ct ON ct.code = c.type_code"
                        + " ORDER BY 1, 2")
                .map((rs, ctx) -> {
                    long deviceId = rs.getLong(1);
                    VerificationState state = VerificationState.of(rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), today);
                    controls.computeIfAbsent(deviceId, id -> new ArrayList<>())
                            .add(rs.getString(3) + " (" + rs.getString(4) + ", " + state.label() + ")");
                    verified.merge(deviceId, state == VerificationState.VERIFIED, Boolean::logicalOr);
                    return deviceId;
                }).forEach(ignored -> { });
        List<DevicePatchability> ordered = unpatchable.stream()
                .sorted(java.util.Comparator.comparing((DevicePatchability device) -> verified.getOrDefault(device.deviceId(), false)))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (DevicePatchability device : ordered.subList(0, Math.min(limit, ordered.size()))) {
            List<String> covering = controls.getOrDefault(device.deviceId(), List.of());
            rows.add(List.of(device.assetTag(), text(device.manufacturer()) + " " + text(device.model()),
                    text(departments.get(device.deviceId())), device.resolved().patchability().label(),
                    covering.isEmpty() ? "none" : String.join("\n", covering)));
        }
        return new PacketTable(rows, ordered.size());
    }

    /** Lists the open findings of devices in service whose due date is before today, most overdue first. */
    PacketTable overdueFindings() {
        String from = " FROM finding f JOIN device d ON d.id = f.device_id WHERE d.status <> 'RETIRED' AND f.status = 'open'"
                + " AND f.due_date < :today";
        long total = handle.createQuery("SELECT COUNT(*)" + from).bind("today", today).mapTo(Long.class).one();
        List<List<String>> rows = handle.createQuery("SELECT d.asset_tag, d.department, f.cve_id, f.decision, f.due_date, f.kev" + from
                        + " ORDER BY f.due_date, f.decision_rank DESC, f.priority DESC, d.asset_tag_key, f.cve_id LIMIT :limit")
                .bind("today", today).bind("limit", limit)
                .map((rs, ctx) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    Boolean kev = (Boolean) rs.getObject("kev");
                    String kevText = "not checked";
                    if (kev != null) {
                        kevText = kev ? "yes" : "no";
                    }
                    return List.of(rs.getString("asset_tag"), text(rs.getString("department")), rs.getString("cve_id"),
                            rs.getString("decision") == null ? "undecided" : rs.getString("decision"), due.toString(),
                            Long.toString(ChronoUnit.DAYS.between(due, today)), kevText);
                }).list();
        return new PacketTable(rows, total);
    }

    /** Lists the patch log entries performed from {@code start} until before {@code end}, oldest first. */
    PacketTable patchLog(OffsetDateTime start, OffsetDateTime end) {
        String from = " FROM patch_log_entry e WHERE e.performed_at >= :from AND e.performed_at < :to";
        long total = handle.createQuery("SELECT COUNT(*)" + from).bind("from", start).bind("to", end).mapTo(Long.class).one();
        List<List<String>> rows = handle.createQuery("SELECT e.asset_tag, e.update_applied, e.version_after, e.performed_at,"
                        + " e.performed_by, e.outcome, e.validated_on" + from + " ORDER BY e.performed_at, e.id LIMIT :limit")
                .bind("from", start).bind("to", end).bind("limit", limit)
                .map((rs, ctx) -> {
                    LocalDate performed = rs.getObject("performed_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    LocalDate validated = rs.getObject("validated_on", LocalDate.class);
                    return List.of(text(rs.getString("asset_tag")), text(rs.getString("update_applied")), text(rs.getString("version_after")),
                            performed.toString(), text(rs.getString("performed_by")), PatchOutcome.parse(rs.getString("outcome")).label(),
                            validated == null ? "" : Long.toString(Math.max(0, ChronoUnit.DAYS.between(validated, performed))));
                }).list();
        return new PacketTable(rows, total);
    }

    /**
     * Lists the decisions to deploy, defer or reject an update made from {@code start} until before
     * {@code end}, oldest first, with who approved them: the signer of an electronic signature with
     * their user name and roles, or the approver typed before PatchDesk had user accounts.
     */
    PacketTable patchDecisions(OffsetDateTime start, OffsetDateTime end) {
        String from = " FROM patch_decision d LEFT JOIN electronic_signature s ON s.id = d.signature_id"
                + " WHERE d.decided_at >= :from AND d.decided_at < :to";
        long total = handle.createQuery("SELECT COUNT(*)" + from).bind("from", start).bind("to", end).mapTo(Long.class).one();
        List<List<String>> rows = handle.createQuery("SELECT d.decided_at, d.asset_tag, d.product_name, d.update_name, d.decision,"
                        + " d.rationale, d.approver_name, d.approver_role, s.user_name, s.printed_name, s.signer_roles" + from
                        + " ORDER BY d.decided_at, d.id LIMIT :limit")
                .bind("from", start).bind("to", end).bind("limit", limit)
                .map((rs, ctx) -> {
                    LocalDate decided = rs.getObject("decided_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    String assetTag = rs.getString("asset_tag");
                    String product = rs.getString("product_name");
                    String subject = assetTag != null && product != null ? assetTag + " (" + product + ")"
                            : Objects.requireNonNullElse(assetTag, text(product));
                    String signer = rs.getString("user_name") == null
                            ? rs.getString("approver_name") + ", " + rs.getString("approver_role") + " (typed, not signed)"
                            : rs.getString("printed_name") + " (" + rs.getString("user_name") + "), " + rs.getString("signer_roles")
                                    + ", signed electronically";
                    String decision = PatchDecision.Choice.parse(rs.getString("decision")).word();
                    return List.of(decided.toString(), subject, text(rs.getString("update_name")),
                            decision.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + decision.substring(1), signer,
                            text(rs.getString("rationale")));
                }).list();
        return new PacketTable(rows, total);
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
