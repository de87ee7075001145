package org.patchdesk.controls;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditRowMapper;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads compensating controls for the audit check: the values a person enters, including the
 * verification dates, and what the control covers and keeps as evidence. The overdue state is
 * worked out from the dates, so comparing the dates covers it.
 *
 * <p>Coverage and evidence documents have entries of their own record types, which carry the
 * control's id in their values (and as record id for coverage) and only add or remove one link
 * each. They are folded into the control's {@code devices}, {@code findings} and {@code documents}
 * fields: device and finding ids in ascending order, document paths sorted and joined by semicolons, as a control's delete entry lists them. A device
 * or finding that was deleted takes its coverage with it, so only those that still exist are
 * expected.
 */
public final class ControlAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = List.of("type", "title", "description", "owner", "verified_on", "next_verification_on",
            "evidence_rule_ids", "devices", "findings", "documents");
    private static final String DEVICES = "devices";
    private static final String FINDINGS = "findings";
    private static final String DOCUMENTS = "documents";
    private static final String ID_SEPARATOR = ", ";
    private static final String PATH_SEPARATOR = "; ";

    @Override
    public String recordType() {
        return ControlService.CONTROL_RECORD;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public List<String> includedRecordTypes() {
        return List.of(ControlService.DEVICE_RECORD, ControlService.FINDING_RECORD, ControlService.DOCUMENT_RECORD);
    }

    @Override
    public String fieldLabel(String field) {
        return switch (field) {
            case DEVICES -> "covered device ids";
            case FINDINGS -> "covered finding ids";
            case DOCUMENTS -> "evidence documents";
            default -> AuditedRecordReader.super.fieldLabel(field);
        };
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        Map<Long, Set<String>> devices = links(handle, "SELECT control_id, device_id FROM compensating_control_device");
        Map<Long, Set<String>> findings = links(handle, "SELECT control_id, finding_id FROM compensating_control_finding");
        Map<Long, Set<String>> documents = links(handle, "SELECT control_id, path FROM compensating_control_document");
        handle.createQuery("SELECT id, type_code, title, description, owner, verified_on, next_verification_on, evidence_rule_ids"
                        + " FROM compensating_control ORDER BY id")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("type", rs.getString("type_code"));
                    values.put("title", rs.getString("title"));
                    values.put("description", rs.getString("description"));
                    values.put("owner", rs.getString("owner"));
                    values.put("verified_on", date(rs.getObject("verified_on", LocalDate.class)));
                    values.put("next_verification_on", date(rs.getObject("next_verification_on", LocalDate.class)));
                    values.put("evidence_rule_ids", rs.getString("evidence_rule_ids"));
                    values.put(DEVICES, ids(devices.getOrDefault(id, Set.of())));
                    values.put(FINDINGS, ids(findings.getOrDefault(id, Set.of())));
                    values.put(DOCUMENTS, paths(documents.getOrDefault(id, Set.of())));
                    return new CurrentRecord(id, rs.getString("title"), values);
                })
                .forEach(sink);
    }

    /**
     * Applies the coverage and document entries after the entry that recorded a list, and drops the
     * devices and findings deleted since.
     */
    @Override
    public RecordedValueAdjuster adjuster(Handle handle) {
        Map<Long, Long> controlOfEntry = new HashMap<>();
        handle.createQuery("SELECT id, record_id FROM audit_entry WHERE record_type = :type")
                .bind("type", recordType())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(entry -> controlOfEntry.put(entry.getKey(), entry.getValue()));
        Map<Long, List<LinkChange>> changes = new HashMap<>();
        handle.createQuery("SELECT * FROM audit_entry WHERE record_type IN (<types>) ORDER BY id")
                .bindList("types", includedRecordTypes())
                .map(new AuditRowMapper())
                .forEach(entry -> linkChange(entry).ifPresent(change -> changes.computeIfAbsent(change.controlId(), id -> new ArrayList<>())
                        .add(change)));
        Set<String> existingDevices = existing(handle, changes, DEVICES, "SELECT CAST(id AS VARCHAR) FROM device");
        Set<String> existingFindings = existing(handle, changes, FINDINGS, "SELECT CAST(id AS VARCHAR) FROM finding");
        return (field, value, entryId) -> {
            Function<Set<String>, String> format;
            String separator;
            Set<String> existing;
            switch (field) {
                case DEVICES -> {
                    format = ControlAuditReader::ids;
                    separator = ID_SEPARATOR;
                    existing = existingDevices;
                }
                case FINDINGS -> {
                    format = ControlAuditReader::ids;
                    separator = ID_SEPARATOR;
                    existing = existingFindings;
                }
                case DOCUMENTS -> {
                    format = ControlAuditReader::paths;
                    separator = PATH_SEPARATOR;
                    existing = null;
                }
                default -> {
                    return value;
                }
            }
            Set<String> links = new HashSet<>(value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(separator)));
            for (LinkChange change : changes.getOrDefault(controlOfEntry.get(entryId), List.of())) {
                if (change.entryId() > entryId && change.field().equals(field)) {
                    if (change.added()) {
                        links.add(change.link());
                    } else {
                        links.remove(change.link());
                    }
                }
            }
            if (existing != null) {
                links.retainAll(existing);
            }
            return format.apply(links);
        };
    }

    /** One link added to or removed from a control's list {@code field} by entry {@code entryId}. */
    private record LinkChange(long entryId, long controlId, String field, String link, boolean added) {
    }

    private static Optional<LinkChange> linkChange(AuditEntry entry) {
        boolean added = entry.action() == AuditAction.CREATE;
        if (!added && entry.action() != AuditAction.DELETE) {
            return Optional.empty();
        }
        Map<String, String> values = added ? entry.newValues() : entry.oldValues();
        String controlId = values.get("control_id");
        if (controlId == null) {
            return Optional.empty();
        }
        String field;
        String link;
        switch (entry.recordType()) {
            case ControlService.DEVICE_RECORD -> {
                field = DEVICES;
                link = values.get("device_id");
            }
            case ControlService.FINDING_RECORD -> {
                field = FINDINGS;
                link = values.get("finding_id");
            }
            default -> {
                field = DOCUMENTS;
                link = values.get("path");
            }
        }
        return link == null ? Optional.empty()
                : Optional.of(new LinkChange(entry.id(), Long.parseLong(controlId), field, link, added));
    }

    /** Reads the ids of the existing devices or findings, or returns null when no entry links a control to one. */
    private static Set<String> existing(Handle handle, Map<Long, List<LinkChange>> changes, String field, String sql) {
        boolean linked = changes.values().stream().flatMap(List::stream).anyMatch(change -> change.field().equals(field));
        return linked ? new HashSet<>(handle.createQuery(sql).mapTo(String.class).list()) : null;
    }

    private static Map<Long, Set<String>> links(Handle handle, String sql) {
        Map<Long, Set<String>> links = new HashMap<>();
        handle.createQuery(sql)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(link -> links.computeIfAbsent(link.getKey(), id -> new HashSet<>()).add(link.getValue()));
        return links;
    }

    /** Returns ids in ascending numeric order, joined by commas, or null for none. */
    private static String ids(Set<String> ids) {
        return ids.isEmpty() ? null : ids.stream().map(Long::parseLong).sorted().map(String::valueOf)
                .collect(Collectors.joining(ID_SEPARATOR));
    }

    /** Returns paths in sorted order, joined by semicolons, or null for none. */
    private static String paths(Set<String> paths) {
        return paths.isEmpty() ? null : String.join(PATH_SEPARATOR, new TreeSet<>(paths));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
