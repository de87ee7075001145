package org.patchdesk.reports.workbook;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.patchdesk.acceptance.AcceptanceReason;
import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.acceptance.RiskDecision;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditRecordTypes;
import org.patchdesk.audit.AuditRowMapper;
import org.patchdesk.audit.AuditTrail;
import org.patchdesk.controls.VerificationState;
import org.patchdesk.inventory.ClinicalCriticality;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceDao;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceRowMapper;
import org.patchdesk.inventory.export.InventoryExportService;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.ReviewFlag;
import org.patchdesk.users.Role;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.windows.CabStatus;
import org.patchdesk.windows.WindowStatus;
import org.patchdesk.windows.WindowType;

/**
 * The record sheets of the audit workbook, each read by one streamed query in the caller's
 * transaction. States, types, reasons and roles are written as the window shows them, such as
 * "Awaiting clinical approval", not as the words the database stores. Each method writes its sheet
 * and returns how many of its rows a control in the mapping counts apart, where it has such a
 * subset.
 */
final class RecordSheets {

    static final String INVENTORY = "Inventory";
    static final String FINDINGS = "Findings";
    static final String PATCH_LOG = "Patch log";
    static final String PATCH_WINDOWS = "Patch windows";
    static final String VENDOR_VALIDATIONS = "Vendor validations";
    static final String CONTROLS = "Compensating controls";
    static final String ACCEPTANCES = "Risk acceptances";
    static final String AUDIT_TRAIL = "Audit trail";

    static final List<String> FINDING_HEADERS = List.of("Rank", "Asset Tag", "Manufacturer", "Model", "Department", "Device Type",
            "CVE", "Title", "Status", "Decision", "Priority", "Due Date", "Days Overdue", "CVSS Version", "CVSS Score", "KEV",
            "KEV Due Date", "EPSS", "EPSS Percentile", "Exploitation", "Exposure", "Automatable", "Human Impact", "Controls Applied",
            "Held by Risk Acceptance", "Review", "First Found", "Status Changed", "Status Note");

    static final List<String> PATCH_LOG_HEADERS = List.of("Entry", "Asset Tag", "Manufacturer", "Model", "Department", "Update",
            "Version Before", "Version After", "Performed At", "Performed By", "Outcome", "Reason", "Fixes CVEs", "Closed Findings",
            "Patch Window", "Validation Request", "Validated On", "Days From Validation", "Notes", "Recorded By", "Recorded At");

    static final List<String> WINDOW_HEADERS = List.of("Window", "Title", "Starts", "Ends", "Department", "Location", "Type", "Status",
            "Devices", "Expected Downtime (min)", "Planned Actions", "Approved By", "Approver Role", "Approved At", "Approval Conditions",
            "Change Ticket", "CAB Status", "CAB Date", "Outcome", "Closed At", "Closed By", "Reschedules", "Approval History");

    static final List<String> REQUEST_HEADERS = List.of("Request", "Manufacturer", "Model", "Update", "CVE", "Requested On", "Contact",
            "Status", "Status Date", "Responded On", "Days to Response", "Vendor Reference", "Response Notes", "Follow-up On",
            "Uncontrolled Risk", "Manufacturer Learned On", "Advisory Released On", "Notes", "Created By");

    static final List<String> CONTROL_HEADERS = List.of("Control", "Type", "Title", "Description", "Owner", "Verified On",
            "Next Verification", "Verification", "Devices Covered", "Findings Covered", "Evidence Rule IDs", "Documents",
            "NIST SP 800-53", "CSF 2.0", "Lowers Exposure", "Updated At", "Updated By");

    static final List<String> ACCEPTANCE_HEADERS = List.of("Acceptance", "Title", "State", "Reason", "Reason Detail", "Replacement Date",
            "Risk Statement", "Likelihood", "Severity", "Decision", "Requested By", "Start", "End", "Months", "Devices", "Findings Named",
            "Findings Held", "Controls", "Required Roles", "Submitted At", "Decided At", "Activated On", "Ended On", "Ended By", "End Note", "Renews",
            "Signatures");

    /** The Inventory column that states whether a device's criticality is its own, its type's default or PatchDesk's fallback. */
    static final String CRITICALITY_SOURCE = "Criticality Source";
    /** The Inventory column with the end of support of the device's product and operating system. */
    static final String SUPPORT_STATUS = "Support Status";

    static final String OWN_CRITICALITY = "Device record";
    static final String TYPE_CRITICALITY = "Device type default";
    static final String FALLBACK_CRITICALITY = "PatchDesk fallback, none recorded";

    /** The Audit trail column with the plain name of the record type, beside the stored type that 'audit export' filters by. */
    static final String RECORD_KIND = "Record Kind";

    private final Handle handle;
    private final SheetWriter out;
    private final WorkbookRange range;
    private final LocalDate today;
    private final SupportStatus support;

    RecordSheets(Handle handle, SheetWriter out, WorkbookRange range, LocalDate today, SupportStatus support) {
        this.handle = handle;
        this.out = out;
        this.range = range;
        this.today = today;
        this.support = support;
    }

    /** Returns the Inventory's headers: the columns of the inventory export, then the criticality source and the support status. */
    static List<String> inventoryHeaders() {
        List<String> headers = new ArrayList<>(InventoryExportService.headers());
        headers.add(CRITICALITY_SOURCE);
        headers.add(SUPPORT_STATUS);
        return headers;
    }

    /**
     * Writes every device, of every status, in asset tag order, with the columns of the inventory
     * export, where the criticality comes from and the end of support of its product and operating
     * system. Returns how many devices not retired are past an end of support.
     */
    long inventory() {
        out.start(INVENTORY, inventoryHeaders());
        DeviceRowMapper devices = new DeviceRowMapper();
        long[] unsupported = new long[1];
        out.stream(handle.createQuery(DeviceDao.SELECT + " ORDER BY d.asset_tag_key"),
                (rs, ctx) -> {
                    Device device = devices.map(rs, ctx);
                    String osName = rs.getString("os_name");
                    Long productId = (Long) SheetWriter.number(rs, "product_id");
                    if (!"RETIRED".equals(rs.getString("status")) && support.pastEnd(osName, productId)) {
                        unsupported[0]++;
                    }
                    List<Object> row = InventoryExportService.cells(device);
                    row.add(criticalitySource(device));
                    row.add(support.describe(osName, productId));
                    return row;
                });
        return unsupported[0];
    }

    private static String criticalitySource(Device device) {
        if (device.values().get(DeviceField.CRITICALITY, ClinicalCriticality.class) != null) {
            return OWN_CRITICALITY;
        }
        return device.typeDefaults().criticality() != null ? TYPE_CRITICALITY : FALLBACK_CRITICALITY;
    }

    /**
     * Writes the open, mitigated and risk-accepted findings of devices not retired, in worklist
     * order, with the inputs of their SSVC decision. Returns how many are open.
     */
    long findings() {
        Map<Long, String> deviceControls = controlsBy("compensating_control_device", "device_id");
        Map<Long, String> findingControls = controlsBy("compensating_control_finding", "finding_id");
        Map<Long, String> holds = new HashMap<>();
        handle.createQuery("SELECT h.finding_id, LISTAGG(a.id || ': ' || a.title, '; ') WITHIN GROUP (ORDER BY a.id) AS held"
                        + " FROM risk_acceptance_hold h JOIN risk_acceptance a ON a.id = h.acceptance_id"
                        + " WHERE a.state = 'active' GROUP BY h.finding_id")
                .map((rs, ctx) -> holds.put(rs.getLong("finding_id"), rs.getString("held"))).forEach(ignored -> { });
        long[] counts = new long[2];
        out.start(FINDINGS, FINDING_HEADERS);
        out.stream(handle.createQuery("SELECT f.*, d.asset_tag, m.name AS manufacturer_name, d.model AS device_model,"
                        + " d.department AS device_department, t.name AS device_type_name, v.title AS vulnerability_title"
                        + " FROM finding f JOIN device d ON d.id = f.device_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
                        + " LEFT JOIN device_type t ON t.id = d.device_type_id LEFT JOIN vulnerability v ON v.cve_id = f.cve_id"
                        + " WHERE d.status <> 'RETIRED' AND f.status IN ('open', 'mitigated', 'risk_accepted')"
                        + " ORDER BY f.decision_rank DESC, f.priority DESC, f.due_date, d.asset_tag_key, f.cve_id"),
                (rs, ctx) -> {
                    long findingId = rs.getLong("id");
                    FindingStatus status = FindingStatus.fromStored(rs.getString("status"));
                    LocalDate due = SheetWriter.date(rs, "due_date");
                    if (status == FindingStatus.OPEN) {
                        counts[1]++;
                    }
                    List<Object> row = new ArrayList<>();
                    row.add(++counts[0]);
                    row.add(rs.getString("asset_tag"));
                    row.add(rs.getString("manufacturer_name"));
                    row.add(rs.getString("device_model"));
                    row.add(rs.getString("device_department"));
                    row.add(rs.getString("device_type_name"));
                    row.add(rs.getString("cve_id"));
                    row.add(rs.getString("vulnerability_title"));
                    row.add(status.word());
                    row.add(rs.getString("decision"));
                    row.add(SheetWriter.number(rs, "priority"));
                    row.add(due);
                    row.add(status == FindingStatus.OPEN && due != null && due.isBefore(today) ? ChronoUnit.DAYS.between(due, today) : null);
                    row.add(rs.getString("cvss_version"));
                    row.add(SheetWriter.number(rs, "cvss_score"));
                    String kev = SheetWriter.yesNo(rs, "kev");
                    row.add(kev == null ? "not checked" : kev);
                    row.add(SheetWriter.date(rs, "kev_due_date"));
                    row.add(SheetWriter.number(rs, "epss"));
                    row.add(SheetWriter.number(rs, "epss_percentile"));
                    row.add(rs.getString("exploitation"));
                    row.add(setByHand(rs.getString("exposure"), rs.getString("exposure_override")));
                    row.add(setByHand(rs.getString("automatable"), rs.getString("automatable_override")));
                    row.add(rs.getString("human_impact"));
                    row.add(joined(deviceControls.get(rs.getLong("device_id")), findingControls.get(findingId)));
                    row.add(holds.get(findingId));
                    ReviewFlag review = ReviewFlag.fromStored(rs.getString("review"));
                    row.add(review == ReviewFlag.NONE ? null : review.word());
                    row.add(out.time(rs, "first_found_at"));
                    row.add(out.time(rs, "status_changed_at"));
                    row.add(rs.getString("status_note"));
                    return row;
                });
        return counts[1];
    }

    /** Returns, per device or finding, the controls that cover it with their type and verification, as text. */
    private Map<Long, String> controlsBy(String table, String column) {
        Map<Long, String> controls = new HashMap<>();
        handle.createQuery("SELECT l." + column + " AS covered, c.id, c.title, ct.name AS type_name, c.verified_on, c.next_verification_on"
                        + " FROM " + table + " l JOIN compensating_control c ON c.id = l.control_id"
                        + " JOIN control_type ct ON ct.code = c.type_code ORDER BY l." + column + ", c.id")
                .map((rs, ctx) -> {
                    VerificationState state = VerificationState.of(SheetWriter.date(rs, "verified_on"),
                            SheetWriter.date(rs, "next_verification_on"), today);
                    String text = rs.getString("title") + " (" + rs.getString("type_name") + ", " + state.label() + ")";
                    controls.merge(rs.getLong("covered"), text, (first, second) -> first + "; " + second);
                    return text;
                }).forEach(ignored -> { });
        return controls;
    }

    private static String setByHand(String value, String override) {
        return value != null && override != null ? value + " (set by hand)" : value;
    }

    private static String joined(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    /** Writes the patch log entries performed within the range, oldest first. */
    void patchLog() {
        out.start(PATCH_LOG, PATCH_LOG_HEADERS);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT e.*, m.name AS manufacturer, d.model, d.department,"
                        + " (SELECT LISTAGG(c.cve_id, ';') WITHIN GROUP (ORDER BY c.cve_id) FROM patch_log_cve c WHERE c.entry_id = e.id)"
                        + " AS fixes, (SELECT LISTAGG(f.cve_id, ';') WITHIN GROUP (ORDER BY f.cve_id) FROM patch_log_finding l"
                        + " JOIN finding f ON f.id = l.finding_id WHERE l.entry_id = e.id) AS closed"
                        + " FROM patch_log_entry e LEFT JOIN device d ON d.id = e.device_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
                        + " WHERE e.performed_at >= :from AND e.performed_at < :to ORDER BY e.performed_at, e.id"), timeRange()),
                (rs, ctx) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong("id"));
                    row.add(rs.getString("asset_tag"));
                    row.add(rs.getString("manufacturer"));
                    row.add(rs.getString("model"));
                    row.add(rs.getString("department"));
                    row.add(rs.getString("update_applied"));
                    row.add(rs.getString("version_before"));
                    row.add(rs.getString("version_after"));
                    var performedAt = out.time(rs, "performed_at");
                    row.add(performedAt);
                    row.add(rs.getString("performed_by"));
                    row.add(PatchOutcome.parse(rs.getString("outcome")).word());
                    row.add(rs.getString("reason"));
                    row.add(SheetWriter.list(rs, "fixes"));
                    row.add(SheetWriter.list(rs, "closed"));
                    row.add(SheetWriter.number(rs, "patch_window_id"));
                    row.add(SheetWriter.number(rs, "validation_request_id"));
                    LocalDate validatedOn = SheetWriter.date(rs, "validated_on");
                    row.add(validatedOn);
                    row.add(validatedOn == null ? null : ChronoUnit.DAYS.between(validatedOn, performedAt.toLocalDate()));
                    row.add(rs.getString("notes"));
                    row.add(rs.getString("recorded_by"));
                    row.add(out.time(rs, "recorded_at"));
                    return row;
                });
    }

    /**
     * The windows of the Patch windows sheet: those that overlap the range, and those whose status
     * changed within it, such as a future window whose approval was declined.
     */
    private static final String WINDOWS_IN_RANGE = "((w.starts_at < :to AND w.ends_at >= :from) OR EXISTS (SELECT 1 FROM"
            + " patch_window_event e WHERE e.window_id = w.id AND e.occurred_at >= :from AND e.occurred_at < :to))";

    /** Writes the patch windows that overlap the range or changed status within it, by start time. */
    void patchWindows() {
        Map<Long, String> approvals = approvalHistory();
        out.start(PATCH_WINDOWS, WINDOW_HEADERS);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT w.*,"
                        + " (SELECT COUNT(*) FROM patch_window_device wd WHERE wd.window_id = w.id) AS devices,"
                        + " (SELECT SUM(wd.downtime_minutes) FROM patch_window_device wd WHERE wd.window_id = w.id) AS downtime"
                        + " FROM patch_window w WHERE " + WINDOWS_IN_RANGE + " ORDER BY w.starts_at, w.id"), timeRange()),
                (rs, ctx) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong("id"));
                    row.add(rs.getString("title"));
                    row.add(out.time(rs, "starts_at"));
                    row.add(out.time(rs, "ends_at"));
                    row.add(rs.getString("department"));
                    row.add(rs.getString("location"));
                    row.add(WindowType.fromWord(rs.getString("window_type")).label());
                    row.add(WindowStatus.fromWord(rs.getString("status")).label());
                    row.add(rs.getLong("devices"));
                    row.add(SheetWriter.number(rs, "downtime"));
                    row.add(rs.getString("planned_actions"));
                    row.add(rs.getString("approver_name"));
                    row.add(rs.getString("approver_role"));
                    row.add(out.time(rs, "approved_at"));
                    row.add(rs.getString("approval_conditions"));
                    row.add(rs.getString("change_ticket"));
                    String cab = rs.getString("cab_status");
                    row.add(cab == null ? null : CabStatus.fromWord(cab).label());
                    row.add(SheetWriter.date(rs, "cab_date"));
                    row.add(rs.getString("outcome_note"));
                    row.add(out.time(rs, "closed_at"));
                    row.add(rs.getString("closed_by"));
                    row.add(rs.getLong("reschedule_count"));
                    row.add(approvals.get(rs.getLong("id")));
                    return row;
                });
    }

    /**
     * Returns, per window, its approvals and declined approvals, oldest first, one line each: the
     * electronic signature with the signer's printed name, user name and roles, or the note of an
     * approval typed before PatchDesk had user accounts.
     */
    private Map<Long, String> approvalHistory() {
        Map<Long, String> history = new HashMap<>();
        handle.createQuery("SELECT e.window_id, e.occurred_at, e.from_status, e.to_status, e.note, s.user_name, s.printed_name,"
                        + " s.signer_roles, s.signed_at, s.meaning, s.comment FROM patch_window_event e"
                        + " LEFT JOIN electronic_signature s ON s.id = e.signature_id"
                        + " WHERE e.signature_id IS NOT NULL OR e.to_status = 'approved'"
                        + " OR (e.from_status = 'awaiting-approval' AND e.to_status = 'proposed')"
                        + " ORDER BY e.window_id, e.occurred_at, e.id")
                .map((rs, ctx) -> {
                    String text;
                    if (rs.getString("user_name") != null) {
                        String comment = rs.getString("comment");
                        String meaning = SignatureMeaning.fromWord(rs.getString("meaning")) == SignatureMeaning.REJECTED
                                ? "Approval declined" : "Approved";
                        text = SheetWriter.MINUTES.format(out.time(rs, "signed_at")) + " " + meaning + ", signed by "
                                + rs.getString("printed_name") + " (" + rs.getString("user_name") + ", " + rs.getString("signer_roles") + ")"
                                + (comment == null || comment.isBlank() ? "" : ": " + comment);
                    } else {
                        String note = rs.getString("note");
                        String change = "approved".equals(rs.getString("to_status")) ? "Approved" : "Approval declined";
                        // The notes of typed approvals start with the change itself: "Approved by Alicia Gomez (...)".
                        if (note != null && (note.startsWith("Approved") || note.startsWith("Approval"))) {
                            change = note;
                        } else if (note != null && !note.isBlank()) {
                            change = change + ": " + note;
                        }
                        text = SheetWriter.MINUTES.format(out.time(rs, "occurred_at")) + " " + change;
                    }
                    history.merge(rs.getLong("window_id"), text, (first, second) -> first + "\n" + second);
                    return text;
                }).forEach(ignored -> { });
        return history;
    }

    /** Writes the validation requests made by the range's last day that were open or closed during the range. */
    void vendorValidations() {
        out.start(VENDOR_VALIDATIONS, REQUEST_HEADERS);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT r.*, m.name AS manufacturer, p.model, c.name AS contact_name"
                        + " FROM validation_request r JOIN product p ON p.id = r.product_id JOIN manufacturer m ON m.id = p.manufacturer_id"
                        + " LEFT JOIN vendor_contact c ON c.id = r.contact_id"
                        + " WHERE r.requested_on <= :lastDay AND (r.status IN ('requested', 'acknowledged') OR r.status_on >= :firstDay)"
                        + " ORDER BY r.requested_on, r.id"), dayRange()),
                (rs, ctx) -> {
                    LocalDate requested = SheetWriter.date(rs, "requested_on");
                    LocalDate responded = SheetWriter.date(rs, "responded_on");
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong("id"));
                    row.add(rs.getString("manufacturer"));
                    row.add(rs.getString("model"));
                    row.add(rs.getString("update_name"));
                    row.add(rs.getString("cve_id"));
                    row.add(requested);
                    row.add(rs.getString("contact_name"));
                    row.add(RequestStatus.parse(rs.getString("status")).label());
                    row.add(SheetWriter.date(rs, "status_on"));
                    row.add(responded);
                    row.add(responded == null ? null : ChronoUnit.DAYS.between(requested, responded));
                    row.add(rs.getString("vendor_reference"));
                    row.add(rs.getString("response_notes"));
                    row.add(SheetWriter.date(rs, "follow_up_on"));
                    row.add(SheetWriter.yesNo(rs, "uncontrolled"));
                    row.add(SheetWriter.date(rs, "learned_on"));
                    row.add(SheetWriter.date(rs, "advisory_released_on"));
                    row.add(rs.getString("notes"));
                    row.add(rs.getString("created_by"));
                    return row;
                });
    }

    /** Writes every compensating control in its current state, with its coverage and the frameworks its type supports. */
    void controls() {
        out.start(CONTROLS, CONTROL_HEADERS);
        out.stream(handle.createQuery("SELECT c.*, ct.name AS type_name, ct.nist_800_53, ct.csf_subcategories, ct.lowers_exposure,"
                        + " (SELECT COUNT(*) FROM compensating_control_device cd WHERE cd.control_id = c.id) AS devices,"
                        + " (SELECT COUNT(*) FROM compensating_control_finding cf WHERE cf.control_id = c.id) AS findings,"
                        + " (SELECT COUNT(*) FROM compensating_control_document cc WHERE cc.control_id = c.id) AS documents"
                        + " FROM compensating_control c JOIN control_type ct ON ct.code = c.type_code ORDER BY c.id"),
                (rs, ctx) -> {
                    LocalDate verified = SheetWriter.date(rs, "verified_on");
                    LocalDate next = SheetWriter.date(rs, "next_verification_on");
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getLong("id"));
                    row.add(rs.getString("type_name"));
                    row.add(rs.getString("title"));
                    row.add(rs.getString("description"));
                    row.add(rs.getString("owner"));
                    row.add(verified);
                    row.add(next);
                    row.add(VerificationState.of(verified, next, today).label());
                    row.add(rs.getLong("devices"));
                    row.add(rs.getLong("findings"));
                    row.add(rs.getString("evidence_rule_ids"));
                    row.add(rs.getLong("documents"));
                    row.add(rs.getString("nist_800_53"));
                    row.add(rs.getString("csf_subcategories"));
                    row.add(SheetWriter.yesNo(rs, "lowers_exposure"));
                    row.add(out.time(rs, "updated_at"));
                    row.add(rs.getString("updated_by"));
                    return row;
                });
    }

    /**
     * Writes the risk acceptances past draft whose period overlaps the range, with every signature
     * given on them as text. Returns how many are active.
     */
    long acceptances() {
        Map<Long, String> signatures = new HashMap<>();
        handle.createQuery("SELECT l.acceptance_id, l.role, s.user_name, s.printed_name, s.signer_roles, s.signed_at, s.meaning, s.comment"
                        + " FROM risk_acceptance_signature l JOIN electronic_signature s ON s.id = l.signature_id"
                        + " ORDER BY l.acceptance_id, s.signed_at, s.id")
                .map((rs, ctx) -> {
                    String role = rs.getString("role");
                    String comment = rs.getString("comment");
                    String text = rs.getString("printed_name") + " (" + rs.getString("user_name") + ", " + rs.getString("signer_roles")
                            + ") " + rs.getString("meaning") + (role == null ? " as a review" : " for the role " + Role.parse(role).label()) + " on "
                            + SheetWriter.MINUTES.format(out.time(rs, "signed_at"))
                            + (comment == null || comment.isBlank() ? "" : ": " + comment);
                    signatures.merge(rs.getLong("acceptance_id"), text, (first, second) -> first + "\n" + second);
                    return text;
                }).forEach(ignored -> { });
        long[] active = new long[1];
        out.start(ACCEPTANCES, ACCEPTANCE_HEADERS);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT a.*,"
                        + " (SELECT COUNT(*) FROM risk_acceptance_device x WHERE x.acceptance_id = a.id) AS devices,"
                        + " (SELECT COUNT(*) FROM risk_acceptance_finding x WHERE x.acceptance_id = a.id) AS findings,"
                        + " (SELECT COUNT(*) FROM risk_acceptance_hold x WHERE x.acceptance_id = a.id) AS held,"
                        + " (SELECT LISTAGG(c.id || ': ' || c.title, '; ') WITHIN GROUP (ORDER BY c.id) FROM risk_acceptance_control x"
                        + " JOIN compensating_control c ON c.id = x.control_id WHERE x.acceptance_id = a.id) AS controls"
                        + " FROM risk_acceptance a WHERE a.state <> 'draft' AND a.start_date <= :lastDay"
                        + " AND COALESCE(a.ended_on, a.end_date) >= :firstDay ORDER BY a.start_date, a.id"), dayRange()),
                (rs, ctx) -> {
                    long id = rs.getLong("id");
                    AcceptanceState state = AcceptanceState.parse(rs.getString("state"));
                    if (state == AcceptanceState.ACTIVE) {
                        active[0]++;
                    }
                    List<Object> row = new ArrayList<>();
                    row.add(id);
                    row.add(rs.getString("title"));
                    row.add(state.label());
                    row.add(AcceptanceReason.parse(rs.getString("reason")).label());
                    row.add(rs.getString("reason_detail"));
                    row.add(SheetWriter.date(rs, "replacement_date"));
                    row.add(rs.getString("risk_statement"));
                    row.add(rs.getLong("likelihood"));
                    row.add(rs.getLong("severity"));
                    String decision = rs.getString("decision");
                    row.add(decision == null ? null : RiskDecision.parse(decision).label());
                    row.add(rs.getString("requester_name") + " (" + rs.getString("requester") + ")");
                    row.add(SheetWriter.date(rs, "start_date"));
                    row.add(SheetWriter.date(rs, "end_date"));
                    row.add(rs.getLong("duration_months"));
                    row.add(rs.getLong("devices"));
                    row.add(rs.getLong("findings"));
                    row.add(rs.getLong("held"));
                    row.add(rs.getString("controls"));
                    row.add(roleLabels(rs.getString("required_roles")));
                    row.add(out.time(rs, "submitted_at"));
                    row.add(out.time(rs, "decided_at"));
                    row.add(SheetWriter.date(rs, "activated_on"));
                    row.add(SheetWriter.date(rs, "ended_on"));
                    row.add(rs.getString("ended_by"));
                    row.add(rs.getString("end_note"));
                    row.add(SheetWriter.number(rs, "previous_id"));
                    row.add(signatures.get(id));
                    return row;
                });
        return active[0];
    }

    /** Returns the labels of the roles in a comma-separated list of role words, such as "HTM manager, InfoSec/CISO". */
    private static String roleLabels(String words) {
        if (words == null || words.isBlank()) {
            return null;
        }
        return Role.labels(ControlMapping.split(words).stream().map(Role::parse).toList());
    }

    /** Returns the Audit trail's headers: those of the audit trail export, with the record kind after the record type. */
    static List<String> auditHeaders() {
        List<String> headers = new ArrayList<>(AuditTrail.EXPORT_HEADERS);
        headers.add(headers.indexOf("Record Type") + 1, RECORD_KIND);
        return headers;
    }

    /**
     * Writes the audit entries made within the range, oldest first, with the columns of the audit
     * trail export and the plain name of each record type. Values are left as the entry recorded them.
     */
    void auditTrail() {
        out.start(AUDIT_TRAIL, auditHeaders());
        AuditRowMapper entries = new AuditRowMapper();
        int kindColumn = auditHeaders().indexOf(RECORD_KIND);
        out.stream(SheetWriter.bind(handle.createQuery("SELECT * FROM audit_entry WHERE occurred_at >= :from AND occurred_at < :to"
                        + " ORDER BY id"), timeRange()),
                (rs, ctx) -> {
                    AuditEntry entry = entries.map(rs, ctx);
                    List<Object> row = new ArrayList<>(AuditTrail.exportRow(entry, String.valueOf(rs.getString("entry_hash")), range.zone()));
                    row.add(kindColumn, AuditRecordTypes.label(entry.recordType()));
                    return row;
                });
    }

    /**
     * Counts the rows each record sheet would hold, with the same selections as the methods that
     * write them, and the subsets the control mapping counts apart: {@code openFindings},
     * {@code activeAcceptances} and {@code unsupportedDevices}. Reads in the caller's transaction and
     * writes nothing.
     */
    static Tally tally(Handle handle, WorkbookRange range, SupportStatus support) {
        Map<String, Object> times = Map.of("from", range.start(), "to", range.endExclusive());
        Map<String, Object> days = Map.of("firstDay", range.firstDay(), "lastDay", range.to());
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        rows.put(INVENTORY, count(handle, "SELECT COUNT(*) FROM device", Map.of()));
        rows.put(FINDINGS, count(handle, "SELECT COUNT(*) FROM finding f JOIN device d ON d.id = f.device_id"
                + " WHERE d.status <> 'RETIRED' AND f.status IN ('open', 'mitigated', 'risk_accepted')", Map.of()));
        rows.put(PATCH_LOG, count(handle, "SELECT COUNT(*) FROM patch_log_entry e WHERE e.performed_at >= :from AND e.performed_at < :to",
                times));
        rows.put(PATCH_WINDOWS, count(handle, "SELECT COUNT(*) FROM patch_window w WHERE " + WINDOWS_IN_RANGE, times));
        rows.put(VENDOR_VALIDATIONS, count(handle, "SELECT COUNT(*) FROM validation_request r JOIN product p ON p.id = r.product_id"
                + " JOIN manufacturer m ON m.id = p.manufacturer_id WHERE r.requested_on <= :lastDay"
                + " AND (r.status IN ('requested', 'acknowledged') OR r.status_on >= :firstDay)", days));
        rows.put(CONTROLS, count(handle, "SELECT COUNT(*) FROM compensating_control c JOIN control_type ct ON ct.code = c.type_code",
                Map.of()));
        String acceptances = "SELECT COUNT(*) FROM risk_acceptance a WHERE a.state <> 'draft' AND a.start_date <= :lastDay"
                + " AND COALESCE(a.ended_on, a.end_date) >= :firstDay";
        rows.put(ACCEPTANCES, count(handle, acceptances, days));
        rows.put(AUDIT_TRAIL, count(handle, "SELECT COUNT(*) FROM audit_entry WHERE occurred_at >= :from AND occurred_at < :to", times));
        long open = count(handle, "SELECT COUNT(*) FROM finding f JOIN device d ON d.id = f.device_id"
                + " WHERE d.status <> 'RETIRED' AND f.status = 'open'", Map.of());
        long active = count(handle, acceptances + " AND a.state = 'active'", days);
        long[] unsupported = new long[1];
        handle.createQuery("SELECT os_name, product_id FROM device WHERE status <> 'RETIRED'")
                .map((rs, ctx) -> support.pastEnd(rs.getString(1), (Long) SheetWriter.number(rs, "product_id")))
                .forEach(past -> unsupported[0] += past ? 1 : 0);
        EvidenceSheets.tally(handle, range, rows);
        return new Tally(rows, open, active, unsupported[0]);
    }

    /** The rows of each record sheet, by name, and the open findings, active acceptances and unsupported devices among them. */
    record Tally(Map<String, Long> rows, long openFindings, long activeAcceptances, long unsupportedDevices) {
    }

    private static long count(Handle handle, String sql, Map<String, Object> bindings) {
        return handle.createQuery(sql).bindMap(bindings).mapTo(Long.class).one();
    }

    private Map<String, Object> timeRange() {
        return Map.of("from", range.start(), "to", range.endExclusive());
    }

    private Map<String, Object> dayRange() {
        return Map.of("firstDay", range.firstDay(), "lastDay", range.to());
    }
}
