package org.patchdesk.risk;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.controls.ControlCoverage;
import org.patchdesk.intel.CvssScoreRow;
import org.patchdesk.intel.EpssStore;
import org.patchdesk.intel.KevDao;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceDao;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceRowMapper;
import org.patchdesk.inventory.NetworkExposure;
import org.patchdesk.inventory.YesNoUnknown;
import org.patchdesk.risk.ssvc.Automatable;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.risk.ssvc.SystemExposure;

/**
 * Recomputes the derived columns of findings (CVSS, EPSS, KEV, the SSVC decision points and
 * decision, the priority and the due date) from the current feeds, devices and settings. Only
 * rows whose values change are written, so a rescore after an import that changed little is quick.
 */
public final class Rescorer {

    private static final int BATCH = 10_000;

    /** How many findings were scored and how many of them changed. */
    public record Counts(int scored, int changed) {
    }

    /** The stored part of a finding that scoring reads, and its derived values as they were. */
    private record Stored(long id, long deviceId, String cveId, SystemExposure exposureOverride, Automatable automatableOverride,
                          LocalDate clockStartedOn, int decisionRank, Derived derived) {
    }

    /** The derived columns of a finding, compared to tell whether a row must be written. */
    record Derived(String cvssVersion, BigDecimal cvssScore, Double epss, Double epssPercentile, Boolean kev, LocalDate kevDueDate,
                   String exploitation, String exposure, String automatable, String humanImpact, String decision, int decisionRank,
                   double priority, LocalDate dueDate, LocalDate clockStartedOn) {
    }

    /** The findings a rescore covers: a condition on the finding table (alias f) and its parameters. */
    public record Target(String where, List<Object> params) {

        public static final Target ALL = new Target("TRUE", List.of());

        public static Target finding(long id) {
            return new Target("f.id = ?", List.of(id));
        }

        public static Target cve(String cveId) {
            return new Target("f.cve_id = ?", List.of(cveId));
        }

        public static Target device(long deviceId) {
            return new Target("f.device_id = ?", List.of(deviceId));
        }

        /** Findings never scored, such as those a refresh just added or reopened. */
        public static final Target UNSCORED = new Target("f.scored_at IS NULL", List.of());

        /** Returns the findings of the CVEs and any finding not yet scored, or all findings when the list is long. */
        public static Target cvesAndUnscored(java.util.Collection<String> cveIds) {
            if (cveIds.isEmpty()) {
                return UNSCORED;
            }
            if (cveIds.size() > 2000) {
                return ALL;
            }
            return new Target("(f.scored_at IS NULL OR f.cve_id IN (" + String.join(", ", java.util.Collections.nCopies(cveIds.size(), "?"))
                    + "))", List.copyOf(cveIds));
        }

        /** Returns the findings of the devices and any finding not yet scored, or all findings when the list is long. */
        public static Target devicesAndUnscored(java.util.Collection<Long> deviceIds) {
            if (deviceIds.isEmpty()) {
                return UNSCORED;
            }
            if (deviceIds.size() > 2000) {
                return ALL;
            }
            return new Target("(f.scored_at IS NULL OR f.device_id IN (" + String.join(", ",
                    java.util.Collections.nCopies(deviceIds.size(), "?")) + "))", List.copyOf(deviceIds));
        }
    }

    private final SsvcTables tables;

    public Rescorer(SsvcTables tables) {
        this.tables = tables;
    }

    /** Everything scoring reads that does not belong to one finding, loaded once per rescore. */
    static final class Context {
        final Map<String, List<CvssScoreRow>> scores = new HashMap<>();
        final Map<String, Optional<CvssChoice>> choices = new HashMap<>();
        final Map<String, double[]> epss = new HashMap<>();
        final Map<String, KevDao.KevRow> kev = new HashMap<>();
        final Map<String, Boolean> marks = new HashMap<>();
        final Map<Long, Device> devices = new HashMap<>();
        ControlCoverage controls;
        boolean kevChecked;

        Optional<CvssChoice> choice(String cve) {
            return choices.computeIfAbsent(cve, key -> CvssChoices.choose(scores.getOrDefault(key, List.of())));
        }
    }

    /** Loads the feeds, marks and devices that scoring reads. */
    static Context loadContext(Handle handle, Target target) {
        Context context = new Context();
        handle.attach(org.patchdesk.intel.VulnerabilityDao.class).allScores()
                .forEach(row -> context.scores.computeIfAbsent(row.cveId(), key -> new ArrayList<>()).add(row));
        EpssStore.Tables tables = EpssStore.tables(handle);
        // Joins with a DISTINCT derived table, because H2 evaluated "IN (SELECT ...)" once per outer row inside the import transaction.
        var epssQuery = handle.createQuery("SELECT c.cve_id, c.epss, c.percentile FROM (SELECT DISTINCT f.cve_id FROM finding f WHERE "
                + target.where() + ") x JOIN " + tables.current() + " c ON c.cve_id = x.cve_id");
        for (int i = 0; i < target.params().size(); i++) {
            epssQuery.bind(i, target.params().get(i));
        }
        epssQuery.map((rs, ctx) -> {
                    double percentile = rs.getDouble(3);
                    return Map.entry(rs.getString(1), new double[] {rs.getDouble(2), rs.wasNull() ? Double.NaN : percentile});
                })
                .forEach(entry -> context.epss.put(entry.getKey(), entry.getValue()));
        KevDao kev = handle.attach(KevDao.class);
        kev.listAll().forEach(row -> context.kev.put(row.cveId(), row));
        context.kevChecked = handle.createQuery("SELECT COUNT(*) FROM feed_import WHERE feed = 'kev'").mapTo(Integer.class).one() > 0;
        handle.createQuery("SELECT cve_id, exploited_mark, poc_mark FROM vulnerability WHERE exploited_mark OR poc_mark")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                .forEach(entry -> context.marks.put(entry.getKey(), entry.getValue()));
        var deviceQuery = handle.createQuery(DeviceDao.SELECT + " JOIN (SELECT DISTINCT f.device_id FROM finding f WHERE "
                + target.where() + ") x ON x.device_id = d.id");
        for (int i = 0; i < target.params().size(); i++) {
            deviceQuery.bind(i, target.params().get(i));
        }
        deviceQuery.map(new DeviceRowMapper()).forEach(device -> context.devices.put(device.id(), device));
        context.controls = ControlCoverage.load(handle);
        return context;
    }

    /** Builds the score input of one finding. */
    static ScoreInput input(Context context, long findingId, String cveId, Device device, SystemExposure exposureOverride,
                            Automatable automatableOverride, LocalDate clockStartedOn, int previousDecisionRank) {
        double[] epss = context.epss.get(cveId);
        Boolean exploitedMark = context.marks.get(cveId);
        String ips = device.values().text(DeviceField.IP_ADDRESSES);
        return new ScoreInput(cveId, context.choice(cveId).orElse(null), epss == null ? null : epss[0],
                epss == null || Double.isNaN(epss[1]) ? null : epss[1], context.kev.get(cveId), Boolean.TRUE.equals(exploitedMark),
                exploitedMark != null, device.criticality().value(), device.criticality().assumed(), device.missionImpact().value(),
                device.missionImpact().assumed(), device.values().get(DeviceField.NETWORK_EXPOSURE, NetworkExposure.class),
                orUnknown(device.values().get(DeviceField.NETWORKED, YesNoUnknown.class)),
                orUnknown(device.values().get(DeviceField.VENDOR_REMOTE_ACCESS, YesNoUnknown.class)),
                device.values().text(DeviceField.NETWORK_SEGMENT), ips != null && !ips.isBlank(), exposureOverride, automatableOverride,
                clockStartedOn, previousDecisionRank, context.controls.forFinding(device.id(), findingId));
    }

    private static YesNoUnknown orUnknown(YesNoUnknown value) {
        return value == null ? YesNoUnknown.UNKNOWN : value;
    }

    static Derived derive(ScoreInput input, ScoreResult result, Context context) {
        CvssChoice cvss = input.cvss();
        return new Derived(cvss == null ? null : cvss.version(), cvss == null ? null : cvss.score(), input.epss(), input.epssPercentile(),
                context.kevChecked ? input.kev() != null : null, result.kevDueDate(), result.exploitation().word(),
                result.exposure().word(), result.automatable().word(), result.humanImpact().word(), result.decision().word(),
                result.decisionRank(), result.priority(), result.dueDate(), result.clockStartedOn());
    }

    /**
     * Rescores the target's findings and writes the rows whose values change.
     *
     * @throws OperationCancelledException when the monitor is cancelled; the caller's transaction must then roll back
     */
    public Counts rescore(Handle handle, Target target, ScoringSettings settings, LocalDate today, OffsetDateTime now,
                          ProgressMonitor monitor) {
        Context context = loadContext(handle, target);
        Scorer scorer = new Scorer(tables, settings, today);
        List<Stored> rows = stored(handle, target);
        Connection connection = handle.getConnection();
        int scored = 0;
        int changed = 0;
        try (PreparedStatement update = connection.prepareStatement("UPDATE finding SET cvss_version = ?, cvss_score = ?, epss = ?,"
                + " epss_percentile = ?, kev = ?, kev_due_date = ?, exploitation = ?, exposure = ?, automatable = ?,"
                + " human_impact = ?, decision = ?, decision_rank = ?, priority = ?, due_date = ?, clock_started_on = ?,"
                + " scored_at = ? WHERE id = ?")) {
            int total = rows.size();
            int pending = 0;
            for (Stored row : rows) {
                Device device = context.devices.get(row.deviceId());
                ScoreInput input = input(context, row.id(), row.cveId(), device, row.exposureOverride(), row.automatableOverride(),
                        row.clockStartedOn(), row.decisionRank());
                ScoreResult result = scorer.score(input);
                Derived derived = derive(input, result, context);
                scored++;
                if (!derived.equals(row.derived())) {
                    bind(update, derived, now, row.id());
                    update.addBatch();
                    changed++;
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
                if (scored % BATCH == 0) {
                    monitor.checkCancelled();
                    monitor.progress(scored, total, String.format(java.util.Locale.US, "Scored %,d of %,d findings", scored, total));
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        return new Counts(scored, changed);
    }

    /** A finding scored without saving: the finding, the input built from the current records, and the score. */
    public record Preview(long findingId, long deviceId, String cveId, ScoreInput input, ScoreResult result) {
    }

    /**
     * Scores the target's findings from the current feeds, devices, controls and settings as a
     * rescore would, and writes nothing, so that a caller can compare the scores with those of a
     * changed input.
     */
    public List<Preview> preview(Handle handle, Target target, ScoringSettings settings, LocalDate today) {
        Context context = loadContext(handle, target);
        Scorer scorer = new Scorer(tables, settings, today);
        List<Preview> previews = new ArrayList<>();
        for (Stored row : stored(handle, target)) {
            Device device = context.devices.get(row.deviceId());
            ScoreInput input = input(context, row.id(), row.cveId(), device, row.exposureOverride(), row.automatableOverride(),
                    row.clockStartedOn(), row.decisionRank());
            previews.add(new Preview(row.id(), row.deviceId(), row.cveId(), input, scorer.score(input)));
        }
        return previews;
    }

    /** Reads the stored part of the target's findings. */
    private static List<Stored> stored(Handle handle, Target target) {
        try (PreparedStatement select = handle.getConnection().prepareStatement("SELECT id, device_id, cve_id, exposure_override,"
                + " automatable_override, clock_started_on, decision_rank, cvss_version, cvss_score, epss, epss_percentile, kev,"
                + " kev_due_date, exploitation, exposure, automatable, human_impact, decision, priority, due_date FROM finding f WHERE "
                + target.where())) {
            for (int i = 0; i < target.params().size(); i++) {
                select.setObject(i + 1, target.params().get(i));
            }
            List<Stored> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static Stored read(ResultSet rs) throws SQLException {
        String exposureOverride = rs.getString(4);
        String automatableOverride = rs.getString(5);
        double epss = rs.getDouble(10);
        Double epssValue = rs.wasNull() ? null : epss;
        double percentile = rs.getDouble(11);
        Double percentileValue = rs.wasNull() ? null : percentile;
        boolean kev = rs.getBoolean(12);
        Boolean kevValue = rs.wasNull() ? null : kev;
        LocalDate clock = rs.getObject(6, LocalDate.class);
        int rank = rs.getInt(7);
        Derived derived = new Derived(rs.getString(8), rs.getBigDecimal(9), epssValue, percentileValue, kevValue,
                rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rank, rs.getDouble(19), rs.getObject(20, LocalDate.class), clock);
        return new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3),
                exposureOverride == null ? null : SystemExposure.fromWord(exposureOverride),
                automatableOverride == null ? null : Automatable.fromWord(automatableOverride), clock, rank, derived);
    }

    private static void bind(PreparedStatement update, Derived derived, OffsetDateTime now, long id) throws SQLException {
        update.setString(1, derived.cvssVersion());
        update.setBigDecimal(2, derived.cvssScore());
        setDouble(update, 3, derived.epss());
        setDouble(update, 4, derived.epssPercentile());
        if (derived.kev() == null) {
            update.setNull(5, Types.BOOLEAN);
        } else {
            update.setBoolean(5, derived.kev());
        }
        update.setObject(6, derived.kevDueDate());
        update.setString(7, derived.exploitation());
        update.setString(8, derived.exposure());
        update.setString(9, derived.automatable());
        update.setString(10, derived.humanImpact());
        update.setString(11, derived.decision());
        update.setInt(12, derived.decisionRank());
        update.setDouble(13, derived.priority());
        update.setObject(14, derived.dueDate());
        update.setObject(15, derived.clockStartedOn());
        update.setObject(16, now);
        update.setLong(17, id);
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
