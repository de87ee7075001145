package org.patchdesk.controls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;

/**
 * Every control's coverage, loaded once for a rescore: the controls that cover each device, and
 * those that cover single findings. A site has far fewer coverage rows than findings, so all of
 * them are read whatever findings the rescore covers.
 */
public final class ControlCoverage {

    private static final String COLUMNS = "c.id, c.title, t.code, t.name, t.lowers_exposure, c.verified_on, c.next_verification_on";

    private final Map<Long, List<CoveringControl>> byDevice = new HashMap<>();
    private final Map<Long, List<CoveringControl>> byFinding = new HashMap<>();

    private ControlCoverage() {
    }

    /** Reads the coverage of every control. */
    public static ControlCoverage load(Handle handle) {
        ControlCoverage coverage = new ControlCoverage();
        handle.createQuery("SELECT cd.device_id, " + COLUMNS + " FROM compensating_control_device cd"
                        + " JOIN compensating_control c ON c.id = cd.control_id JOIN control_type t ON t.code = c.type_code ORDER BY c.id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), control(rs, true)))
                .forEach(entry -> coverage.byDevice.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        handle.createQuery("SELECT cf.finding_id, " + COLUMNS + " FROM compensating_control_finding cf"
                        + " JOIN compensating_control c ON c.id = cf.control_id JOIN control_type t ON t.code = c.type_code ORDER BY c.id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), control(rs, false)))
                .forEach(entry -> coverage.byFinding.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return coverage;
    }

    /**
     * Returns the controls that cover a finding: those covering its device, then those covering the
     * finding itself. A control that covers both is listed once, as covering the device.
     */
    public List<CoveringControl> forFinding(long deviceId, long findingId) {
        List<CoveringControl> device = byDevice.getOrDefault(deviceId, List.of());
        List<CoveringControl> finding = byFinding.getOrDefault(findingId, List.of());
        if (finding.isEmpty()) {
            return device;
        }
        List<CoveringControl> all = new ArrayList<>(device);
        for (CoveringControl control : finding) {
            if (device.stream().noneMatch(other -> other.id() == control.id())) {
                all.add(control);
            }
        }
        return all;
    }

    private static CoveringControl control(ResultSet rs, boolean coversDevice) throws SQLException {
        return new CoveringControl(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), coversDevice);
    }
}
