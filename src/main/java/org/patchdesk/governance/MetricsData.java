package org.patchdesk.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.controls.VerificationState;

/**
 * The records the metrics are computed from, read once in one transaction so that a report for the
 * site and one for each department agree with each other.
 */
final class MetricsData {

    /**
     * A device with the fields the metrics look at. {@code retiredOn} is null for a device in
     * service, and {@code criticality} is the device's own, else its device type's default.
     */
    record DeviceFacts(long id, String department, boolean retired, LocalDate retiredOn, Long productId, String networked,
                       String softwareVersion, String criticality) {

        boolean inDepartment(String name) {
            return name == null || (department != null && department.strip().equalsIgnoreCase(name));
        }

        boolean inService() {
            return !retired;
        }
    }

    /** A validated validation request: the vendor validated an update of the product on {@code validatedOn}. */
    record ValidatedRequest(long id, long productId, LocalDate validatedOn) {
    }

    /** A patch log entry; {@code deviceId} is null once the device was deleted. */
    record LogEntry(long id, Long deviceId, Long requestId, String update, String outcome, LocalDate performedOn, LocalDate validatedOn) {

        boolean installed() {
            return "installed".equals(outcome);
        }
    }

    record FindingFacts(long id, long deviceId, String status, LocalDate statusChangedOn, LocalDate dueDate, String decision,
                        boolean kev) {
    }

    record AcceptanceFacts(long id, String state, LocalDate endDate, Set<Long> deviceIds) {
    }

    /** A validation request; {@code respondedOn} is the response date, else the first day the request was acknowledged, validated or rejected, else null. */
    record RequestFacts(long id, long productId, String manufacturer, String status, LocalDate requestedOn, LocalDate followUpOn,
                        LocalDate respondedOn) {

        boolean open() {
            return "requested".equals(status) || "acknowledged".equals(status);
        }
    }

    final List<DeviceFacts> devices = new ArrayList<>();
    final Map<Long, DeviceFacts> devicesById = new HashMap<>();
    final List<ValidatedRequest> validatedRequests = new ArrayList<>();
    final List<LogEntry> logEntries = new ArrayList<>();
    final List<FindingFacts> findings = new ArrayList<>();
    final List<AcceptanceFacts> acceptances = new ArrayList<>();
    final List<RequestFacts> requests = new ArrayList<>();
    /** Devices covered by a control verified on the report's day, directly or through one of their findings. */
    final Set<Long> devicesWithVerifiedControl = new HashSet<>();

    static MetricsData load(Handle handle, ZoneId zone, LocalDate today) {
        MetricsData data = new MetricsData();
        data.loadDevices(handle);
        data.loadRequests(handle);
        data.loadLog(handle, zone);
        data.loadFindings(handle, zone);
        data.loadControls(handle, today);
        data.loadAcceptances(handle);
        return data;
    }

    private void loadDevices(Handle handle) {
        handle.createQuery("SELECT d.id, d.department, d.status, d.status_changed_on, d.product_id, d.networked, d.software_version,"
                        + " COALESCE(d.criticality, t.default_criticality) AS criticality"
                        + " FROM device d LEFT JOIN device_type t ON t.id = d.device_type_id ORDER BY d.id")
                .map((rs, ctx) -> {
                    boolean retired = "RETIRED".equals(rs.getString("status"));
                    return new DeviceFacts(rs.getLong("id"), rs.getString("department"), retired,
                            retired ? rs.getObject("status_changed_on", LocalDate.class) : null, (Long) rs.getObject("product_id"),
                            rs.getString("networked"), rs.getString("software_version"), rs.getString("criticality"));
                })
                .forEach(device -> {
                    devices.add(device);
                    devicesById.put(device.id(), device);
                });
    }

    private void loadRequests(Handle handle) {
        handle.createQuery("SELECT r.id, r.product_id, m.name, r.status, r.status_on, r.requested_on, r.follow_up_on, r.responded_on,"
                        + " (SELECT MIN(c.status_on) FROM validation_status_change c WHERE c.request_id = r.id"
                        + " AND c.status IN ('acknowledged', 'validated', 'rejected')) AS answered_on"
                        + " FROM validation_request r JOIN product p ON p.id = r.product_id JOIN manufacturer m ON m.id = p.manufacturer_id"
                        + " ORDER BY r.id")
                .map((rs, ctx) -> {
                    LocalDate responded = rs.getObject("responded_on", LocalDate.class);
                    if (responded == null) {
                        responded = rs.getObject("answered_on", LocalDate.class);
                    }
                    String status = rs.getString("status");
                    if ("validated".equals(status)) {
                        validatedRequests.add(new ValidatedRequest(rs.getLong("id"), rs.getLong("product_id"),
                                rs.getObject("status_on", LocalDate.class)));
                    }
                    return new RequestFacts(rs.getLong("id"), rs.getLong("product_id"), rs.getString("name"), status,
                            rs.getObject("requested_on", LocalDate.class), rs.getObject("follow_up_on", LocalDate.class), responded);
                })
                .forEach(requests::add);
    }

    private void loadLog(Handle handle, ZoneId zone) {
        handle.createQuery("SELECT id, device_id, validation_request_id, update_applied, outcome, performed_at, validated_on"
                        + " FROM patch_log_entry ORDER BY id")
                .map((rs, ctx) -> new LogEntry(rs.getLong("id"), (Long) rs.getObject("device_id"),
                        (Long) rs.getObject("validation_request_id"), rs.getString("update_applied"), rs.getString("outcome"),
                        day(rs.getObject("performed_at", OffsetDateTime.class), zone), rs.getObject("validated_on", LocalDate.class)))
                .forEach(logEntries::add);
    }

    private void loadFindings(Handle handle, ZoneId zone) {
        handle.createQuery("SELECT id, device_id, status, status_changed_at, due_date, decision, kev FROM finding ORDER BY id")
                .map((rs, ctx) -> new FindingFacts(rs.getLong("id"), rs.getLong("device_id"), rs.getString("status"),
                        day(rs.getObject("status_changed_at", OffsetDateTime.class), zone), rs.getObject("due_date", LocalDate.class),
                        rs.getString("decision"), Boolean.TRUE.equals(rs.getObject("kev", Boolean.class))))
                .forEach(findings::add);
    }

    private void loadControls(Handle handle, LocalDate today) {
        handle.createQuery("SELECT c.verified_on, c.next_verification_on, cd.device_id FROM compensating_control c"
                        + " JOIN compensating_control_device cd ON cd.control_id = c.id"
                        + " UNION ALL SELECT c.verified_on, c.next_verification_on, f.device_id FROM compensating_control c"
                        + " JOIN compensating_control_finding cf ON cf.control_id = c.id JOIN finding f ON f.id = cf.finding_id")
                .map((rs, ctx) -> VerificationState.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), today)
                        == VerificationState.VERIFIED ? rs.getLong(3) : null)
                .forEach(deviceId -> {
                    if (deviceId != null) {
                        devicesWithVerifiedControl.add(deviceId);
                    }
                });
    }

    private void loadAcceptances(Handle handle) {
        Map<Long, Set<Long>> scope = new HashMap<>();
        handle.createQuery("SELECT acceptance_id, device_id FROM risk_acceptance_device"
                        + " UNION SELECT af.acceptance_id, f.device_id FROM risk_acceptance_finding af JOIN finding f ON f.id = af.finding_id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(link -> scope.computeIfAbsent(link.getKey(), key -> new HashSet<>()).add(link.getValue()));
        handle.createQuery("SELECT id, state, end_date FROM risk_acceptance ORDER BY id")
                .map((rs, ctx) -> new AcceptanceFacts(rs.getLong(1), rs.getString(2).toLowerCase(Locale.ROOT),
                        rs.getObject(3, LocalDate.class), scope.getOrDefault(rs.getLong(1), Set.of())))
                .forEach(acceptances::add);
    }

    /** Returns the departments of the in-service devices, as first spelled, ignoring case and blanks, sorted. */
    List<String> departments() {
        Map<String, String> byKey = new java.util.TreeMap<>();
        for (DeviceFacts device : devices) {
            if (device.inService() && device.department() != null && !device.department().isBlank()) {
                byKey.putIfAbsent(device.department().strip().toLowerCase(Locale.ROOT), device.department().strip());
            }
        }
        return List.copyOf(byKey.values());
    }

    private static LocalDate day(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    }
}
