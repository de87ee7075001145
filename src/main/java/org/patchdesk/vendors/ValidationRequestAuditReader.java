package org.patchdesk.vendors;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads validation requests for the audit check: the subject, contact, FDA clock fields, notes,
 * status with its date, follow-up date and the vendor's response. The product is not compared,
 * because a manufacturer merge moves requests to the product it keeps without an entry. Entries
 * record the contact as "name (id)", and a contact can be renamed later, so the contact is
 * compared by its id.
 */
public final class ValidationRequestAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("update_name", "cve_id", "contact", "uncontrolled", "learned_on",
            "advisory_released_on", "notes", "requested_on", "status", "status_on", "follow_up_on", "responded_on",
            "vendor_reference", "response_notes");
    private static final Pattern CONTACT_ID = Pattern.compile("\\((\\d+)\\)$");

    @Override
    public String recordType() {
        return ValidationRequestService.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public String fieldLabel(String field) {
        return "contact".equals(field) ? "contact id" : AuditedRecordReader.super.fieldLabel(field);
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery("SELECT id, update_name, cve_id, contact_id, uncontrolled, learned_on, advisory_released_on, notes,"
                        + " requested_on, status, status_on, follow_up_on, responded_on, vendor_reference, response_notes"
                        + " FROM validation_request ORDER BY id")
                .map((rs, ctx) -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("update_name", rs.getString("update_name"));
                    values.put("cve_id", rs.getString("cve_id"));
                    values.put("contact", rs.getString("contact_id"));
                    values.put("uncontrolled", String.valueOf(rs.getBoolean("uncontrolled")));
                    for (String date : List.of("learned_on", "advisory_released_on", "requested_on", "status_on", "follow_up_on",
                            "responded_on")) {
                        LocalDate day = rs.getObject(date, LocalDate.class);
                        values.put(date, day == null ? null : day.toString());
                    }
                    values.put("notes", rs.getString("notes"));
                    values.put("status", rs.getString("status"));
                    values.put("vendor_reference", rs.getString("vendor_reference"));
                    values.put("response_notes", rs.getString("response_notes"));
                    String subject = rs.getString("update_name") != null ? rs.getString("update_name") : rs.getString("cve_id");
                    return new CurrentRecord(rs.getLong("id"), subject, values);
                })
                .forEach(sink);
    }

    /**
     * Reduces a recorded contact to its id, and gives a create entry the status date every new
     * request starts with: its requested date.
     */
    @Override
    public Map<String, String> recordedValues(AuditEntry entry, Map<String, String> values) {
        Map<String, String> result = new LinkedHashMap<>(values);
        String contact = values.get("contact");
        if (contact != null && !contact.isEmpty()) {
            Matcher id = CONTACT_ID.matcher(contact);
            result.put("contact", id.find() ? id.group(1) : contact);
        }
        if (entry.action() == AuditAction.CREATE && values.containsKey("requested_on")) {
            result.putIfAbsent("status_on", values.get("requested_on"));
        }
        return result;
    }
}
