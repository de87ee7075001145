package org.patchdesk.acceptance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;
import org.patchdesk.users.Role;

/**
 * Reads risk acceptances for the audit check: the draft's fields with its scope and linked
 * controls as id lists, the requester, the state and the roles fixed at submission. A create entry
 * records no state and no requester, so it is read as a draft requested by the entry's user. The
 * id lists are compared in ascending order, because a draft records them in the order they were
 * chosen. The end note is compared only once an entry recorded it, because a rejection stores the
 * signer's comment there without recording it. The counts of findings held and reopened describe
 * events, and the dates of submission, decision and end are not recorded, so neither is compared.
 */
public final class AcceptanceAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("title", "reason", "reason_detail", "replacement_date", "risk_statement",
            "likelihood", "severity", "decision", "duration_months", "start_date", "end_date", "devices", "findings", "controls",
            "requester", "state", "required_roles");
    private static final List<String> ID_LISTS = List.of("devices", "findings", "controls");
    private static final String END_NOTE = "end_note";
    private static final String ID_SEPARATOR = ",";

    @Override
    public String recordType() {
        return RiskAcceptanceService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public boolean compares(String field) {
        return FIELDS.contains(field) || END_NOTE.equals(field);
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT a.*,"
                        + " (SELECT LISTAGG(CAST(x.device_id AS VARCHAR), ',') WITHIN GROUP (ORDER BY x.device_id)"
                        + " FROM risk_acceptance_device x WHERE x.acceptance_id = a.id) AS devices,"
                        + " (SELECT LISTAGG(CAST(x.finding_id AS VARCHAR), ',') WITHIN GROUP (ORDER BY x.finding_id)"
                        + " FROM risk_acceptance_finding x WHERE x.acceptance_id = a.id) AS findings,"
                        + " (SELECT LISTAGG(CAST(x.control_id AS VARCHAR), ',') WITHIN GROUP (ORDER BY x.control_id)"
                        + " FROM risk_acceptance_control x WHERE x.acceptance_id = a.id) AS controls"
                        + " FROM risk_acceptance a ORDER BY a.id")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String column : List.of("title", "reason", "reason_detail", "risk_statement", "decision", "devices", "findings",
                            "controls", "requester", "state", END_NOTE)) {
                        values.put(column, rs.getString(column));
                    }
                    for (String column : List.of("likelihood", "severity", "duration_months")) {
                        values.put(column, Integer.toString(rs.getInt(column)));
                    }
                    for (String column : List.of("replacement_date", "start_date", "end_date")) {
                        LocalDate date = rs.getObject(column, LocalDate.class);
                        values.put(column, date == null ? null : date.toString());
                    }
                    String roles = rs.getString("required_roles");
                    values.put("required_roles", roles == null ? null
                            : Role.labels(AcceptanceSettings.parseRoles("required_roles of RA-" + id, roles)));
                    return new CurrentRecord(id, "RA-" + id + " " + rs.getString("title"), values);
                })
                .forEach(sink);
    }

    /** Sorts the id lists, and gives a create entry the draft state and the entry's user as requester. */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>(values);
        for (String list : ID_LISTS) {
            String ids = result.get(list);
            if (ids != null && !ids.isEmpty()) {
                result.put(list, Arrays.stream(ids.split(ID_SEPARATOR)).map(Long::parseLong).sorted().map(String::valueOf)
                        .collect(Collectors.joining(ID_SEPARATOR)));
            }
        }
        if (entry.action() == AuditAction.CREATE && !values.isEmpty()) {
            result.putIfAbsent("state", AcceptanceState.DRAFT.word());
            result.putIfAbsent("requester", entry.actor());
        }
        return result;
    }
}
