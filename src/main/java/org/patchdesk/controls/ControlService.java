package org.patchdesk.controls;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.InventoryChangeListener;

/**
 * The compensating controls of the site: the catalog of control types, the controls in place, the
 * devices and findings each covers, their verification and their evidence. Every change appends an
 * audit entry in the same transaction. A change that can alter scores (coverage, verification, type,
 * deletion) rescores the findings of the affected devices in that transaction, through the same
 * listener that device edits notify.
 */
public final class ControlService {

    public static final String CONTROL_RECORD = "compensating_control";
    public static final String DEVICE_RECORD = "compensating_control_device";
    public static final String FINDING_RECORD = "compensating_control_finding";
    public static final String DOCUMENT_RECORD = "compensating_control_document";

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_OWNER = 200;
    static final int MAX_RULE_IDS = 2000;
    /** The most devices a search returns; a search that finds more needs a narrower text. */
    public static final int SEARCH_LIMIT = 200;

    /** The SQL state H2 and the SQL standard give a delete that a foreign key of another table rejects. */
    private static final String REFERENCED_ROW = "23503";

    private static final String SELECT_CONTROL = "SELECT c.id, c.type_code, c.title, c.description, c.owner, c.verified_on,"
            + " c.next_verification_on, c.evidence_rule_ids, c.created_at, c.created_by, c.updated_at, c.updated_by"
            + " FROM compensating_control c";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final InventoryChangeListener findings;
    private final Clock clock;

    /**
     * @param findings told about the devices whose findings a change can rescore, inside the change's transaction
     */
    public ControlService(Jdbi jdbi, AuditLog auditLog, InventoryChangeListener findings, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.findings = findings;
        this.clock = clock;
    }

    /** Returns today in the clock's time zone: the day verification states are worked out for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- reading

    /** Lists the control types of the catalog in their catalog order. */
    public List<ControlType> catalog() {
        return jdbi.withHandle(ControlService::catalog);
    }

    private static List<ControlType> catalog(Handle handle) {
        return handle.createQuery("SELECT code, name, description, nist_800_53, csf_subcategories, lowers_exposure FROM control_type"
                        + " ORDER BY position")
                .map((rs, ctx) -> new ControlType(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                        split(rs.getString(5)), rs.getBoolean(6)))
                .list();
    }

    /**
     * Lists the controls the filter selects, soonest next verification first (so overdue ones lead),
     * then those never verified, each group by title.
     */
    public List<CompensatingControl> list(ControlFilter filter) {
        LocalDate today = today();
        return jdbi.withHandle(handle -> {
            List<String> conditions = new ArrayList<>();
            if (filter.typeCode() != null) {
                conditions.add("c.type_code = :type");
            }
            if (filter.deviceId() != null) {
                conditions.add("(EXISTS (SELECT 1 FROM compensating_control_device cd WHERE cd.control_id = c.id AND cd.device_id = :device)"
                        + " OR EXISTS (SELECT 1 FROM compensating_control_finding cf JOIN finding f ON f.id = cf.finding_id"
                        + " WHERE cf.control_id = c.id AND f.device_id = :device))");
            }
            if (filter.overdueOnly()) {
                conditions.add("c.next_verification_on < :today");
            }
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            Query query = handle.createQuery(SELECT_CONTROL + where + " ORDER BY c.next_verification_on NULLS LAST, LOWER(c.title), c.id");
            if (filter.typeCode() != null) {
                query.bind("type", filter.typeCode());
            }
            if (filter.deviceId() != null) {
                query.bind("device", filter.deviceId());
            }
            if (filter.overdueOnly()) {
                query.bind("today", today);
            }
            Map<String, ControlType> types = typesByCode(handle);
            List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
            return rows.stream().map(row -> complete(handle, row, types)).toList();
        });
    }

    /** Returns a control with its coverage and documents, or empty when no control has that id. */
    public Optional<CompensatingControl> get(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /** Lists the controls that cover a device, directly or through one of its findings. */
    public List<CompensatingControl> controlsFor(long deviceId) {
        return list(ControlFilter.all().withDevice(deviceId));
    }

    /** Lists the controls that cover a device, directly or through one of its findings, and count for scoring on {@code today}. */
    public List<CompensatingControl> effectiveControls(long deviceId, LocalDate today) {
        return controlsFor(deviceId).stream().filter(control -> control.effective(today)).toList();
    }

    /**
     * Finds devices to cover: those whose asset tag, department, manufacturer or model contains the
     * text, ignoring case, by asset tag, at most {@link #SEARCH_LIMIT}. A blank text lists the first devices.
     */
    public List<DeviceRef> searchDevices(String text) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_")) + "%";
        return jdbi.withHandle(handle -> handle.createQuery("SELECT d.id, d.asset_tag, m.name, d.model, d.department FROM device d"
                        + " LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
                        + " WHERE LOWER(d.asset_tag) LIKE :pattern ESCAPE '!' OR LOWER(d.department) LIKE :pattern ESCAPE '!'"
                        + " OR LOWER(d.model) LIKE :pattern ESCAPE '!' OR LOWER(m.name) LIKE :pattern ESCAPE '!'"
                        + " ORDER BY d.asset_tag_key FETCH FIRST " + SEARCH_LIMIT + " ROWS ONLY")
                .bind("pattern", pattern)
                .map((rs, ctx) -> deviceRef(rs))
                .list());
    }

    /** Lists a device's findings, by CVE, with their status, for choosing findings to cover. */
    public List<FindingRef> findingsOf(long deviceId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT f.id, f.device_id, d.asset_tag, f.cve_id, f.status FROM finding f"
                        + " JOIN device d ON d.id = f.device_id WHERE f.device_id = :device ORDER BY f.cve_id")
                .bind("device", deviceId)
                .map((rs, ctx) -> new FindingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    /** Lists the evidence documents of a control in the order they were added. */
    public List<ControlDocument> documents(long controlId) {
        return jdbi.withHandle(handle -> documents(handle, controlId));
    }

    // ---------------------------------------------------------------- controls

    /**
     * Creates a control that covers nothing yet.
     *
     * @throws IllegalArgumentException when a value is missing, too long or inconsistent, or the type is not in the catalog
     */
    public CompensatingControl create(ControlValues values, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            ControlValues clean = clean(handle, values, today);
            long id = handle.createUpdate("INSERT INTO compensating_control (type_code, title, description, owner, verified_on,"
                            + " next_verification_on, evidence_rule_ids, overdue_applied_for, created_at, created_by, updated_at, updated_by)"
                            + " VALUES (:type, :title, :description, :owner, :verified, :next, :rules, :applied, :at, :by, :at, :by)")
                    .bind("type", clean.typeCode()).bind("title", clean.title()).bind("description", clean.description())
                    .bind("owner", clean.owner()).bind("verified", clean.verifiedOn()).bind("next", clean.nextVerificationOn())
                    .bind("rules", clean.evidenceRuleIds()).bind("applied", lapsed(clean.nextVerificationOn(), today))
                    .bind("at", now).bind("by", actor.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            CompensatingControl created = require(handle, id);
            append(handle, now, actor, AuditAction.CREATE, CONTROL_RECORD, id, created.title(), Map.of(), values(created),
                    "Compensating control created");
            return created;
        });
    }

    /**
     * Changes a control's values. When its type or verification dates change, the findings it covers are rescored.
     *
     * @throws IllegalArgumentException when the control does not exist, or a value is missing, too long or inconsistent
     */
    public CompensatingControl update(long id, ControlValues values, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl old = require(handle, id);
            ControlValues clean = clean(handle, values, today);
            handle.createUpdate("UPDATE compensating_control SET type_code = :type, title = :title, description = :description,"
                            + " owner = :owner, verified_on = :verified, next_verification_on = :next, evidence_rule_ids = :rules,"
                            + " updated_at = :at, updated_by = :by WHERE id = :id")
                    .bind("type", clean.typeCode()).bind("title", clean.title()).bind("description", clean.description())
                    .bind("owner", clean.owner()).bind("verified", clean.verifiedOn()).bind("next", clean.nextVerificationOn())
                    .bind("rules", clean.evidenceRuleIds()).bind("at", now).bind("by", actor.name()).bind("id", id)
                    .execute();
            boolean scoringChanged = !old.type().code().equals(clean.typeCode()) || !Objects.equals(old.verifiedOn(), clean.verifiedOn())
                    || !Objects.equals(old.nextVerificationOn(), clean.nextVerificationOn());
            if (scoringChanged) {
                markLapse(handle, id, clean.nextVerificationOn(), today);
            }
            CompensatingControl updated = require(handle, id);
            Map<String, String> before = values(old);
            Map<String, String> after = values(updated);
            if (!before.equals(after)) {
                append(handle, now, actor, AuditAction.UPDATE, CONTROL_RECORD, id, updated.title(), changed(before, after),
                        changed(after, before), "Compensating control changed");
            }
            if (scoringChanged) {
                rescore(handle, affectedDevices(handle, id));
            }
            return updated;
        });
    }

    /**
     * Records that a control was checked and works: verified on {@code verifiedOn} (today when null)
     * until {@code nextVerificationOn}. The findings it covers are rescored.
     *
     * @throws IllegalArgumentException when the control does not exist, the verified date is after today, or the next date is
     *                                  missing or not after the verified date
     */
    public CompensatingControl recordVerification(long id, LocalDate verifiedOn, LocalDate nextVerificationOn, Actor actor) {
        LocalDate today = today();
        LocalDate verified = verifiedOn == null ? today : verifiedOn;
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl old = require(handle, id);
            if (nextVerificationOn == null) {
                throw new IllegalArgumentException("Enter the next verification date of '" + old.title() + "'");
            }
            checkDates(verified, nextVerificationOn, today);
            handle.createUpdate("UPDATE compensating_control SET verified_on = :verified, next_verification_on = :next,"
                            + " updated_at = :at, updated_by = :by WHERE id = :id")
                    .bind("verified", verified).bind("next", nextVerificationOn).bind("at", now).bind("by", actor.name()).bind("id", id)
                    .execute();
            markLapse(handle, id, nextVerificationOn, today);
            CompensatingControl updated = require(handle, id);
            append(handle, now, actor, AuditAction.UPDATE, CONTROL_RECORD, id, updated.title(),
                    dates(old.verifiedOn(), old.nextVerificationOn()), dates(verified, nextVerificationOn),
                    "Verification recorded: verified " + verified + ", next verification " + nextVerificationOn);
            rescore(handle, affectedDevices(handle, id));
            return updated;
        });
    }

    /**
     * Deletes a control with its coverage and document paths, and rescores the findings it covered.
     * The audit entry keeps its values, the asset tags and findings it covered and the document paths.
     *
     * @throws IllegalArgumentException when the control does not exist, or another record refers to it
     */
    public void delete(long id, Actor actor) {
        OffsetDateTime now = now();
        try {
            jdbi.useTransaction(handle -> {
                CompensatingControl old = require(handle, id);
                Set<Long> devices = affectedDevices(handle, id);
                handle.createUpdate("DELETE FROM compensating_control WHERE id = :id").bind("id", id).execute();
                Map<String, String> deleted = values(old);
                deleted.put("devices", String.join("; ", old.devices().stream().map(DeviceRef::assetTag).toList()));
                deleted.put("findings", String.join("; ", old.findings().stream().map(FindingRef::label).toList()));
                deleted.put("documents", String.join("; ", old.documents().stream().map(document -> document.path().toString()).toList()));
                append(handle, now, actor, AuditAction.DELETE, CONTROL_RECORD, id, old.title(), deleted, Map.of(),
                        "Compensating control deleted");
                rescore(handle, devices);
            });
        } catch (UnableToExecuteStatementException e) {
            if (isReferencedRow(e)) {
                String title = get(id).map(CompensatingControl::title).orElse("#" + id);
                throw new IllegalArgumentException("Control '" + title + "' is referred to by another record, such as a risk"
                        + " acceptance, and cannot be deleted. Remove that link first.", e);
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- coverage

    /**
     * Makes a control cover devices, each for all of its findings, and rescores their findings.
     * Devices it already covers are left as they are.
     *
     * @throws IllegalArgumentException when the control or a device does not exist
     */
    public CompensatingControl coverDevices(long id, Collection<Long> deviceIds, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl control = require(handle, id);
            Set<Long> added = new LinkedHashSet<>();
            for (long deviceId : new LinkedHashSet<>(deviceIds)) {
                DeviceRef device = device(handle, deviceId)
                        .orElseThrow(() -> new IllegalArgumentException("Device " + deviceId + " not found; it may have been deleted"));
                if (control.devices().stream().anyMatch(covered -> covered.id() == deviceId)) {
                    continue;
                }
                handle.createUpdate("INSERT INTO compensating_control_device (control_id, device_id, added_by, added_at)"
                                + " VALUES (:control, :device, :by, :at)")
                        .bind("control", id).bind("device", deviceId).bind("by", actor.name()).bind("at", now).execute();
                append(handle, now, actor, AuditAction.CREATE, DEVICE_RECORD, id, control.title(), Map.of(),
                        coverage(id, "device_id", deviceId, "asset_tag", device.assetTag()), "Control now covers device " + device.assetTag());
                added.add(deviceId);
            }
            rescore(handle, added);
            return require(handle, id);
        });
    }

    /**
     * Stops a control covering devices and rescores their findings. Devices it does not cover are ignored.
     *
     * @throws IllegalArgumentException when the control does not exist
     */
    public CompensatingControl uncoverDevices(long id, Collection<Long> deviceIds, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl control = require(handle, id);
            Set<Long> removed = new LinkedHashSet<>();
            for (DeviceRef device : control.devices()) {
                if (!deviceIds.contains(device.id())) {
                    continue;
                }
                handle.createUpdate("DELETE FROM compensating_control_device WHERE control_id = :control AND device_id = :device")
                        .bind("control", id).bind("device", device.id()).execute();
                append(handle, now, actor, AuditAction.DELETE, DEVICE_RECORD, id, control.title(),
                        coverage(id, "device_id", device.id(), "asset_tag", device.assetTag()), Map.of(),
                        "Control no longer covers device " + device.assetTag());
                removed.add(device.id());
            }
            rescore(handle, removed);
            return require(handle, id);
        });
    }

    /**
     * Makes a control cover single findings, and rescores them. Findings it already covers are left as they are.
     *
     * @throws IllegalArgumentException when the control or a finding does not exist
     */
    public CompensatingControl coverFindings(long id, Collection<Long> findingIds, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl control = require(handle, id);
            Set<Long> devices = new LinkedHashSet<>();
            for (long findingId : new LinkedHashSet<>(findingIds)) {
                FindingRef finding = finding(handle, findingId)
                        .orElseThrow(() -> new IllegalArgumentException("Finding " + findingId + " not found; its device may have been deleted"));
                if (control.findings().stream().anyMatch(covered -> covered.id() == findingId)) {
                    continue;
                }
                handle.createUpdate("INSERT INTO compensating_control_finding (control_id, finding_id, added_by, added_at)"
                                + " VALUES (:control, :finding, :by, :at)")
                        .bind("control", id).bind("finding", findingId).bind("by", actor.name()).bind("at", now).execute();
                append(handle, now, actor, AuditAction.CREATE, FINDING_RECORD, id, control.title(), Map.of(),
                        coverage(id, "finding_id", findingId, "finding", finding.label()), "Control now covers finding " + finding.label());
                devices.add(finding.deviceId());
            }
            rescore(handle, devices);
            return require(handle, id);
        });
    }

    /**
     * Stops a control covering single findings and rescores them. Findings it does not cover are ignored.
     *
     * @throws IllegalArgumentException when the control does not exist
     */
    public CompensatingControl uncoverFindings(long id, Collection<Long> findingIds, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl control = require(handle, id);
            Set<Long> devices = new LinkedHashSet<>();
            for (FindingRef finding : control.findings()) {
                if (!findingIds.contains(finding.id())) {
                    continue;
                }
                handle.createUpdate("DELETE FROM compensating_control_finding WHERE control_id = :control AND finding_id = :finding")
                        .bind("control", id).bind("finding", finding.id()).execute();
                append(handle, now, actor, AuditAction.DELETE, FINDING_RECORD, id, control.title(),
                        coverage(id, "finding_id", finding.id(), "finding", finding.label()), Map.of(),
                        "Control no longer covers finding " + finding.label());
                devices.add(finding.deviceId());
            }
            rescore(handle, devices);
            return require(handle, id);
        });
    }

    // ---------------------------------------------------------------- evidence documents

    /**
     * Keeps the path of an evidence document with a control, as an absolute path. The file is not
     * copied and need not exist now, because it may sit on a share that is not connected.
     *
     * @throws IllegalArgumentException when the control does not exist, or the path is blank, not valid or already kept
     */
    public ControlDocument addDocument(long controlId, String path, Actor actor) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A document path is required");
        }
        Path absolute;
        try {
            absolute = Path.of(path.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + path.strip() + "' is not a valid file path: " + e.getReason());
        }
        String stored = absolute.toString();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            CompensatingControl control = require(handle, controlId);
            if (control.documents().stream().anyMatch(document -> document.path().toString().equals(stored))) {
                throw new IllegalArgumentException(stored + " is already kept with control '" + control.title() + "'");
            }
            long id = handle.createUpdate("INSERT INTO compensating_control_document (control_id, path, added_by, added_at)"
                            + " VALUES (:control, :path, :by, :at)")
                    .bind("control", controlId).bind("path", stored).bind("by", actor.name()).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            append(handle, now, actor, AuditAction.CREATE, DOCUMENT_RECORD, id, control.title(), Map.of(),
                    Map.of("control_id", String.valueOf(controlId), "path", stored), "Evidence document added");
            return new ControlDocument(id, controlId, absolute, actor.name(), now.toInstant());
        });
    }

    /**
     * Forgets an evidence document's path; the file itself is not touched.
     *
     * @throws IllegalArgumentException when the document is not found
     */
    public void removeDocument(long documentId, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            ControlDocument document = handle.createQuery("SELECT id, control_id, path, added_by, added_at"
                            + " FROM compensating_control_document WHERE id = :id")
                    .bind("id", documentId).map((rs, ctx) -> document(rs)).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Document " + documentId + " not found; it may have been removed"));
            CompensatingControl control = require(handle, document.controlId());
            handle.createUpdate("DELETE FROM compensating_control_document WHERE id = :id").bind("id", documentId).execute();
            append(handle, now, actor, AuditAction.DELETE, DOCUMENT_RECORD, documentId, control.title(),
                    Map.of("control_id", String.valueOf(control.id()), "path", document.path().toString()), Map.of(),
                    "Evidence document removed");
        });
    }

    // ---------------------------------------------------------------- overdue verification

    /**
     * Rescores the findings covered by controls whose verification became overdue since their
     * findings were last rescored for it, and records each such control in the audit trail. Scores
     * depend on the day, so this runs when a data folder is opened and when the Controls screen
     * refreshes. Any other rescore of the same findings has the same effect.
     *
     * @return the number of controls found newly overdue
     */
    public int applyOverdue(Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            List<Row> lapsed = handle.createQuery(SELECT_CONTROL + " WHERE c.next_verification_on < :today"
                            + " AND (c.overdue_applied_for IS NULL OR c.overdue_applied_for <> c.next_verification_on) ORDER BY c.id")
                    .bind("today", today)
                    .map((rs, ctx) -> row(rs))
                    .list();
            Set<Long> devices = new LinkedHashSet<>();
            for (Row row : lapsed) {
                handle.createUpdate("UPDATE compensating_control SET overdue_applied_for = next_verification_on WHERE id = :id")
                        .bind("id", row.id()).execute();
                Set<Long> covered = affectedDevices(handle, row.id());
                devices.addAll(covered);
                append(handle, now, actor, AuditAction.UPDATE, CONTROL_RECORD, row.id(), row.title(), Map.of("state", "verified"),
                        Map.of("state", "verification overdue"), "Verification overdue since " + row.nextVerificationOn().plusDays(1)
                                + "; the control no longer counts for scoring, and the findings of " + covered.size()
                                + (covered.size() == 1 ? " device were" : " devices were") + " rescored");
            }
            rescore(handle, devices);
            return lapsed.size();
        });
    }

    // ---------------------------------------------------------------- shared steps

    /** A control row before its type, coverage and documents are read. */
    private record Row(long id, String typeCode, String title, String description, String owner, LocalDate verifiedOn,
                       LocalDate nextVerificationOn, String evidenceRuleIds, Instant createdAt, String createdBy, Instant updatedAt,
                       String updatedBy) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10), rs.getObject(11, OffsetDateTime.class).toInstant(),
                rs.getString(12));
    }

    private static CompensatingControl complete(Handle handle, Row row, Map<String, ControlType> types) {
        List<DeviceRef> devices = handle.createQuery("SELECT d.id, d.asset_tag, m.name, d.model, d.department"
                        + " FROM compensating_control_device cd JOIN device d ON d.id = cd.device_id"
                        + " LEFT JOIN manufacturer m ON m.id = d.manufacturer_id WHERE cd.control_id = :id ORDER BY d.asset_tag_key")
                .bind("id", row.id()).map((rs, ctx) -> deviceRef(rs)).list();
        List<FindingRef> findings = handle.createQuery("SELECT f.id, f.device_id, d.asset_tag, f.cve_id, f.status"
                        + " FROM compensating_control_finding cf JOIN finding f ON f.id = cf.finding_id JOIN device d ON d.id = f.device_id"
                        + " WHERE cf.control_id = :id ORDER BY d.asset_tag_key, f.cve_id")
                .bind("id", row.id())
                .map((rs, ctx) -> new FindingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        return new CompensatingControl(row.id(), types.get(row.typeCode()), row.title(), row.description(), row.owner(), row.verifiedOn(),
                row.nextVerificationOn(), row.evidenceRuleIds(), row.createdAt(), row.createdBy(), row.updatedAt(), row.updatedBy(),
                devices, findings, documents(handle, row.id()));
    }

    private static Map<String, ControlType> typesByCode(Handle handle) {
        Map<String, ControlType> types = new LinkedHashMap<>();
        catalog(handle).forEach(type -> types.put(type.code(), type));
        return types;
    }

    private static Optional<CompensatingControl> find(Handle handle, long id) {
        return handle.createQuery(SELECT_CONTROL + " WHERE c.id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne()
                .map(row -> complete(handle, row, typesByCode(handle)));
    }

    private static CompensatingControl require(Handle handle, long id) {
        return find(handle, id).orElseThrow(() -> new IllegalArgumentException("Control " + id + " not found; it may have been deleted"));
    }

    private static List<ControlDocument> documents(Handle handle, long controlId) {
        return handle.createQuery("SELECT id, control_id, path, added_by, added_at FROM compensating_control_document"
                        + " WHERE control_id = :id ORDER BY id")
                .bind("id", controlId).map((rs, ctx) -> document(rs)).list();
    }

    private static ControlDocument document(ResultSet rs) throws SQLException {
        return new ControlDocument(rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    private static DeviceRef deviceRef(ResultSet rs) throws SQLException {
        return new DeviceRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static Optional<DeviceRef> device(Handle handle, long deviceId) {
        return handle.createQuery("SELECT d.id, d.asset_tag, m.name, d.model, d.department FROM device d"
                        + " LEFT JOIN manufacturer m ON m.id = d.manufacturer_id WHERE d.id = :id")
                .bind("id", deviceId).map((rs, ctx) -> deviceRef(rs)).findOne();
    }

    private static Optional<FindingRef> finding(Handle handle, long findingId) {
        return handle.createQuery("SELECT f.id, f.device_id, d.asset_tag, f.cve_id, f.status FROM finding f"
                        + " JOIN device d ON d.id = f.device_id WHERE f.id = :id")
                .bind("id", findingId)
                .map((rs, ctx) -> new FindingRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .findOne();
    }

    /** Returns the devices whose findings a control covers: those it covers whole and those of the findings it covers. */
    private static Set<Long> affectedDevices(Handle handle, long controlId) {
        Set<Long> devices = new LinkedHashSet<>(handle.createQuery("SELECT device_id FROM compensating_control_device"
                + " WHERE control_id = :id ORDER BY device_id").bind("id", controlId).mapTo(Long.class).list());
        devices.addAll(handle.createQuery("SELECT DISTINCT f.device_id FROM compensating_control_finding cf"
                + " JOIN finding f ON f.id = cf.finding_id WHERE cf.control_id = :id ORDER BY f.device_id")
                .bind("id", controlId).mapTo(Long.class).list());
        return devices;
    }

    /** Rescores the findings of the devices; an empty set rescores nothing, because the listener reads it as "every device". */
    private void rescore(Handle handle, Set<Long> deviceIds) {
        if (!deviceIds.isEmpty()) {
            findings.devicesChanged(handle, deviceIds, ProgressMonitor.NONE);
        }
    }

    /**
     * Records that the control's findings were scored with a next verification date already past, so
     * that {@link #applyOverdue} does not rescore them again for that date.
     */
    private static void markLapse(Handle handle, long id, LocalDate next, LocalDate today) {
        handle.createUpdate("UPDATE compensating_control SET overdue_applied_for = :applied WHERE id = :id")
                .bind("applied", lapsed(next, today)).bind("id", id).execute();
    }

    private static LocalDate lapsed(LocalDate next, LocalDate today) {
        return next != null && next.isBefore(today) ? next : null;
    }

    private static ControlValues clean(Handle handle, ControlValues values, LocalDate today) {
        String code = trimmed(values.typeCode());
        if (code == null) {
            throw new IllegalArgumentException("Choose the type of control, such as Network segmentation / VLAN");
        }
        List<ControlType> catalog = catalog(handle);
        if (catalog.stream().noneMatch(type -> type.code().equals(code))) {
            throw new IllegalArgumentException("Control type '" + code + "' is not in the catalog; use one of "
                    + String.join(", ", catalog.stream().map(ControlType::code).toList()));
        }

        String title = trimmed(values.title());
        if (title == null) {
            throw new IllegalArgumentException("A control needs a title, such as 'Infusion pumps on VLAN 40'");
        }
        String owner = trimmed(values.owner());
        if (owner == null) {
            throw new IllegalArgumentException("A control needs an owner: the person or team that keeps it working, such as 'Network team'");
        }
        String description = trimmed(values.description());
        String rules = trimmed(values.evidenceRuleIds());
        checkLength("Title", title, MAX_TITLE);
        checkLength("Owner", owner, MAX_OWNER);
        checkLength("Description", description, MAX_DESCRIPTION);
        checkLength("Evidence rule IDs", rules, MAX_RULE_IDS);

        if ((values.verifiedOn() == null) != (values.nextVerificationOn() == null)) {
            throw new IllegalArgumentException("Enter both the verified date and the next verification date, or neither for a control"
                    + " not verified yet");
        }
        if (values.verifiedOn() != null) {
            checkDates(values.verifiedOn(), values.nextVerificationOn(), today);
        }
        return new ControlValues(code, title, description, owner, values.verifiedOn(), values.nextVerificationOn(), rules);
    }

    private static void checkDates(LocalDate verified, LocalDate next, LocalDate today) {
        if (verified.isAfter(today)) {
            throw new IllegalArgumentException("The verified date " + verified + " is after today (" + today
                    + "); record a verification once it is done");
        }
        if (!next.isAfter(verified)) {
            throw new IllegalArgumentException("The next verification date " + next + " must be after the verified date " + verified);
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; at most " + max + " are allowed");
        }
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    private static Map<String, String> values(CompensatingControl control) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", control.type().code());
        values.put("title", control.title());
        putIfPresent(values, "description", control.description());
        values.put("owner", control.owner());
        putIfPresent(values, "verified_on", control.verifiedOn() == null ? null : control.verifiedOn().toString());
        putIfPresent(values, "next_verification_on", control.nextVerificationOn() == null ? null : control.nextVerificationOn().toString());
        putIfPresent(values, "evidence_rule_ids", control.evidenceRuleIds());
        return values;
    }

    private static Map<String, String> dates(LocalDate verified, LocalDate next) {
        Map<String, String> values = new LinkedHashMap<>();
        putIfPresent(values, "verified_on", verified == null ? null : verified.toString());
        putIfPresent(values, "next_verification_on", next == null ? null : next.toString());
        return values;
    }

    private static Map<String, String> coverage(long controlId, String idKey, long id, String labelKey, String label) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("control_id", String.valueOf(controlId));
        values.put(idKey, String.valueOf(id));
        values.put(labelKey, label);
        return values;
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /** Returns the entries of {@code values} whose value differs in {@code other}, including keys {@code other} lacks. */
    private static Map<String, String> changed(Map<String, String> values, Map<String, String> other) {
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!Objects.equals(value, other.get(key))) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    private void append(Handle handle, OffsetDateTime now, Actor actor, AuditAction action, String recordType, long recordId,
                        String label, Map<String, String> oldValues, Map<String, String> newValues, String summary) {
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), action, recordType, recordId, label, null, oldValues,
                newValues, summary));
    }

    private static boolean isReferencedRow(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && REFERENCED_ROW.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
