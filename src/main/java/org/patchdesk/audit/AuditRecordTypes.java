package org.patchdesk.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain names of the record types in the audit trail, as a report shows them to an auditor,
 * and which types are events rather than records. An import or an undo happens once, so it leaves
 * no record whose current values could be compared with its entry.
 */
public final class AuditRecordTypes {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("device", "devices"),
            Map.entry("manufacturer", "manufacturers"),
            Map.entry("device_type", "device types"),
            Map.entry("product", "products (manufacturer and model)"),
            Map.entry("import_batch", "inventory imports and their undos"),
            Map.entry("feed_import", "feed imports"),
            Map.entry("manual_vulnerability", "removals of vulnerabilities entered by hand"),
            Map.entry("mds2_form", "MDS2 form imports"),
            Map.entry("mds2_suggestion", "MDS2 suggestions accepted or rejected"),
            Map.entry("vulnerability", "exploitation marks of vulnerabilities"),
            Map.entry("finding", "findings"),
            Map.entry("setting", "settings"),
            Map.entry("product_match", "advisory product matches"),
            Map.entry("os_match", "advisory operating-system matches"),
            Map.entry("os_support", "operating-system end-of-support dates"),
            Map.entry("product_support", "product end-of-support dates"),
            Map.entry("product_security_fact", "product security facts from MDS2 forms"),
            Map.entry("product_patchability", "product patchability"),
            Map.entry("device_patchability", "device patchability"),
            Map.entry("patch_window", "patch windows"),
            Map.entry("department_blackout", "department blackouts"),
            Map.entry("department_minimum", "department minimums in service"),
            Map.entry("vendor_contact", "vendor contacts"),
            Map.entry("validation_request", "validation requests"),
            Map.entry("validation_document", "validation request documents"),
            Map.entry("playbook", "playbooks"),
            Map.entry("playbook_step", "playbook steps"),
            Map.entry("patch_log_entry", "patch log entries"),
            Map.entry("patch_decision", "patch decisions"),
            Map.entry("import_version_conflict", "import version conflicts"),
            Map.entry("compensating_control", "compensating controls"),
            Map.entry("compensating_control_device", "devices covered by compensating controls"),
            Map.entry("compensating_control_finding", "findings covered by compensating controls"),
            Map.entry("compensating_control_document", "compensating control evidence documents"),
            Map.entry("user_account", "user accounts"),
            Map.entry("electronic_signature", "electronic signatures"),
            Map.entry("risk_acceptance", "risk acceptances"),
            Map.entry("recovery_protocol", "recovery protocols"),
            Map.entry("backup", "restores from backups"));

    private static final Set<String> EVENTS = Set.of("import_batch", "feed_import", "manual_vulnerability", "mds2_form", "backup");

    private AuditRecordTypes() {
    }

    /** Returns the plain name of a record type, such as "feed imports", or its words for an unknown type. */
    public static String label(String recordType) {
        return LABELS.getOrDefault(recordType, recordType.replace('_', ' '));
    }

    /** Returns the plain names of record types, joined with commas, in the order given. */
    public static String labels(List<String> recordTypes) {
        return String.join(", ", recordTypes.stream().map(AuditRecordTypes::label).toList());
    }

    /** Returns whether the entries of the type record one-time events that leave no current record, such as imports. */
    public static boolean isEvent(String recordType) {
        return EVENTS.contains(recordType);
    }
}
