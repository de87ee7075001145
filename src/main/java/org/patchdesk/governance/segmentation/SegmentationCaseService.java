package org.patchdesk.governance.segmentation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.controls.ControlCoverage;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.risk.Rescorer;
import org.patchdesk.risk.ScoreResult;
import org.patchdesk.risk.Scorer;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * Builds the investment case for segmenting a group of devices. It scores each open finding of the
 * devices as a rescore would, then again with the target System Exposure wherever the finding's
 * exposure is above it, through the same {@link Scorer}, and compares the decisions. It reads the
 * database and writes nothing: no finding, setting or audit entry changes.
 */
public final class SegmentationCaseService {

    /** The patchability values that mean the owner cannot patch the device. */
    public static final Set<Patchability> UNPATCHABLE = EnumSet.of(Patchability.PROHIBITED_OR_NONE, Patchability.UNSUPPORTED);

    static final String BY_DEPARTMENT = "Department";
    static final String BY_DEVICE_TYPE = "Device type";
    private static final String NONE_RECORDED = "(none recorded)";

    /** The values the criteria can take: those of the in-service devices, sorted. */
    public record Choices(List<String> departments, List<String> deviceTypes, List<String> products) {
    }

    /** A covered device as the case groups and lists it. */
    private record ScopeDevice(long id, String assetTag, String department, String deviceType, String manufacturer, String model) {
    }

    private static final String SCOPE_FROM = " FROM device sd LEFT JOIN device_type st ON st.id = sd.device_type_id"
            + " LEFT JOIN manufacturer sm ON sm.id = sd.manufacturer_id WHERE sd.status <> 'RETIRED'";

    private final Jdbi jdbi;
    private final SsvcTables tables;
    private final SettingsService settings;
    private final PatchabilityService patchability;
    private final Clock clock;

    public SegmentationCaseService(Jdbi jdbi, SsvcTables tables, SettingsService settings, PatchabilityService patchability, Clock clock) {
        this.jdbi = jdbi;
        this.tables = tables;
        this.settings = settings;
        this.patchability = patchability;
        this.clock = clock;
    }

    /** Lists the departments, device types and products ("manufacturer model") of the in-service devices. */
    public Choices choices() {
        return jdbi.withHandle(handle -> new Choices(
                distinct(handle, "SELECT DISTINCT sd.department" + SCOPE_FROM + " AND sd.department IS NOT NULL"),
                distinct(handle, "SELECT DISTINCT st.name" + SCOPE_FROM + " AND st.name IS NOT NULL"),
                distinct(handle, "SELECT DISTINCT TRIM(COALESCE(sm.name, '') || ' ' || sd.model)" + SCOPE_FROM
                        + " AND sd.model IS NOT NULL")));
    }

    /**
     * Computes the case for the criteria from today's records and scoring settings.
     *
     * @throws IllegalArgumentException when a criterion matches no in-service device, naming the values that exist
     */
    public SegmentationCase compute(SegmentationCriteria criteria) {
        LocalDate today = LocalDate.now(clock);
        ScoringSettings current = settings.current();
        Map<Long, PatchabilityService.Resolved> patchabilities = new HashMap<>();
        patchability.resolveAll().forEach(device -> patchabilities.put(device.deviceId(), device.resolved()));
        return jdbi.withHandle(handle -> {
            Condition scope = condition(criteria);
            Map<Long, ScopeDevice> devices = scopeDevices(handle, criteria, scope);
            String groupedBy = criteria.department() == null ? BY_DEPARTMENT : BY_DEVICE_TYPE;

            List<SegmentationCase.FindingChange> findings = score(handle, scope, devices, groupedBy, criteria.target(), current, today);
            List<SegmentationCase.UnpatchableDevice> gaining = new ArrayList<>();
            int unpatchable = unpatchable(handle, devices, patchabilities, today, gaining);
            List<SegmentationCase.GroupRow> groups = groups(devices, findings, groupedBy);
            return new SegmentationCase(criteria, today, ZonedDateTime.now(clock), current, devices.size(), unpatchable, findings, gaining,
                    groupedBy, groups);
        });
    }

    /** A condition on the device table (alias sd, joined to st and sm) with its parameters. */
    private record Condition(String where, List<Object> params) {
    }

    private static Condition condition(SegmentationCriteria criteria) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (criteria.department() != null) {
            where.append(" AND LOWER(TRIM(sd.department)) = ?");
            params.add(key(criteria.department()));
        }
        if (criteria.deviceType() != null) {
            where.append(" AND LOWER(TRIM(st.name)) = ?");
            params.add(key(criteria.deviceType()));
        }
        if (criteria.product() != null) {
            where.append(" AND (LOWER(TRIM(sd.model)) = ? OR LOWER(TRIM(COALESCE(sm.name, '') || ' ' || sd.model)) = ?)");
            params.add(key(criteria.product()));
            params.add(key(criteria.product()));
        }
        return new Condition(where.toString(), params);
    }

    private Map<Long, ScopeDevice> scopeDevices(Handle handle, SegmentationCriteria criteria, Condition scope) {
        var query = handle.createQuery("SELECT sd.id, sd.asset_tag, sd.department, st.name, sm.name, sd.model" + SCOPE_FROM + scope.where()
                + " ORDER BY sd.asset_tag_key");
        for (int i = 0; i < scope.params().size(); i++) {
            query.bind(i, scope.params().get(i));
        }
        Map<Long, ScopeDevice> devices = new LinkedHashMap<>();
        query.map((rs, ctx) -> new ScopeDevice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .forEach(device -> devices.put(device.id(), device));
        if (devices.isEmpty()) {
            throw new IllegalArgumentException(noDevicesMessage(handle, criteria));
        }
        return devices;
    }

    /** Names the first criterion that matches no in-service device with the values that exist, or reports that the combination matches none. */
    private String noDevicesMessage(Handle handle, SegmentationCriteria criteria) {
        Choices choices = new Choices(
                distinct(handle, "SELECT DISTINCT sd.department" + SCOPE_FROM + " AND sd.department IS NOT NULL"),
                distinct(handle, "SELECT DISTINCT st.name" + SCOPE_FROM + " AND st.name IS NOT NULL"),
                List.of());
        if (criteria.department() != null && choices.departments().stream().noneMatch(name -> key(name).equals(key(criteria.department())))) {
            return "No in-service device has the department '" + criteria.department() + "'. Departments: "
                    + listed(choices.departments());
        }
        if (criteria.deviceType() != null && choices.deviceTypes().stream().noneMatch(name -> key(name).equals(key(criteria.deviceType())))) {
            return "No in-service device has the device type '" + criteria.deviceType() + "'. Device types: "
                    + listed(choices.deviceTypes());
        }
        return "No in-service device matches " + criteria.describeDevices() + ". A product is written as its model or as"
                + " manufacturer and model, such as 'BD Alaris 8015'.";
    }

    private List<SegmentationCase.FindingChange> score(Handle handle, Condition scope, Map<Long, ScopeDevice> devices, String groupedBy,
                                                       SystemExposure target, ScoringSettings current, LocalDate today) {
        List<Object> params = new ArrayList<>(scope.params());
        Rescorer.Target findings = new Rescorer.Target("f.status = 'open' AND f.device_id IN (SELECT sd.id" + SCOPE_FROM
                + scope.where() + ")", params);
        Scorer scorer = new Scorer(tables, current, today);
        List<SegmentationCase.FindingChange> changes = new ArrayList<>();
        for (Rescorer.Preview preview : new Rescorer(tables).preview(handle, findings, current, today)) {
            ScoreResult now = preview.result();
            ScoreResult segmented = now.exposure().compareTo(target) > 0 ? scorer.score(preview.input().withExposureOverride(target)) : now;
            ScopeDevice device = devices.get(preview.deviceId());
            changes.add(new SegmentationCase.FindingChange(preview.findingId(), preview.deviceId(), device.assetTag(), preview.cveId(),
                    groupOf(device, groupedBy), preview.input().kev() != null, now.exposure(), now.exposureReason(), segmented.exposure(),
                    now.decision(), segmented.decision()));
        }
        changes.sort(Comparator.comparing(SegmentationCase.FindingChange::assetTag).thenComparing(SegmentationCase.FindingChange::cveId));
        return changes;
    }

    /**
     * Counts the covered unpatchable devices and adds to {@code gaining} those that no counted
     * exposure-lowering control covers today.
     */
    private static int unpatchable(Handle handle, Map<Long, ScopeDevice> devices, Map<Long, PatchabilityService.Resolved> patchabilities,
                                   LocalDate today, List<SegmentationCase.UnpatchableDevice> gaining) {
        ControlCoverage coverage = ControlCoverage.load(handle);
        int count = 0;
        for (ScopeDevice device : devices.values()) {
            PatchabilityService.Resolved resolved = patchabilities.get(device.id());
            if (resolved == null || !UNPATCHABLE.contains(resolved.patchability())) {
                continue;
            }
            count++;
            boolean segmented = coverage.forFinding(device.id(), -1).stream()
                    .anyMatch(control -> control.lowersExposure() && control.countsOn(today));
            if (!segmented) {
                gaining.add(new SegmentationCase.UnpatchableDevice(device.id(), device.assetTag(), device.department(),
                        device.deviceType(), device.manufacturer(), device.model(), resolved.patchability(), resolved.reason()));
            }
        }
        return count;
    }

    private static List<SegmentationCase.GroupRow> groups(Map<Long, ScopeDevice> devices, List<SegmentationCase.FindingChange> findings,
                                                          String groupedBy) {
        Map<String, int[]> figures = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ScopeDevice device : devices.values()) {
            figures.computeIfAbsent(groupOf(device, groupedBy), name -> new int[6])[0]++;
        }
        for (SegmentationCase.FindingChange finding : findings) {
            int[] row = figures.computeIfAbsent(finding.group(), name -> new int[6]);
            row[1]++;
            row[2] += finding.before() == Decision.IMMEDIATE ? 1 : 0;
            row[3] += finding.after() == Decision.IMMEDIATE ? 1 : 0;
            row[4] += finding.before() == Decision.OUT_OF_CYCLE ? 1 : 0;
            row[5] += finding.after() == Decision.OUT_OF_CYCLE ? 1 : 0;
        }
        List<SegmentationCase.GroupRow> rows = new ArrayList<>();
        figures.forEach((name, row) -> rows.add(new SegmentationCase.GroupRow(name, row[0], row[1], row[2], row[3], row[4], row[5])));
        return rows;
    }

    private static String groupOf(ScopeDevice device, String groupedBy) {
        String value = BY_DEPARTMENT.equals(groupedBy) ? device.department() : device.deviceType();
        return value == null || value.isBlank() ? NONE_RECORDED : value.strip();
    }

    private static List<String> distinct(Handle handle, String sql) {
        Map<String, String> byKey = new TreeMap<>();
        handle.createQuery(sql).mapTo(String.class).forEach(value -> {
            if (value != null && !value.isBlank()) {
                byKey.putIfAbsent(key(value), value.strip());
            }
        });
        List<String> values = new ArrayList<>(byKey.values());
        values.sort(String.CASE_INSENSITIVE_ORDER);
        return values;
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "none recorded" : String.join(", ", values);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
