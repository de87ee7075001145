package org.patchdesk.patchlog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.patchdesk.users.Signature;
import org.patchdesk.users.SignatureMeaning;

/** The queries of the patch log and the decisions, and the mapping of their rows. */
final class PatchLogSql {

    private static final String ENTRY_COLUMNS = "SELECT e.id, e.device_id, e.asset_tag, m.name AS manufacturer, d.model, d.department,"
            + " e.update_applied, e.version_before, e.version_after, e.performed_at, e.performed_by, e.outcome, e.reason,"
            + " e.patch_window_id, e.validation_request_id, e.validated_on, e.notes, e.recorded_by, e.recorded_at,"
            + " (SELECT LISTAGG(c.cve_id, ';') WITHIN GROUP (ORDER BY c.cve_id) FROM patch_log_cve c WHERE c.entry_id = e.id) AS fixes,"
            + " (SELECT LISTAGG(f.cve_id, ';') WITHIN GROUP (ORDER BY f.cve_id) FROM patch_log_finding l JOIN finding f"
            + " ON f.id = l.finding_id WHERE l.entry_id = e.id) AS closed"
            + " FROM patch_log_entry e LEFT JOIN device d ON d.id = e.device_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id";

    private final ZoneId zone;

    PatchLogSql(ZoneId zone) {
        this.zone = zone;
    }

    List<PatchLogEntry> search(Handle handle, PatchLogQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("(LOWER(e.asset_tag) LIKE :text ESCAPE '!' OR LOWER(e.update_applied) LIKE :text ESCAPE '!'"
                    + " OR LOWER(e.performed_by) LIKE :text ESCAPE '!' OR LOWER(e.recorded_by) LIKE :text ESCAPE '!'"
                    + " OR EXISTS (SELECT 1 FROM patch_log_cve c WHERE c.entry_id = e.id AND LOWER(c.cve_id) LIKE :text ESCAPE '!'))");
            binds.put("text", containsPattern(query.text()));
        }
        if (!query.outcomes().isEmpty()) {
            List<String> words = query.outcomes().stream().map(PatchOutcome::word).sorted().toList();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                names.add(":outcome" + i);
                binds.put("outcome" + i, words.get(i));
            }
            conditions.add("e.outcome IN (" + String.join(", ", names) + ")");
        }
        if (query.from() != null) {
            conditions.add("e.performed_at >= :from");
            binds.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            conditions.add("e.performed_at < :to");
            binds.put("to", startOf(query.to().plusDays(1)));
        }
        if (query.department() != null && !query.department().isBlank()) {
            conditions.add("LOWER(d.department) = :department");
            binds.put("department", query.department().strip().toLowerCase(Locale.ROOT));
        }
        if (query.deviceId() != null) {
            conditions.add("e.device_id = :device");
            binds.put("device", query.deviceId());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Query statement = handle.createQuery(ENTRY_COLUMNS + where + " ORDER BY e.performed_at DESC, e.id DESC");
        binds.forEach(statement::bind);
        return statement.map(entryMapper()).list();
    }

    Optional<PatchLogEntry> find(Handle handle, long id) {
        return handle.createQuery(ENTRY_COLUMNS + " WHERE e.id = :id")
                .bind("id", id)
                .map(entryMapper())
                .findOne();
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private RowMapper<PatchLogEntry> entryMapper() {
        return (rs, ctx) -> {
            long storedDevice = rs.getLong("device_id");
            Long deviceId = rs.wasNull() ? null : storedDevice;
            Instant performedAt = rs.getObject("performed_at", OffsetDateTime.class).toInstant();
            PatchOutcome outcome = PatchOutcome.parse(rs.getString("outcome"));
            LocalDate validatedOn = rs.getObject("validated_on", LocalDate.class);
            Integer days = outcome == PatchOutcome.INSTALLED && validatedOn != null
                    ? (int) ChronoUnit.DAYS.between(validatedOn, LocalDate.ofInstant(performedAt, zone)) : null;
            return new PatchLogEntry(rs.getLong("id"), deviceId, rs.getString("asset_tag"), rs.getString("manufacturer"),
                    rs.getString("model"), rs.getString("department"), rs.getString("update_applied"), rs.getString("version_before"),
                    rs.getString("version_after"), performedAt, rs.getString("performed_by"), outcome, rs.getString("reason"),
                    split(rs.getString("fixes")), split(rs.getString("closed")), nullableLong(rs.getObject("patch_window_id")),
                    nullableLong(rs.getObject("validation_request_id")), validatedOn, days, rs.getString("notes"),
                    rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
        };
    }

    /** Reads decisions with their signatures; {@code where} names the decision's columns with the alias {@code d}. */
    static List<PatchDecision> decisions(Handle handle, String where, Map<String, Object> binds) {
        Query query = handle.createQuery("SELECT d.id, d.device_id, d.asset_tag, d.product_id, d.product_name, d.update_name, d.decision,"
                + " d.approver_name, d.approver_role, d.rationale, d.decided_at, d.recorded_by, d.recorded_at, d.signature_id,"
                + " s.user_name AS signer, s.printed_name, s.signer_roles, s.signed_at, s.meaning, s.comment"
                + " FROM patch_decision d LEFT JOIN electronic_signature s ON s.id = d.signature_id " + where
                + " ORDER BY d.decided_at DESC, d.id DESC");
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    Long signatureId = nullableLong(rs.getObject("signature_id"));
                    Signature signature = signatureId == null ? null : new Signature(signatureId, PatchLogService.DECISION_RECORD, id,
                            rs.getString("signer"), rs.getString("printed_name"), rs.getString("signer_roles"),
                            rs.getObject("signed_at", OffsetDateTime.class).toInstant(), SignatureMeaning.fromWord(rs.getString("meaning")),
                            rs.getString("comment"));
                    return new PatchDecision(id, nullableLong(rs.getObject("device_id")), rs.getString("asset_tag"),
                            nullableLong(rs.getObject("product_id")), rs.getString("product_name"), rs.getString("update_name"),
                            PatchDecision.Choice.parse(rs.getString("decision")), rs.getString("approver_name"),
                            rs.getString("approver_role"), rs.getString("rationale"),
                            rs.getObject("decided_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), signature);
                })
                .list();
    }

    /**
     * Returns a LIKE pattern, escaped with '!', that finds {@code text} anywhere, ignoring case, with
     * % and _ taken literally. The escape is not a backslash because Jdbi's statement parser reads a
     * quoted backslash as escaping the quote.
     */
    static String containsPattern(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
