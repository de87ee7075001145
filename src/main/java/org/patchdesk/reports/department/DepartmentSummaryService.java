package org.patchdesk.reports.department;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.acceptance.RiskAcceptance;
import org.patchdesk.acceptance.RiskAcceptanceService;
import org.patchdesk.controls.ControlCoverage;
import org.patchdesk.controls.CoveringControl;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.controls.VerificationState;
import org.patchdesk.planning.OsSupport;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.planning.ProductSupportService;
import org.patchdesk.reports.department.DepartmentSummary.AffectedDevice;
import org.patchdesk.reports.department.DepartmentSummary.HighPriorityFinding;
import org.patchdesk.reports.department.DepartmentSummary.PendingAcceptance;
import org.patchdesk.reports.department.DepartmentSummary.SupportEnding;
import org.patchdesk.reports.department.DepartmentSummary.UpcomingWindow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.users.Role;
import org.patchdesk.windows.Departments;
import org.patchdesk.windows.PatchWindow;
import org.patchdesk.windows.WindowDevice;
import org.patchdesk.windows.WindowService;
import org.patchdesk.windows.WindowStatus;

/**
 * Gathers the leadership summary of one department: its patch windows of the coming days, the open
 * high-priority findings of its devices with what is planned about each, and the decisions that
 * wait for clinical leadership. Departments are compared as the window rules compare them: case,
 * outer spaces and runs of spaces do not matter. It only reads.
 */
public final class DepartmentSummaryService {

    /** The days, today included, whose patch windows a summary lists by default. */
    public static final int DEFAULT_HORIZON_DAYS = 30;
    /** The maximum horizon a summary accepts, in days: a year. */
    public static final int MAX_HORIZON_DAYS = 366;

    private static final DateTimeFormatter PLAN_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    /** The acceptance states in which an acceptance counts as the plan for a finding in its scope. */
    private static final Set<AcceptanceState> PLANNING_STATES = EnumSet.of(AcceptanceState.SUBMITTED, AcceptanceState.APPROVED,
            AcceptanceState.ACTIVE);

    private final Jdbi jdbi;
    private final WindowService windows;
    private final RiskAcceptanceService acceptances;
    private final OsSupportService osSupport;
    private final ProductSupportService productSupport;
    private final Clock clock;

    public DepartmentSummaryService(Jdbi jdbi, WindowService windows, RiskAcceptanceService acceptances, OsSupportService osSupport,
                                    ProductSupportService productSupport, Clock clock) {
        this.jdbi = jdbi;
        this.windows = windows;
        this.acceptances = acceptances;
        this.osSupport = osSupport;
        this.productSupport = productSupport;
        this.clock = clock;
    }

    /** Lists the departments named in the inventory, each once, by name. */
    public List<String> departments() {
        return windows.departments();
    }

    /**
     * Gathers the summary of a department for today, listing the patch windows of the next
     * {@code horizonDays} days, today included.
     *
     * @throws IllegalArgumentException when no device names the department, listing those that do, or the horizon is not 1 to
     *                                  {@value #MAX_HORIZON_DAYS} days
     */
    public DepartmentSummary summarize(String department, int horizonDays) {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("The summary covers 1 to " + MAX_HORIZON_DAYS + " days, not " + horizonDays);
        }
        String name = knownDepartment(department);
        String key = Departments.key(name);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Instant horizonEnd = today.plusDays(horizonDays).atStartOfDay(zone).toInstant();

        Map<Long, String> devices = departmentDevices(key);
        List<PatchWindow> open = openWindows(now);
        List<UpcomingWindow> touching = open.stream().map(window -> upcoming(window, key, zone)).filter(window -> window != null).toList();
        List<UpcomingWindow> inHorizon = touching.stream().filter(window -> window.start().toInstant().isBefore(horizonEnd)).toList();
        List<UpcomingWindow> awaiting = touching.stream().filter(window -> window.status() == WindowStatus.AWAITING_APPROVAL).toList();

        List<RiskAcceptance> allAcceptances = acceptances.list(null);
        List<HighPriorityFinding> findings = findings(key, today, open, allAcceptances);
        List<PendingAcceptance> pending = pendingAcceptances(devices, allAcceptances);

        List<SupportEnding> ending = new ArrayList<>();
        Set<Long> unsupported = new HashSet<>();
        supportOf(devices, ending, unsupported);
        return new DepartmentSummary(name, today, horizonDays, ZonedDateTime.now(clock), devices.size(), inHorizon, findings, awaiting,
                pending, ending, unsupported.size());
    }

    private String knownDepartment(String department) {
        String key = Departments.key(department);
        List<String> known = departments();
        return known.stream().filter(name -> Departments.key(name).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException((key.isEmpty() ? "A department is required"
                        : "No device in the inventory has the department '" + department.strip() + "'")
                        + (known.isEmpty() ? "; the inventory names no department yet" : "; known departments: " + String.join(", ", known))));
    }

    /** Returns the asset tags of the department's devices that are not retired, by device id. */
    private Map<Long, String> departmentDevices(String key) {
        Map<Long, String> devices = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT d.id, d.asset_tag FROM device d WHERE d.status <> 'RETIRED' AND "
                        + Departments.SQL_DEVICE_KEY + " = :key ORDER BY d.asset_tag_key")
                .bind("key", key)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(entry -> devices.put(entry.getKey(), entry.getValue())));
        return devices;
    }

    /** Lists the windows that are not completed or cancelled and have not ended, of every department, earliest first. */
    private List<PatchWindow> openWindows(Instant now) {
        Instant far = LocalDate.of(9999, 1, 1).atStartOfDay(clock.getZone()).toInstant();
        return windows.between(now, far).stream().filter(window -> window.status().isOpen()).toList();
    }

    /**
     * Returns the window with the department's devices only, or null when it does not touch the department.
     * A window touches it when it is planned for the department or contains one of its devices; a
     * device without a department counts for the department its window is planned for.
     */
    private static UpcomingWindow upcoming(PatchWindow window, String key, ZoneId zone) {
        boolean plannedHere = Departments.key(window.department()).equals(key);
        List<AffectedDevice> devices = new ArrayList<>();
        for (WindowDevice device : window.devices()) {
            String deviceKey = Departments.key(device.department());
            if (deviceKey.equals(key) || (deviceKey.isEmpty() && plannedHere)) {
                devices.add(new AffectedDevice(device.deviceId(), device.assetTag(), device.deviceType(), device.downtimeMinutes()));
            }
        }
        if (!plannedHere && devices.isEmpty()) {
            return null;
        }
        return new UpcomingWindow(window.id(), window.title(), window.startsAt().atZone(zone), window.endsAt().atZone(zone),
                window.department(), window.type(), window.status(), window.approval(), window.decline(), devices,
                window.devices().size());
    }

    private record FindingRow(long id, long deviceId, String assetTag, String deviceType, String manufacturer, String model, String cveId,
                              String title, String decision, boolean kev, String exploitation, LocalDate dueDate) {
    }

    private List<HighPriorityFinding> findings(String key, LocalDate today, List<PatchWindow> open, List<RiskAcceptance> allAcceptances) {
        Map<Long, PatchWindow> nextWindow = new HashMap<>();
        for (PatchWindow window : open) {
            for (WindowDevice device : window.devices()) {
                nextWindow.putIfAbsent(device.deviceId(), window);
            }
        }
        List<RiskAcceptance> planning = allAcceptances.stream().filter(acceptance -> PLANNING_STATES.contains(acceptance.storedState()))
                .toList();
        return jdbi.withHandle(handle -> {
            ControlCoverage coverage = ControlCoverage.load(handle);
            List<FindingRow> rows = handle.createQuery("SELECT f.id, f.device_id, d.asset_tag, t.name, m.name, d.model, f.cve_id, v.title,"
                            + " f.decision, f.kev, f.exploitation, f.due_date FROM finding f JOIN device d ON d.id = f.device_id"
                            + " LEFT JOIN device_type t ON t.id = d.device_type_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
                            + " LEFT JOIN vulnerability v ON v.cve_id = f.cve_id"
                            + " WHERE f.status = 'open' AND f.decision IN (:immediate, :outOfCycle) AND d.status <> 'RETIRED'"
                            + " AND " + Departments.SQL_DEVICE_KEY + " = :key"
                            + " ORDER BY CASE WHEN f.kev THEN 0 ELSE 1 END, f.decision_rank DESC, f.priority DESC, f.due_date,"
                            + " d.asset_tag_key, f.cve_id")
                    .bind("immediate", Decision.IMMEDIATE.word())
                    .bind("outOfCycle", Decision.OUT_OF_CYCLE.word())
                    .bind("key", key)
                    .map((rs, ctx) -> new FindingRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11),
                            rs.getObject(12, LocalDate.class)))
                    .list();
            List<HighPriorityFinding> findings = new ArrayList<>(rows.size());
            for (FindingRow row : rows) {
                List<String> plans = new ArrayList<>();
                PatchWindow window = nextWindow.get(row.deviceId());
                if (window != null) {
                    plans.add("Patch window " + PLAN_DATE.format(window.startsAt().atZone(clock.getZone())) + " ("
                            + window.status().label().toLowerCase(Locale.ROOT) + ")");
                }
                planning.stream().filter(acceptance -> covers(acceptance, row.deviceId(), row.id()))
                        .forEach(acceptance -> plans.add("Risk acceptance " + acceptance.number() + " ("
                                + acceptance.storedState().word() + ")"));
                for (CoveringControl control : coverage.forFinding(row.deviceId(), row.id())) {
                    plans.add(controlPlan(control, today));
                }
                findings.add(new HighPriorityFinding(row.id(), row.deviceId(), row.assetTag(), row.deviceType(), row.manufacturer(),
                        row.model(), row.cveId(), row.title(), Decision.fromWord(row.decision()), row.kev(), row.exploitation(),
                        row.dueDate(), plans));
            }
            return findings;
        });
    }

    private static boolean covers(RiskAcceptance acceptance, long deviceId, long findingId) {
        return acceptance.devices().stream().anyMatch(device -> device.id() == deviceId)
                || acceptance.findings().stream().anyMatch(finding -> finding.id() == findingId);
    }

    private static String controlPlan(CoveringControl control, LocalDate today) {
        VerificationState state = control.state(today);
        return "Control: " + control.title() + (state == VerificationState.VERIFIED ? "" : " (" + state.label() + ")");
    }

    /** Lists the submitted acceptances with one of {@code devices} in scope that still need a clinical leader's signature. */
    private List<PendingAcceptance> pendingAcceptances(Map<Long, String> devices, List<RiskAcceptance> allAcceptances) {
        List<PendingAcceptance> pending = new ArrayList<>();
        for (RiskAcceptance acceptance : allAcceptances) {
            if (acceptance.storedState() != AcceptanceState.SUBMITTED) {
                continue;
            }
            Set<Long> inScope = new TreeSet<>();
            acceptance.devices().stream().map(DeviceRef::id).filter(devices::containsKey).forEach(inScope::add);
            acceptance.findings().stream().map(FindingRef::deviceId).filter(devices::containsKey).forEach(inScope::add);
            if (inScope.isEmpty()) {
                continue;
            }
            List<Role> missing = acceptances.missingRoles(acceptance);
            if (missing.contains(Role.CLINICAL_LEADER)) {
                pending.add(new PendingAcceptance(acceptance.id(), acceptance.number(), acceptance.title(), acceptance.level(),
                        acceptance.startDate(), acceptance.endDate(), acceptance.submittedAt(), acceptance.submittedBy(), inScope.size(),
                        missing));
            }
        }
        pending.sort(Comparator.comparing(PendingAcceptance::startDate).thenComparing(PendingAcceptance::id));
        return pending;
    }

    /** Groups the department devices whose support ends within 12 months by what ends, and collects those past their end. */
    private void supportOf(Map<Long, String> devices, List<SupportEnding> ending, Set<Long> unsupported) {
        Map<String, SupportEnding> byWhat = new LinkedHashMap<>();
        for (OsSupportService.DeviceSupport device : osSupport.devicesNeedingAttention()) {
            if (devices.containsKey(device.deviceId())) {
                note(device.deviceId(), device.assetTag(), device.support().osName(), device.support().endOfSupport(), device.state(),
                        byWhat, unsupported);
            }
        }
        for (ProductSupportService.DeviceSupport device : productSupport.devicesNeedingAttention()) {
            if (devices.containsKey(device.deviceId())) {
                note(device.deviceId(), device.assetTag(), device.support().label(), device.support().endOfSupport(), device.state(),
                        byWhat, unsupported);
            }
        }
        byWhat.values().stream().sorted(Comparator.comparing(SupportEnding::endOfSupport).thenComparing(SupportEnding::what))
                .forEach(ending::add);
    }

    private static void note(long deviceId, String assetTag, String what, LocalDate end, OsSupport.State state,
                             Map<String, SupportEnding> byWhat, Set<Long> unsupported) {
        if (state == OsSupport.State.UNSUPPORTED) {
            unsupported.add(deviceId);
        } else if (state == OsSupport.State.ENDING) {
            SupportEnding known = byWhat.get(what);
            List<String> tags = new ArrayList<>(known == null ? List.of() : known.assetTags());
            tags.add(assetTag);
            byWhat.put(what, new SupportEnding(what, end, tags));
        }
    }
}
