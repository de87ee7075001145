package org.patchdesk.acceptance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.SettingDao;
import org.patchdesk.users.Role;

/** The SQL of risk acceptances: reading rows with their scope, and writing fields, scope and holds. */
final class AcceptanceStore {

    private static final String DEVICE_COLUMNS = "SELECT d.id, d.asset_tag, m.name, d.model, d.department FROM device d"
            + " LEFT JOIN manufacturer m ON m.id = d.manufacturer_id";
    private static final String FINDING_COLUMNS = "SELECT f.id, f.device_id, d.asset_tag, f.cve_id, f.status FROM finding f"
            + " JOIN device d ON d.id = f.device_id";

    private static final String SCOPE_FINDING_COLUMNS = "SELECT f.id, f.device_id, d.asset_tag, t.name AS type_name, m.name AS maker,"
            + " d.model, d.department, f.cve_id, f.cvss_score, f.kev, f.status FROM finding f JOIN device d ON d.id = f.device_id"
            + " LEFT JOIN manufacturer m ON m.id = d.manufacturer_id LEFT JOIN device_type t ON t.id = d.device_type_id";

    private AcceptanceStore() {
    }

    static AcceptanceSettings settings(Handle handle) {
        return AcceptanceSettings.fromRows(handle.attach(SettingDao.class).all());
    }

    static Optional<RiskAcceptance> find(Handle handle, long id, AcceptanceSettings settings) {
        return handle.createQuery("SELECT * FROM risk_acceptance WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(handle, rs, settings)).findOne();
    }

    static List<RiskAcceptance> all(Handle handle, AcceptanceSettings settings) {
        List<Long> ids = handle.createQuery("SELECT id FROM risk_acceptance ORDER BY end_date, id").mapTo(Long.class).list();
        List<RiskAcceptance> acceptances = new ArrayList<>();
        for (long id : ids) {
            find(handle, id, settings).ifPresent(acceptances::add);
        }
        return acceptances;
    }

    static List<Long> idsInState(Handle handle, AcceptanceState state) {
        return handle.createQuery("SELECT id FROM risk_acceptance WHERE state = :state ORDER BY id").bind("state", state.word())
                .mapTo(Long.class).list();
    }

    private static RiskAcceptance read(Handle handle, ResultSet rs, AcceptanceSettings settings) throws SQLException {
        long id = rs.getLong("id");
        AcceptanceState state = AcceptanceState.parse(rs.getString("state"));
        int likelihood = rs.getInt("likelihood");
        int severity = rs.getInt("severity");
        String storedRoles = rs.getString("required_roles");
        RiskLevel level = settings.level(likelihood * severity);
        List<Role> required = storedRoles == null ? settings.approversFor(level)
                : AcceptanceSettings.parseRoles("required_roles of RA-" + id, storedRoles);
        Long previous = (Long) rs.getObject("previous_id");
        return new RiskAcceptance(id, state, rs.getString("title"), AcceptanceReason.parse(rs.getString("reason")),
                rs.getString("reason_detail"), rs.getObject("replacement_date", LocalDate.class), rs.getString("risk_statement"),
                likelihood, severity, level, RiskDecision.parse(rs.getString("decision")), rs.getString("requester"),
                rs.getString("requester_name"), rs.getInt("duration_months"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), required, previous, instant(rs, "submitted_at"), rs.getString("submitted_by"),
                instant(rs, "decided_at"), rs.getObject("activated_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("ended_by"), rs.getString("end_note"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"), devices(handle, id), findings(handle, id), controlIds(handle, id),
                held(handle, id));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<DeviceRef> devices(Handle handle, long id) {
        return handle.createQuery(DEVICE_COLUMNS + " JOIN risk_acceptance_device ad ON ad.device_id = d.id WHERE ad.acceptance_id = :id"
                        + " ORDER BY d.asset_tag_key")
                .bind("id", id).map((rs, ctx) -> deviceRef(rs)).list();
    }

    private static List<FindingRef> findings(Handle handle, long id) {
        return handle.createQuery(FINDING_COLUMNS + " JOIN risk_acceptance_finding af ON af.finding_id = f.id"
                        + " WHERE af.acceptance_id = :id ORDER BY d.asset_tag_key, f.cve_id")
                .bind("id", id).map((rs, ctx) -> findingRef(rs)).list();
    }

    private static List<FindingRef> held(Handle handle, long id) {
        return handle.createQuery(FINDING_COLUMNS + " JOIN risk_acceptance_hold h ON h.finding_id = f.id"
                        + " WHERE h.acceptance_id = :id ORDER BY d.asset_tag_key, f.cve_id")
                .bind("id", id).map((rs, ctx) -> findingRef(rs)).list();
    }

    private static List<Long> controlIds(Handle handle, long id) {
        return handle.createQuery("SELECT control_id FROM risk_acceptance_control WHERE acceptance_id = :id ORDER BY control_id")
                .bind("id", id).mapTo(Long.class).list();
    }

    static DeviceRef deviceRef(ResultSet rs) throws SQLException {
        return new DeviceRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    static FindingRef findingRef(ResultSet rs) throws SQLException {
        return new FindingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    /** Lists the findings an acceptance covers: those chosen one by one and every finding of a device in scope. */
    static List<FindingRef> coveredFindings(Handle handle, long id) {
        return handle.createQuery(FINDING_COLUMNS + " WHERE f.id IN (SELECT finding_id FROM risk_acceptance_finding WHERE acceptance_id = :id)"
                        + " OR f.device_id IN (SELECT device_id FROM risk_acceptance_device WHERE acceptance_id = :id)"
                        + " ORDER BY d.asset_tag_key, f.cve_id")
                .bind("id", id).map((rs, ctx) -> findingRef(rs)).list();
    }

    /** Lists the findings an acceptance covers with their device and vulnerability facts, by asset tag and CVE. */
    static List<ScopeFinding> coveredFindingDetails(Handle handle, long id) {
        return handle.createQuery(SCOPE_FINDING_COLUMNS
                        + " WHERE f.id IN (SELECT finding_id FROM risk_acceptance_finding WHERE acceptance_id = :id)"
                        + " OR f.device_id IN (SELECT device_id FROM risk_acceptance_device WHERE acceptance_id = :id)"
                        + " ORDER BY d.asset_tag_key, f.cve_id")
                .bind("id", id).map((rs, ctx) -> scopeFinding(rs)).list();
    }

    /** Lists the findings an acceptance keeps, or kept, at "risk accepted", with their device and vulnerability facts. */
    static List<ScopeFinding> heldFindingDetails(Handle handle, long id) {
        return handle.createQuery(SCOPE_FINDING_COLUMNS + " JOIN risk_acceptance_hold h ON h.finding_id = f.id"
                        + " WHERE h.acceptance_id = :id ORDER BY d.asset_tag_key, f.cve_id")
                .bind("id", id).map((rs, ctx) -> scopeFinding(rs)).list();
    }

    /**
     * Lists the findings that match every filter set in {@code search}, by asset tag and CVE, at
     * most {@code limit} of them.
     */
    static List<ScopeFinding> searchFindings(Handle handle, FindingSearch search, int limit) {
        StringBuilder sql = new StringBuilder(SCOPE_FINDING_COLUMNS).append(" WHERE 1 = 1");
        Map<String, Object> binds = new java.util.HashMap<>();
        String cve = blankToNull(search.cveText());
        if (cve != null) {
            sql.append(" AND LOWER(f.cve_id) LIKE :cve ESCAPE '!'");
            binds.put("cve", likePattern(cve));
        }
        String device = blankToNull(search.deviceText());
        if (device != null) {
            sql.append(" AND (LOWER(d.asset_tag) LIKE :device ESCAPE '!' OR LOWER(d.department) LIKE :device ESCAPE '!'"
                    + " OR LOWER(d.model) LIKE :device ESCAPE '!' OR LOWER(m.name) LIKE :device ESCAPE '!')");
            binds.put("device", likePattern(device));
        }
        if (search.deviceId() != null) {
            sql.append(" AND f.device_id = :deviceId");
            binds.put("deviceId", search.deviceId());
        }
        if (search.kevOnly()) {
            sql.append(" AND f.kev = TRUE");
        }
        if (search.openOnly()) {
            sql.append(" AND f.status = 'open'");
        }
        sql.append(" ORDER BY d.asset_tag_key, f.cve_id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return handle.createQuery(sql.toString()).bindMap(binds).map((rs, ctx) -> scopeFinding(rs)).list();
    }

    /** Returns the device type names of the devices in scope, by device id; devices without a type are left out. */
    static Map<Long, String> scopeDeviceTypes(Handle handle, long id) {
        Map<Long, String> types = new java.util.HashMap<>();
        handle.createQuery("SELECT d.id, t.name FROM device d JOIN device_type t ON t.id = d.device_type_id"
                        + " JOIN risk_acceptance_device ad ON ad.device_id = d.id WHERE ad.acceptance_id = :id")
                .bind("id", id).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(entry -> types.put(entry.getKey(), entry.getValue()));
        return types;
    }

    private static ScopeFinding scopeFinding(ResultSet rs) throws SQLException {
        Boolean kev = (Boolean) rs.getObject("kev");
        return new ScopeFinding(rs.getLong("id"), rs.getLong("device_id"), rs.getString("asset_tag"), rs.getString("type_name"),
                rs.getString("maker"), rs.getString("model"), rs.getString("department"), rs.getString("cve_id"),
                rs.getBigDecimal("cvss_score"), Boolean.TRUE.equals(kev), FindingStatus.fromStored(rs.getString("status")));
    }

    private static String likePattern(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Lists the departments of the devices in scope, directly or through a finding, as the inventory spells them. */
    static List<String> scopeDepartments(Handle handle, long id) {
        return handle.createQuery("SELECT DISTINCT TRIM(d.department) FROM device d WHERE d.department IS NOT NULL"
                        + " AND (d.id IN (SELECT device_id FROM risk_acceptance_device WHERE acceptance_id = :id)"
                        + " OR d.id IN (SELECT f.device_id FROM risk_acceptance_finding af JOIN finding f ON f.id = af.finding_id"
                        + " WHERE af.acceptance_id = :id))")
                .bind("id", id).mapTo(String.class).list();
    }

    /** Lists the ids of the devices in scope, directly or through a finding, by asset tag. */
    static List<Long> scopeDeviceIds(Handle handle, long id) {
        return handle.createQuery("SELECT d.id FROM device d WHERE d.id IN (SELECT device_id FROM risk_acceptance_device WHERE acceptance_id = :id)"
                        + " OR d.id IN (SELECT f.device_id FROM risk_acceptance_finding af JOIN finding f ON f.id = af.finding_id"
                        + " WHERE af.acceptance_id = :id) ORDER BY d.asset_tag_key")
                .bind("id", id).mapTo(Long.class).list();
    }

    static long insert(Handle handle, AcceptanceValues values, String requester, String requesterName, Long previousId, String actor,
                       OffsetDateTime now) {
        return handle.createUpdate("INSERT INTO risk_acceptance (state, title, reason, reason_detail, replacement_date, risk_statement,"
                        + " likelihood, severity, decision, requester, requester_name, duration_months, start_date, end_date, previous_id,"
                        + " created_at, created_by, updated_at, updated_by) VALUES ('draft', :title, :reason, :detail, :replacement,"
                        + " :statement, :likelihood, :severity, :decision, :requester, :requesterName, :months, :start, :end, :previous,"
                        + " :now, :actor, :now, :actor)")
                .bindMap(fields(values))
                .bind("requester", requester)
                .bind("requesterName", requesterName)
                .bind("previous", previousId)
                .bind("now", now)
                .bind("actor", actor)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void updateFields(Handle handle, long id, AcceptanceValues values, String actor, OffsetDateTime now) {
        handle.createUpdate("UPDATE risk_acceptance SET title = :title, reason = :reason, reason_detail = :detail,"
                        + " replacement_date = :replacement, risk_statement = :statement, likelihood = :likelihood, severity = :severity,"
                        + " decision = :decision, duration_months = :months, start_date = :start, end_date = :end, updated_at = :now,"
                        + " updated_by = :actor WHERE id = :id")
                .bindMap(fields(values))
                .bind("now", now)
                .bind("actor", actor)
                .bind("id", id)
                .execute();
    }

    private static Map<String, Object> fields(AcceptanceValues values) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("title", values.title().strip());
        fields.put("reason", values.reason().word());
        fields.put("detail", blankToNull(values.reasonDetail()));
        fields.put("replacement", values.replacementDate());
        fields.put("statement", values.riskStatement().strip());
        fields.put("likelihood", values.likelihood());
        fields.put("severity", values.severity());
        fields.put("decision", values.decision().word());
        fields.put("months", values.durationMonths());
        fields.put("start", values.startDate());
        fields.put("end", values.endDate());
        return fields;
    }

    static void replaceScope(Handle handle, long id, AcceptanceValues values) {
        replace(handle, "risk_acceptance_device", "device_id", id, values.deviceIds());
        replace(handle, "risk_acceptance_finding", "finding_id", id, values.findingIds());
        replace(handle, "risk_acceptance_control", "control_id", id, values.controlIds());
    }

    private static void replace(Handle handle, String table, String column, long id, Collection<Long> targets) {
        handle.createUpdate("DELETE FROM " + table + " WHERE acceptance_id = :id").bind("id", id).execute();
        for (long target : targets) {
            handle.createUpdate("INSERT INTO " + table + " (acceptance_id, " + column + ") VALUES (:id, :target)")
                    .bind("id", id).bind("target", target).execute();
        }
    }

    /** Returns the ids among {@code ids} that are not in {@code table}, to name them in a message. */
    static List<Long> missing(Handle handle, String table, Collection<Long> ids) {
        List<Long> missing = new ArrayList<>();
        for (long id : ids) {
            if (handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one() == 0) {
                missing.add(id);
            }
        }
        return missing;
    }

    static void setState(Handle handle, long id, AcceptanceState state, String actor, OffsetDateTime now) {
        handle.createUpdate("UPDATE risk_acceptance SET state = :state, updated_at = :now, updated_by = :actor WHERE id = :id")
                .bind("state", state.word()).bind("now", now).bind("actor", actor).bind("id", id).execute();
    }

    static void update(Handle handle, long id, String assignments, Map<String, Object> values) {
        Update update = handle.createUpdate("UPDATE risk_acceptance SET " + assignments + " WHERE id = :id").bind("id", id);
        values.forEach(update::bind);
        update.execute();
    }

    static void insertSignature(Handle handle, long id, long signatureId, Role role) {
        handle.createUpdate("INSERT INTO risk_acceptance_signature (acceptance_id, signature_id, role) VALUES (:id, :signature, :role)")
                .bind("id", id).bind("signature", signatureId).bind("role", role == null ? null : role.word()).execute();
    }

    /** Returns the role each signature of the acceptance covers, by signature id; a null value for one that covers none. */
    static Map<Long, String> signatureRoles(Handle handle, long id) {
        Map<Long, String> roles = new java.util.HashMap<>();
        handle.createQuery("SELECT signature_id, role FROM risk_acceptance_signature WHERE acceptance_id = :id").bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), java.util.Optional.ofNullable(rs.getString(2))))
                .forEach(entry -> roles.put(entry.getKey(), entry.getValue().orElse(null)));
        return roles;
    }

    static void hold(Handle handle, long id, long findingId, LocalDate from) {
        handle.createUpdate("INSERT INTO risk_acceptance_hold (acceptance_id, finding_id, held_from) VALUES (:id, :finding, :from)")
                .bind("id", id).bind("finding", findingId).bind("from", from).execute();
    }

    /** True when an active acceptance other than {@code exceptId} holds the finding. */
    static boolean heldByAnother(Handle handle, long findingId, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM risk_acceptance_hold h JOIN risk_acceptance a ON a.id = h.acceptance_id"
                        + " WHERE h.finding_id = :finding AND a.id <> :id AND a.state = 'active'")
                .bind("finding", findingId).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    /** Returns the renewal of an acceptance that is still in draft, submitted or approved, if any. */
    static Optional<Long> pendingRenewal(Handle handle, long id) {
        return handle.createQuery("SELECT id FROM risk_acceptance WHERE previous_id = :id AND state IN ('draft', 'submitted', 'approved')")
                .bind("id", id).mapTo(Long.class).findFirst();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
