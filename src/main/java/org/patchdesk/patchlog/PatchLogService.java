package org.patchdesk.patchlog;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceDao;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.users.SignatureService;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * The patch log: what was applied to each device, when, by whom and with what outcome, and the
 * decisions to deploy, defer or reject updates, which are electronic signatures once PatchDesk has
 * user accounts. Recording an installed entry closes the device's
 * open findings of the CVEs it fixes as patched, through the same path as a status change by
 * hand, and sets the device's software version, which later inventory imports then keep. Each
 * call runs in one transaction and appends its audit entries there.
 */
public final class PatchLogService {

    public static final String ENTRY_RECORD = "patch_log_entry";
    public static final String DECISION_RECORD = "patch_decision";
    /** The roles that may sign a patch decision. */
    public static final Set<Role> DECISION_SIGNERS = Collections.unmodifiableSet(EnumSet.of(Role.HTM_MANAGER, Role.INFOSEC));
    /** The maximum length of a signed decision's rationale, because the rationale is the signature's comment. */
    public static final int SIGNED_RATIONALE_LENGTH = 2000;

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final DeviceService devices;
    private final FindingService findings;
    private final SignatureService signatures;
    private final Clock clock;

    public PatchLogService(Jdbi jdbi, AuditLog auditLog, DeviceService devices, FindingService findings, SignatureService signatures,
                           Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.devices = devices;
        this.findings = findings;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Returns the site's time zone, in which the log's dates are days. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Records one entry; see {@link #recordAll(Handle, List, Actor)}.
     *
     * @throws IllegalArgumentException when the entry is incomplete or its device does not exist
     */
    public PatchLogEntry record(NewLogEntry entry, Actor actor) {
        return recordAll(List.of(entry), actor).get(0);
    }

    /**
     * Records entries all together or not at all; see {@link #recordAll(Handle, List, Actor)}.
     *
     * @throws IllegalArgumentException when an entry is incomplete or its device does not exist; nothing is recorded
     */
    public List<PatchLogEntry> recordAll(List<NewLogEntry> entries, Actor actor) {
        return jdbi.inTransaction(handle -> recordAll(handle, entries, actor));
    }

    /**
     * Records entries inside the caller's transaction, such as a patch window's completion with one
     * entry per device. For each installed entry, the device's open findings of the CVEs it fixes
     * become patched with a note naming the entry, and a non-blank version after becomes the
     * device's software version. Returns the recorded entries in the order given.
     *
     * @throws IllegalArgumentException when an entry is incomplete or its device does not exist; the
     *                                  message names the entry's position when there are several
     */
    public List<PatchLogEntry> recordAll(Handle handle, List<NewLogEntry> entries, Actor actor) {
        for (int i = 0; i < entries.size(); i++) {
            try {
                check(entries.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(position(i, entries.size()) + e.getMessage(), e);
            }
        }
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        List<DeviceService.VersionChange> versions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                ids.add(insert(handle, entries.get(i), actor, now, versions));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(position(i, entries.size()) + e.getMessage(), e);
            }
        }
        // The versions change after every finding was closed, and the devices' findings are refreshed once for the whole batch.
        devices.setSoftwareVersions(handle, versions, actor);
        List<PatchLogEntry> recorded = new ArrayList<>();
        for (long id : ids) {
            recorded.add(find(handle, id).orElseThrow());
        }
        return recorded;
    }

    private static String position(int index, int count) {
        return count == 1 ? "" : "Entry " + (index + 1) + " of " + count + ": ";
    }

    /**
     * Checks an entry as recording would, without reading the database: the required fields,
     * their lengths, the CVE ids, and a date that is not in the future.
     *
     * @throws IllegalArgumentException naming the field and value that is wrong
     */
    public void check(NewLogEntry entry) {
        if (entry.outcome() == null) {
            throw new IllegalArgumentException("The outcome is required: installed, failed, rolled back or deferred");
        }
        requireText(entry.update(), "The update applied is required, such as the firmware release or the KB number");
        requireLength("Update", entry.update(), 500);
        requireLength("Version before", entry.versionBefore(), 200);
        requireLength("Version after", entry.versionAfter(), 200);
        requireText(entry.performedBy(), "Who performed the work is required, such as the technician or the vendor's engineer");
        requireLength("Performed by", entry.performedBy(), 200);
        if (entry.outcome().needsReason()) {
            requireText(entry.reason(), "A " + entry.outcome().label() + " patch needs a reason, such as the error shown or what the"
                    + " clinical unit asked");
        }
        requireLength("Reason", entry.reason(), 2000);
        requireLength("Notes", entry.notes(), 4000);
        if (entry.performedAt() == null) {
            throw new IllegalArgumentException("The date the work was performed is required");
        }
        LocalDate performedOn = LocalDate.ofInstant(entry.performedAt(), clock.getZone());
        LocalDate today = LocalDate.now(clock);
        if (performedOn.isAfter(today)) {
            throw new IllegalArgumentException("The work is dated " + performedOn + ", after today (" + today + ");"
                    + " record work once it is done");
        }
        cveIds(entry.fixesCves());
    }

    /** Returns the CVE ids normalized and without repeats, in the order given. */
    private static List<String> cveIds(List<String> raw) {
        Set<String> ids = new LinkedHashSet<>();
        for (String text : raw) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String id = CveIds.normalize(text);
            if (id == null) {
                throw new IllegalArgumentException(CveIds.invalid(text.strip()));
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** Inserts an entry, closes its findings, and adds the device's new version to {@code versions}. */
    /**
     * Returns the validation date of an entry: the date its validation request became validated,
     * or the date given when the entry names no request.
     *
     * @throws IllegalArgumentException when the request does not exist or is not validated
     */
    private static LocalDate validatedOn(Handle handle, NewLogEntry entry) {
        if (entry.validationRequestId() == null) {
            return entry.validatedOn();
        }
        record Status(String status, LocalDate on) {
        }
        Status request = handle.createQuery("SELECT status, status_on FROM validation_request WHERE id = :id")
                .bind("id", entry.validationRequestId())
                .map((rs, ctx) -> new Status(rs.getString("status"), rs.getObject("status_on", LocalDate.class))).findOne()
                .orElseThrow(() -> new IllegalArgumentException("Validation request " + entry.validationRequestId() + " not found"));
        if (!"validated".equals(request.status())) {
            throw new IllegalArgumentException("Validation request " + entry.validationRequestId() + " is " + request.status()
                    + ", not validated; an update can be logged against a validated request only");
        }
        return request.on();
    }

    private long insert(Handle handle, NewLogEntry entry, Actor actor, Instant now, List<DeviceService.VersionChange> versions) {
        Device device = handle.attach(DeviceDao.class).findById(entry.deviceId())
                .orElseThrow(() -> new IllegalArgumentException("No device has id " + entry.deviceId()));
        // An earlier entry of the same batch may have set the device's version; its change is applied at the end of the batch.
        String currentVersion = versions.stream().filter(change -> change.deviceId() == device.id()).reduce((first, last) -> last)
                .map(DeviceService.VersionChange::version)
                .orElse(device.values().get(DeviceField.SOFTWARE_VERSION, String.class));
        String versionBefore = entry.versionBefore() != null ? blankToNull(entry.versionBefore()) : currentVersion;
        String versionAfter = blankToNull(entry.versionAfter());
        List<String> cves = cveIds(entry.fixesCves());
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDate validatedOn = validatedOn(handle, entry);
        if (entry.patchWindowId() != null && handle.createQuery("SELECT COUNT(*) FROM patch_window WHERE id = :id")
                .bind("id", entry.patchWindowId()).mapTo(Integer.class).one() == 0) {
            throw new IllegalArgumentException("Patch window " + entry.patchWindowId() + " not found");
        }

        long id = handle.createUpdate("INSERT INTO patch_log_entry (device_id, asset_tag, patch_window_id, validation_request_id,"
                        + " update_applied, version_before, version_after, performed_at, performed_by, outcome, reason, validated_on, notes,"
                        + " recorded_by, recorded_at) VALUES (:device, :tag, :window, :validation, :update, :before, :after, :performedAt,"
                        + " :performedBy, :outcome, :reason, :validatedOn, :notes, :by, :at)")
                .bind("device", device.id())
                .bind("tag", device.assetTag())
                .bind("window", entry.patchWindowId())
                .bind("validation", entry.validationRequestId())
                .bind("update", entry.update().strip())
                .bind("before", versionBefore)
                .bind("after", versionAfter)
                .bind("performedAt", OffsetDateTime.ofInstant(entry.performedAt(), ZoneOffset.UTC))
                .bind("performedBy", entry.performedBy().strip())
                .bind("outcome", entry.outcome().word())
                .bind("reason", blankToNull(entry.reason()))
                .bind("validatedOn", validatedOn)
                .bind("notes", blankToNull(entry.notes()))
                .bind("by", actor.name())
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        if (!cves.isEmpty()) {
            var batch = handle.prepareBatch("INSERT INTO patch_log_cve (entry_id, cve_id) VALUES (:entry, :cve)");
            cves.forEach(cve -> batch.bind("entry", id).bind("cve", cve).add());
            batch.execute();
        }
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.CREATE, ENTRY_RECORD, id, device.assetTag(), null,
                Map.of(), auditValues(entry, versionBefore, versionAfter, cves), "Patch log: " + entry.update().strip() + " "
                + entry.outcome().label()));

        if (entry.outcome() == PatchOutcome.INSTALLED) {
            closeFindings(handle, id, device, entry, cves, actor);
            if (versionAfter != null) {
                versions.add(new DeviceService.VersionChange(device.id(), versionAfter, "Software version set by patch log entry #" + id
                        + " (" + entry.update().strip() + ")"));
                rememberVersion(handle, id, device, versionAfter, at);
            }
        }
        return id;
    }

    private static Map<String, String> auditValues(NewLogEntry entry, String versionBefore, String versionAfter, List<String> cves) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("update_applied", entry.update().strip());
        values.put("version_before", versionBefore);
        values.put("version_after", versionAfter);
        values.put("performed_at", entry.performedAt().toString());
        values.put("performed_by", entry.performedBy().strip());
        values.put("outcome", entry.outcome().word());
        values.put("reason", blankToNull(entry.reason()));
        values.put("fixes_cves", cves.isEmpty() ? null : String.join("; ", cves));
        values.put("patch_window_id", entry.patchWindowId() == null ? null : entry.patchWindowId().toString());
        values.put("validation_request_id", entry.validationRequestId() == null ? null : entry.validationRequestId().toString());
        values.put("validated_on", entry.validatedOn() == null ? null : entry.validatedOn().toString());
        values.put("notes", blankToNull(entry.notes()));
        values.values().removeIf(value -> value == null);
        return values;
    }

    /** Sets the device's open findings of the fixed CVEs to patched and links them to the entry. */
    private void closeFindings(Handle handle, long entryId, Device device, NewLogEntry entry, List<String> cves, Actor actor) {
        if (cves.isEmpty()) {
            return;
        }
        List<Long> open = handle.createQuery("SELECT id FROM finding WHERE device_id = :device AND status = :open AND cve_id IN (<cves>)"
                        + " ORDER BY cve_id")
                .bind("device", device.id())
                .bind("open", FindingStatus.OPEN.stored())
                .bindList("cves", cves)
                .mapTo(Long.class)
                .list();
        LocalDate performedOn = LocalDate.ofInstant(entry.performedAt(), clock.getZone());
        String note = "Patch log entry #" + entryId + ": " + entry.update().strip() + " installed on " + performedOn + " by "
                + entry.performedBy().strip();
        for (long findingId : open) {
            findings.setStatus(handle, findingId, FindingStatus.PATCHED, note, actor);
            handle.createUpdate("INSERT INTO patch_log_finding (entry_id, finding_id) VALUES (:entry, :finding)")
                    .bind("entry", entryId)
                    .bind("finding", findingId)
                    .execute();
        }
    }

    /** Records that the patch log set the device's software version, for inventory imports to keep. */
    private static void rememberVersion(Handle handle, long entryId, Device device, String version, OffsetDateTime at) {
        handle.createUpdate("MERGE INTO patch_log_version (device_id, entry_id, software_version, set_at) KEY (device_id)"
                        + " VALUES (:device, :entry, :version, :at)")
                .bind("device", device.id())
                .bind("entry", entryId)
                .bind("version", version)
                .bind("at", at)
                .execute();
    }

    // ---------------------------------------------------------------- queries

    /** Returns the entries the query selects, most recent work first. */
    public List<PatchLogEntry> search(PatchLogQuery query) {
        return jdbi.withHandle(handle -> new PatchLogSql(clock.getZone()).search(handle, query));
    }

    public Optional<PatchLogEntry> find(long entryId) {
        return jdbi.withHandle(handle -> find(handle, entryId));
    }

    private Optional<PatchLogEntry> find(Handle handle, long entryId) {
        return new PatchLogSql(clock.getZone()).find(handle, entryId);
    }

    /** The columns of the CSV and workbook exports, in order. */
    public static final List<String> EXPORT_HEADERS = PatchLogExport.HEADERS;

    /**
     * Writes the entries the query selects as CSV, most recent first: UTF-8 is the caller's choice
     * of encoding, dates are ISO and times are in the site's time zone. The writer is flushed, not
     * closed. Returns the number of entries written.
     */
    public int writeCsv(PatchLogQuery query, Writer out) throws IOException {
        List<PatchLogEntry> entries = search(query);
        new PatchLogExport(clock.getZone()).writeCsv(entries, out);
        return entries.size();
    }

    /** Writes the entries the query selects to an .xlsx workbook. Returns the number of entries written. */
    public int writeXlsx(PatchLogQuery query, Path target) throws IOException {
        List<PatchLogEntry> entries = search(query);
        new PatchLogExport(clock.getZone()).writeXlsx(entries, target);
        return entries.size();
    }

    /** Returns the entry that closed a finding as patched, if a patch log entry closed it. */
    public Optional<PatchLogEntry> closingEntry(long findingId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT MAX(entry_id) FROM patch_log_finding WHERE finding_id = :finding")
                .bind("finding", findingId)
                .mapTo(Long.class)
                .findOne()
                .flatMap(id -> id == null ? Optional.empty() : find(handle, id)));
    }

    /** Returns the departments of the devices that have log entries, for the log's filter. */
    public List<String> departments() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT d.department FROM patch_log_entry e JOIN device d"
                        + " ON d.id = e.device_id WHERE d.department IS NOT NULL ORDER BY d.department")
                .mapTo(String.class)
                .list());
    }

    /** Returns a device's open findings, whose CVEs an entry for the device may fix. */
    public List<WorklistRow> openFindings(long deviceId) {
        return findings.forDevice(deviceId).stream()
                .filter(row -> row.finding().statusValue() == FindingStatus.OPEN)
                .sorted(java.util.Comparator.comparing(row -> row.finding().cveId()))
                .toList();
    }

    /** Finds the device with an asset tag, for choosing the device of an entry or a decision. */
    public Optional<Device> deviceByAssetTag(String assetTag) {
        if (assetTag == null || assetTag.isBlank()) {
            return Optional.empty();
        }
        return devices.findByAssetTag(assetTag);
    }

    // ---------------------------------------------------------------- decisions

    /**
     * Returns true when decisions are electronic signatures through {@link #signDecision}, as they
     * are once PatchDesk has user accounts; before that, {@link #recordDecision} records a typed
     * approver name and role.
     */
    public boolean decisionsAreSigned() {
        return signatures.signaturesRequired();
    }

    /**
     * Records a decision to deploy, defer or reject an update, with its approver, role and rationale
     * as typed. This is how decisions are recorded while PatchDesk has no user accounts.
     *
     * @throws IllegalArgumentException when a field is missing, the device or product does not exist, or the device is of
     *                                  another product
     * @throws IllegalStateException    when user accounts exist, so that the approver must sign through {@link #signDecision}
     */
    public PatchDecision recordDecision(NewDecision decision, Actor actor) {
        check(decision);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            if (signatures.signaturesRequired(handle)) {
                throw new IllegalStateException("PatchDesk has user accounts, so a patch decision is an electronic signature: the "
                        + signerRoles() + " who approves it signs with their user name and password");
            }
            Subject subject = subject(handle, decision.deviceId(), decision.productId());
            long id = insertDecision(handle, subject, decision.update(), decision.decision(), decision.approverName().strip(),
                    decision.approverRole().strip(), decision.rationale().strip(), decision.decidedAt(), actor, now);
            Map<String, String> values = decisionValues(decision.update(), decision.decision(), decision.approverName().strip(),
                    decision.approverRole().strip(), decision.rationale().strip(), decision.decidedAt());
            auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.CREATE, DECISION_RECORD, id, subject.label(), null,
                    Map.of(), values, "Patch decision: " + decision.decision().word() + " " + decision.update().strip() + ", approved by "
                    + decision.approverName().strip() + " (" + decision.approverRole().strip() + ")"));
            return PatchLogSql.decisions(handle, "WHERE d.id = :id", Map.of("id", id)).get(0);
        });
    }

    /**
     * Records a decision as the electronic signature of its approver, who enters their password
     * again. The signature's meaning is approved: the signer approves the decision as recorded,
     * whether it deploys, defers or rejects the update, and the rationale is its comment. The
     * decision's approver and role are the signer's printed name and roles, and its time is the
     * signing time. The signer needs the role HTM manager or InfoSec/CISO ({@link #DECISION_SIGNERS}).
     * The decision, the signature and their audit entries are stored in one transaction.
     *
     * @param actor the user signed in to PatchDesk, who records the decision and may be someone other than the signer
     * @throws IllegalArgumentException when a field is missing or too long, the device or product does not exist, or the user
     *                                  name and password do not match an active account
     *                                  ({@link org.patchdesk.users.AuthenticationException})
     * @throws IllegalStateException    when the signer may not sign patch decisions, or is an auditor
     */
    public PatchDecision signDecision(DecisionToSign decision, String signerUserName, char[] password, Actor actor) {
        check(decision);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            Subject subject = subject(handle, decision.deviceId(), decision.productId());
            String rationale = decision.rationale().strip();
            // The row needs its id before the signature can name it; the approver columns take the signature's values below.
            long id = insertDecision(handle, subject, decision.update(), decision.decision(), signerUserName.strip(), "", rationale, now,
                    actor, now);
            Signature signature = signatures.sign(handle, DECISION_RECORD, id, signerUserName, password, SignatureMeaning.APPROVED,
                    rationale);
            requireDecisionSigner(handle, signature.userName());
            handle.createUpdate("UPDATE patch_decision SET approver_name = :name, approver_role = :role, decided_at = :signedAt,"
                            + " signature_id = :signature WHERE id = :id")
                    .bind("name", signature.printedName())
                    .bind("role", signature.signerRoles())
                    .bind("signedAt", OffsetDateTime.ofInstant(signature.signedAt(), ZoneOffset.UTC))
                    .bind("signature", signature.id())
                    .bind("id", id)
                    .execute();
            Map<String, String> values = decisionValues(decision.update(), decision.decision(), signature.printedName(),
                    signature.signerRoles(), rationale, signature.signedAt());
            values.put("signature_id", Long.toString(signature.id()));
            values.put("signed_by", signature.userName());
            auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.CREATE, DECISION_RECORD, id, subject.label(), null,
                    Map.of(), values, "Patch decision: " + decision.decision().word() + " " + decision.update().strip() + ", approved by "
                    + signature.printedName() + " (" + signature.signerRoles() + "), signed electronically as " + signature.userName()));
            return PatchLogSql.decisions(handle, "WHERE d.id = :id", Map.of("id", id)).get(0);
        });
    }

    /**
     * Rejects a signer who has none of {@link #DECISION_SIGNERS}. A decision to deploy, defer or
     * reject an update for clinical devices is approved by the HTM manager, who is responsible for the
     * devices, or by InfoSec/CISO, who is responsible for the vulnerability risk.
     */
    private static void requireDecisionSigner(Handle handle, String userName) {
        User signer = UserService.find(handle, userName).orElseThrow();
        if (signer.roles().stream().noneMatch(DECISION_SIGNERS::contains)) {
            throw new IllegalStateException("User " + signer.userName() + " (" + Role.labels(signer.roles()) + ") cannot sign a patch"
                    + " decision: a decision to deploy, defer or reject an update is signed by an " + signerRoles() + ", who answer for"
                    + " the devices and for their vulnerability risk; ask one of them to sign");
        }
    }

    private static String signerRoles() {
        return DECISION_SIGNERS.stream().map(Role::label).collect(Collectors.joining(" or "));
    }

    /** The device and product a decision applies to, with the names copied into its row. */
    private record Subject(Long deviceId, String assetTag, Long productId, String productName) {

        String label() {
            return assetTag != null ? assetTag : productName;
        }
    }

    /**
     * Reads the device and product a decision applies to.
     *
     * @throws IllegalArgumentException when the device or product does not exist, or the device is of another product
     */
    private static Subject subject(Handle handle, Long deviceId, Long productId) {
        String assetTag = null;
        Long deviceProduct = null;
        if (deviceId != null) {
            Device device = handle.attach(DeviceDao.class).findById(deviceId)
                    .orElseThrow(() -> new IllegalArgumentException("No device has id " + deviceId));
            assetTag = device.assetTag();
            deviceProduct = handle.createQuery("SELECT product_id FROM device WHERE id = :id").bind("id", device.id())
                    .mapTo(Long.class).findOne().orElse(null);
        }
        String productName = null;
        if (productId != null) {
            productName = productName(handle, productId)
                    .orElseThrow(() -> new IllegalArgumentException("No product has id " + productId));
            if (deviceId != null && !productId.equals(deviceProduct)) {
                throw new IllegalArgumentException("Device " + assetTag + " is not a " + productName
                        + "; choose the device alone, or the product alone");
            }
        }
        return new Subject(deviceId, assetTag, productId, productName);
    }

    private static long insertDecision(Handle handle, Subject subject, String update, PatchDecision.Choice choice, String approverName,
                                       String approverRole, String rationale, Instant decidedAt, Actor actor, Instant now) {
        return handle.createUpdate("INSERT INTO patch_decision (device_id, asset_tag, product_id, product_name, update_name,"
                        + " decision, approver_name, approver_role, rationale, decided_at, recorded_by, recorded_at) VALUES (:device,"
                        + " :tag, :product, :productName, :update, :decision, :approver, :role, :rationale, :decidedAt, :by, :at)")
                .bind("device", subject.deviceId())
                .bind("tag", subject.assetTag())
                .bind("product", subject.productId())
                .bind("productName", subject.productName())
                .bind("update", update.strip())
                .bind("decision", choice.word())
                .bind("approver", approverName)
                .bind("role", approverRole)
                .bind("rationale", rationale)
                .bind("decidedAt", OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC))
                .bind("by", actor.name())
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    private static Map<String, String> decisionValues(String update, PatchDecision.Choice choice, String approverName, String approverRole,
                                                      String rationale, Instant decidedAt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("update_name", update.strip());
        values.put("decision", choice.word());
        values.put("approver_name", approverName);
        values.put("approver_role", approverRole);
        values.put("rationale", rationale);
        values.put("decided_at", decidedAt.toString());
        return values;
    }

    /**
     * Checks a decision as recording would, without reading the database.
     *
     * @throws IllegalArgumentException naming the field that is missing or too long
     */
    public void check(NewDecision decision) {
        checkSubject(decision.deviceId(), decision.productId(), decision.decision(), decision.update());
        requireText(decision.approverName(), "The approver's name is required");
        requireLength("Approver", decision.approverName(), 200);
        requireText(decision.approverRole(), "The approver's role is required, such as CISO or Director of Clinical Engineering");
        requireLength("Role", decision.approverRole(), 200);
        requireText(decision.rationale(), "The rationale is required: why the update is deployed, deferred or rejected");
        requireLength("Rationale", decision.rationale(), 4000);
        if (decision.decidedAt() == null) {
            throw new IllegalArgumentException("The date of the decision is required");
        }
        LocalDate decidedOn = LocalDate.ofInstant(decision.decidedAt(), clock.getZone());
        if (decidedOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("The decision is dated " + decidedOn + ", after today (" + LocalDate.now(clock) + ")");
        }
    }

    /**
     * Checks a decision to sign as signing would, without reading the database. The rationale is
     * the signature's comment, so at most {@value #SIGNED_RATIONALE_LENGTH} characters fit.
     *
     * @throws IllegalArgumentException naming the field that is missing or too long
     */
    public void check(DecisionToSign decision) {
        checkSubject(decision.deviceId(), decision.productId(), decision.decision(), decision.update());
        requireText(decision.rationale(), "The rationale is required: why the update is deployed, deferred or rejected");
        requireLength("Rationale", decision.rationale(), SIGNED_RATIONALE_LENGTH);
    }

    private static void checkSubject(Long deviceId, Long productId, PatchDecision.Choice choice, String update) {
        if (deviceId == null && productId == null) {
            throw new IllegalArgumentException("Choose the device or the product the decision is for");
        }
        if (choice == null) {
            throw new IllegalArgumentException("The decision is required: deploy, defer or reject");
        }
        requireText(update, "The update decided on is required, such as the firmware release or the KB number");
        requireLength("Update", update, 500);
    }

    private static Optional<String> productName(Handle handle, long productId) {
        return handle.createQuery("SELECT m.name || ' ' || p.model FROM product p JOIN manufacturer m ON m.id = p.manufacturer_id"
                        + " WHERE p.id = :id")
                .bind("id", productId)
                .mapTo(String.class)
                .findOne();
    }

    /**
     * Returns the decisions whose asset tag, product, update, decision, approver, role or rationale
     * contains {@code text} (ignoring case), or all of them when it is blank, newest first.
     */
    public List<PatchDecision> decisions(String text) {
        if (text == null || text.isBlank()) {
            return jdbi.withHandle(handle -> PatchLogSql.decisions(handle, "", Map.of()));
        }
        String pattern = PatchLogSql.containsPattern(text);
        return jdbi.withHandle(handle -> PatchLogSql.decisions(handle, "WHERE LOWER(COALESCE(asset_tag, '') || ' ' || COALESCE(product_name,"
                + " '') || ' ' || update_name || ' ' || decision || ' ' || approver_name || ' ' || approver_role || ' ' || rationale)"
                + " LIKE :text ESCAPE '!'", Map.of("text", pattern)));
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new IllegalArgumentException(field + " is " + value.strip().length() + " characters long; at most " + max + " fit");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
