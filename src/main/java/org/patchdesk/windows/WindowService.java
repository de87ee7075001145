package org.patchdesk.windows;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.patchlog.NewLogEntry;
import org.patchdesk.patchlog.PatchLogEntry;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.users.SignatureService;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * Plans patch windows and moves them through their states: proposed, awaiting clinical approval,
 * approved, then completed or cancelled. A change to the time or the devices of an approved
 * window sends it back for approval, because the clinical unit agreed to that schedule only.
 */
public final class WindowService {

    public static final String RECORD_TYPE = "patch_window";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final WindowRules rules;
    private final PatchLogService patchLog;
    private final SignatureService signatures;
    private final WindowChecks checks;
    private final Clock clock;

    public WindowService(Jdbi jdbi, AuditLog auditLog, WindowRules rules, PatchLogService patchLog, SignatureService signatures,
                         Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.rules = rules;
        this.patchLog = patchLog;
        this.signatures = signatures;
        this.checks = new WindowChecks(clock);
        this.clock = clock;
    }

    /**
     * Stores a new proposed window.
     *
     * @throws IllegalArgumentException when the draft is incomplete
     */
    public long create(WindowDraft draft, Actor actor) {
        validate(draft);
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            WindowDao dao = handle.attach(WindowDao.class);
            long id = dao.insert(draft.title().strip(), utc(draft.startsAt()), utc(draft.endsAt()), blankToNull(draft.department()),
                    blankToNull(draft.location()), draft.type().word(), blankToNull(draft.plannedActions()), WindowStatus.PROPOSED.word(),
                    blankToNull(draft.changeTicket()), draft.cabStatus().word(), draft.cabDate(), now, actor.name());
            storeDevices(dao, id, draft);
            storePlaybooks(dao, id, draft);
            dao.addEvent(id, now, actor.name(), null, WindowStatus.PROPOSED.word(), null);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.CREATE, RECORD_TYPE, id,
                    label(id, draft.title()), null, null, values(draft), "Proposed patch window with " + devicesText(draft.devices().size())));
            return id;
        });
    }

    /**
     * Saves changes to an open window. When the window is approved and its time range or devices
     * change, it goes back to awaiting clinical approval and its approval is cleared.
     *
     * @return the window as saved
     * @throws IllegalStateException when the window is completed or cancelled
     */
    public PatchWindow update(long id, WindowDraft draft, Actor actor) {
        validate(draft);
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            WindowDao dao = handle.attach(WindowDao.class);
            PatchWindow old = load(handle, id);
            requireOpen(old, "changed");
            boolean moved = !old.startsAt().equals(draft.startsAt()) || !old.endsAt().equals(draft.endsAt());
            boolean devicesChanged = !old.toDraft().devices().stream().map(WindowDraft.Planned::deviceId).sorted().toList()
                    .equals(draft.devices().stream().map(WindowDraft.Planned::deviceId).sorted().toList());
            dao.update(id, draft.title().strip(), utc(draft.startsAt()), utc(draft.endsAt()), blankToNull(draft.department()),
                    blankToNull(draft.location()), draft.type().word(), blankToNull(draft.plannedActions()), blankToNull(draft.changeTicket()),
                    draft.cabStatus().word(), draft.cabDate(), moved ? 1 : 0, now, actor.name());
            dao.removeDevices(id);
            storeDevices(dao, id, draft);
            dao.removePlaybooks(id);
            storePlaybooks(dao, id, draft);
            Map<String, String> newValues = values(draft);
            String summary = "Changed patch window";
            if (old.status() == WindowStatus.APPROVED && (moved || devicesChanged)) {
                String why = moved ? "Moved from " + rangeText(old.startsAt(), old.endsAt()) + "; the clinical approval no longer applies"
                        : "Devices changed; the clinical approval no longer applies";
                dao.setApproval(id, null, null, null, null);
                dao.setStatus(id, WindowStatus.AWAITING_APPROVAL.word(), now, actor.name());
                dao.addEvent(id, now, actor.name(), WindowStatus.APPROVED.word(), WindowStatus.AWAITING_APPROVAL.word(), why);
                newValues.put("status", WindowStatus.AWAITING_APPROVAL.word());
                summary = why;
            }
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, id,
                    label(id, draft.title()), null, values(old.toDraft()), newValues, summary));
        });
        return find(id).orElseThrow();
    }

    /** Moves an open window to a new time range, as dragging it on the calendar does. */
    public PatchWindow reschedule(long id, Instant startsAt, Instant endsAt, Actor actor) {
        PatchWindow window = find(id).orElseThrow(() -> new IllegalArgumentException("Patch window " + id + " not found"));
        return update(id, window.toDraft().movedTo(startsAt, endsAt), actor);
    }

    /** Sends a proposed window to the clinical approver. */
    public void submitForApproval(long id, Actor actor) {
        transition(id, WindowStatus.PROPOSED, WindowStatus.AWAITING_APPROVAL, null, actor, "Sent for clinical approval");
    }

    /**
     * Returns true when approvals are electronic signatures through {@link #signApproval}, as they
     * are once PatchDesk has user accounts; before that, {@link #approve} records a typed name and role.
     */
    public boolean approvalsAreSigned() {
        return signatures.signaturesRequired();
    }

    /**
     * Records the clinical approval of a window awaiting it, at the current time, with the
     * approver's name and role as typed. This is how approvals are recorded while PatchDesk has no
     * user accounts.
     *
     * @throws IllegalArgumentException when the approver's name or role is missing
     * @throws IllegalStateException    when user accounts exist, so that the approver must sign through {@link #signApproval}
     */
    public void approve(long id, String approverName, String approverRole, String conditions, Actor actor) {
        if (approverName == null || approverName.isBlank()) {
            throw new IllegalArgumentException("Enter the name of the clinical approver");
        }
        if (approverRole == null || approverRole.isBlank()) {
            throw new IllegalArgumentException("Enter the role of the clinical approver, such as ICU nurse manager");
        }
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            if (signatures.signaturesRequired(handle)) {
                throw new IllegalStateException("PatchDesk has user accounts, so a clinical approval is an electronic signature: the"
                        + " approver signs with their user name and password");
            }
            PatchWindow window = load(handle, id);
            requireStatus(window, WindowStatus.AWAITING_APPROVAL, "approved");
            WindowDao dao = handle.attach(WindowDao.class);
            dao.setApproval(id, approverName.strip(), approverRole.strip(), now, blankToNull(conditions));
            String note = "Approved by " + approverName.strip() + " (" + approverRole.strip() + ")"
                    + (blankToNull(conditions) == null ? "" : "; conditions: " + conditions.strip());
            changeStatus(handle, window, WindowStatus.APPROVED, note, actor, now, Map.of("approver", approverName.strip(),
                    "approver_role", approverRole.strip(), "conditions", Objects.toString(blankToNull(conditions), "")), null);
        });
    }

    /**
     * Records the clinical approval of a window awaiting it as the electronic signature of a user
     * with the clinical-leader role, who enters their password again. The window's approver name
     * and role come from the account: the printed name, and "Clinical leader" with the signer's
     * department. {@code conditions} become the signature's comment. The signature, the approval
     * and the status change are stored in one transaction.
     *
     * @param actor the user signed in to PatchDesk, who may be someone other than the signer
     * @throws org.patchdesk.users.AuthenticationException when the user name and password do not match an active account
     * @throws IllegalStateException when the signer lacks the clinical-leader role or the window is not awaiting approval
     */
    public Signature signApproval(long id, String signerUserName, char[] password, String conditions, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            PatchWindow window = load(handle, id);
            requireStatus(window, WindowStatus.AWAITING_APPROVAL, "approved");
            Signature signature = signatures.sign(handle, RECORD_TYPE, id, signerUserName, password, SignatureMeaning.APPROVED,
                    conditions, Role.CLINICAL_LEADER);
            String department = UserService.find(handle, signature.userName()).map(User::department).orElse(null);
            String role = Role.CLINICAL_LEADER.label() + (department == null ? "" : ", " + department);
            handle.attach(WindowDao.class).setApproval(id, signature.printedName(), role, now, signature.comment());
            String note = "Approved by " + signature.printedName() + " (" + role + "), signed electronically as " + signature.userName()
                    + (signature.comment() == null ? "" : "; conditions: " + signature.comment());
            changeStatus(handle, window, WindowStatus.APPROVED, note, actor, now, Map.of("approver", signature.printedName(),
                    "approver_role", role, "conditions", Objects.toString(signature.comment(), ""), "signature",
                    Long.toString(signature.id())), signature.id());
            return signature;
        });
    }

    /** Lists the electronic signatures of a window, oldest first, including those of approvals that a later move ended. */
    public List<Signature> signatures(long id) {
        return signatures.signaturesOf(RECORD_TYPE, id);
    }

    /**
     * Returns a window awaiting approval to proposed, with the approver's reason as typed. This is
     * how a declined approval is recorded while PatchDesk has no user accounts.
     *
     * @throws IllegalArgumentException when the reason is missing
     * @throws IllegalStateException    when user accounts exist, so that the approver must sign through {@link #signDecline}
     */
    public void declineApproval(long id, String reason, Actor actor) {
        requireText(reason, "Enter why the window was not approved");
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            if (signatures.signaturesRequired(handle)) {
                throw new IllegalStateException("PatchDesk has user accounts, so declining a clinical approval is an electronic"
                        + " signature: the clinical leader signs with their user name and password and gives the reason");
            }
            PatchWindow window = load(handle, id);
            requireStatus(window, WindowStatus.AWAITING_APPROVAL, "declined");
            changeStatus(handle, window, WindowStatus.PROPOSED, reason.strip(), actor, now, Map.of("decline_reason", reason.strip()),
                    null);
        });
    }

    /**
     * Records that the clinical approver declines a window awaiting approval, as the electronic
     * signature of a user with the clinical-leader role, with the meaning rejected and the reason as
     * its comment. The window returns to proposed, so that its planner can change it and send it
     * again. The signature and the status change are stored in one transaction.
     *
     * @param actor the user signed in to PatchDesk, who may be someone other than the signer
     * @throws IllegalArgumentException when the reason is missing, or the user name and password do not match an active account
     *                                  ({@link org.patchdesk.users.AuthenticationException})
     * @throws IllegalStateException    when the signer lacks the clinical-leader role or the window is not awaiting approval
     */
    public Signature signDecline(long id, String signerUserName, char[] password, String reason, Actor actor) {
        requireText(reason, "Enter why the window is not approved; the reason is part of the signature");
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            PatchWindow window = load(handle, id);
            requireStatus(window, WindowStatus.AWAITING_APPROVAL, "declined");
            Signature signature = signatures.sign(handle, RECORD_TYPE, id, signerUserName, password, SignatureMeaning.REJECTED,
                    reason, Role.CLINICAL_LEADER);
            String signer = signature.printedName() + " (" + signature.signerRoles() + ")";
            String note = "Approval declined by " + signer + ", signed electronically as " + signature.userName() + ": "
                    + signature.comment();
            changeStatus(handle, window, WindowStatus.PROPOSED, note, actor, now, Map.of("declined_by", signer, "decline_reason",
                    signature.comment(), "signature", Long.toString(signature.id())), signature.id());
            return signature;
        });
    }

    /**
     * Completes an approved window with its outcome and what was done to each of its devices. The
     * entries go into the patch log in the same transaction, linked to the window. An installed one
     * closes the findings it fixes and sets the device's software version.
     *
     * @param entries one patch log entry for each device of the window, and for no other device
     * @throws IllegalArgumentException when the outcome is missing, a device of the window has no
     *                                  entry, or an entry is incomplete
     * @throws IllegalStateException    when the window is not approved, or when the site requires an
     *                                  approved change and the window's change is not approved
     */
    public List<PatchLogEntry> complete(long id, String outcomeNote, List<NewLogEntry> entries, Actor actor) {
        requireText(outcomeNote, "Describe the outcome of the window");
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            PatchWindow window = load(handle, id);
            requireStatus(window, WindowStatus.APPROVED, "completed");
            if (rules.requiresApprovedChange(handle) && window.cabStatus() != CabStatus.APPROVED) {
                throw new IllegalStateException("Window " + id + " cannot be completed: this site requires an approved change, and the"
                        + " change" + (window.changeTicket() == null ? " ticket is missing" : " " + window.changeTicket() + " is "
                        + window.cabStatus().label().toLowerCase(Locale.ROOT)));
            }
            requireEntryPerDevice(window, entries);
            List<PatchLogEntry> recorded = patchLog.recordAll(handle, entries.stream().map(entry -> entry.withPatchWindow(id)).toList(),
                    actor);
            handle.attach(WindowDao.class).close(id, outcomeNote.strip(), now, actor.name());
            changeStatus(handle, window, WindowStatus.COMPLETED, outcomeNote.strip(), actor, now, Map.of("outcome", outcomeNote.strip(),
                    "patch_log_entries", recorded.stream().map(entry -> String.valueOf(entry.id())).reduce((a, b) -> a + ", " + b)
                            .orElse("")), null);
            return recorded;
        });
    }

    private static void requireEntryPerDevice(PatchWindow window, List<NewLogEntry> entries) {
        Map<Long, String> tags = new LinkedHashMap<>();
        window.devices().forEach(device -> tags.put(device.deviceId(), device.assetTag()));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (NewLogEntry entry : entries) {
            if (!tags.containsKey(entry.deviceId())) {
                throw new IllegalArgumentException("Device " + entry.deviceId() + " is not in window " + window.id()
                        + "; log its patch on its own in the patch log");
            }
            if (!seen.add(entry.deviceId())) {
                throw new IllegalArgumentException(tags.get(entry.deviceId()) + " has more than one outcome; give each device one");
            }
        }
        List<String> missing = tags.entrySet().stream().filter(device -> !seen.contains(device.getKey())).map(Map.Entry::getValue)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Record what was done to every device of the window; missing: " + String.join(", ",
                    missing));
        }
    }

    /** Cancels an open window with the reason. */
    public void cancel(long id, String reason, Actor actor) {
        requireText(reason, "Enter why the window is cancelled");
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            PatchWindow window = load(handle, id);
            requireOpen(window, "cancelled");
            handle.attach(WindowDao.class).close(id, reason.strip(), now, actor.name());
            changeStatus(handle, window, WindowStatus.CANCELLED, reason.strip(), actor, now, Map.of("reason", reason.strip()), null);
        });
    }

    public Optional<PatchWindow> find(long id) {
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).find(id).map(row -> assemble(handle, List.of(row)).get(0)));
    }

    /** Lists the windows that overlap the range, earliest first. */
    public List<PatchWindow> between(Instant from, Instant to) {
        return jdbi.withHandle(handle -> assemble(handle, handle.attach(WindowDao.class).between(utc(from), utc(to))));
    }

    /** Lists the open windows whose end has passed with no outcome recorded. */
    public List<PatchWindow> endedWithoutOutcome() {
        return jdbi.withHandle(handle -> assemble(handle, handle.attach(WindowDao.class).endedWithoutOutcome(now())));
    }

    /**
     * Devices to plan, not retired, whose asset tag, type, manufacturer, model or location contains
     * {@code text}, of one department when {@code department} is not blank; at most {@code limit}.
     */
    public List<WindowDevice> searchDevices(String text, String department, int limit) {
        String like = text == null || text.isBlank() ? "" : "%" + text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).searchDevices(like, Departments.key(department), limit).stream()
                .map(WindowService::device).toList());
    }

    /** Lists the departments named in the inventory, each once. */
    public List<String> departments() {
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).departments());
    }

    public List<WindowEvent> history(long id) {
        return jdbi.withHandle(handle -> handle.attach(WindowDao.class).events(id).stream()
                .map(row -> new WindowEvent(row.occurredAt().toInstant(), row.actor(),
                        row.fromStatus() == null ? null : WindowStatus.fromWord(row.fromStatus()), WindowStatus.fromWord(row.toStatus()),
                        row.note()))
                .toList());
    }

    /** Checks a draft before it is saved. {@code windowId} is the window being edited, or null for a new one. */
    public List<WindowWarning> check(Long windowId, WindowDraft draft) {
        return jdbi.withHandle(handle -> checks.check(handle, windowId, draft, WindowStatus.PROPOSED));
    }

    /** Returns the warnings of a stored window. */
    public List<WindowWarning> warnings(PatchWindow window) {
        return jdbi.withHandle(handle -> checks.check(handle, window.id(), window.toDraft(), window.status()));
    }

    private void transition(long id, WindowStatus from, WindowStatus to, String note, Actor actor, String verb) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            PatchWindow window = load(handle, id);
            requireStatus(window, from, verb.toLowerCase(Locale.ROOT));
            changeStatus(handle, window, to, note == null ? verb : note, actor, now, Map.of(), null);
        });
    }

    /** Changes a window's status, adding an event that names {@code signatureId} when a signature made the change. */
    private void changeStatus(Handle handle, PatchWindow window, WindowStatus to, String note, Actor actor, OffsetDateTime now,
                              Map<String, String> details, Long signatureId) {
        WindowDao dao = handle.attach(WindowDao.class);
        dao.setStatus(window.id(), to.word(), now, actor.name());
        if (signatureId == null) {
            dao.addEvent(window.id(), now, actor.name(), window.status().word(), to.word(), note);
        } else {
            dao.addSignedEvent(window.id(), now, actor.name(), window.status().word(), to.word(), note, signatureId);
        }
        Map<String, String> newValues = new LinkedHashMap<>(details);
        newValues.put("status", to.word());
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, window.id(),
                label(window.id(), window.title()), null, Map.of("status", window.status().word()), newValues,
                window.status().label() + " to " + to.label() + ": " + note));
    }

    private static void requireStatus(PatchWindow window, WindowStatus expected, String verb) {
        if (window.status() != expected) {
            throw new IllegalStateException("Window " + window.id() + " is " + window.status().label().toLowerCase(Locale.ROOT)
                    + "; only a window that is " + expected.label().toLowerCase(Locale.ROOT) + " can be " + verb);
        }
    }

    private static void requireOpen(PatchWindow window, String verb) {
        if (!window.status().isOpen()) {
            throw new IllegalStateException("Window " + window.id() + " is " + window.status().label().toLowerCase(Locale.ROOT)
                    + " and cannot be " + verb);
        }
    }

    PatchWindow load(Handle handle, long id) {
        WindowDao.WindowRow row = handle.attach(WindowDao.class).find(id)
                .orElseThrow(() -> new IllegalArgumentException("Patch window " + id + " not found"));
        return assemble(handle, List.of(row)).get(0);
    }

    private static List<PatchWindow> assemble(Handle handle, List<WindowDao.WindowRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<WindowDevice>> devices = new LinkedHashMap<>();
        for (WindowDao.DeviceRow device : handle.attach(WindowDao.class).devicesOf(rows.stream().map(WindowDao.WindowRow::id).toList())) {
            devices.computeIfAbsent(device.windowId(), key -> new ArrayList<>()).add(device(device));
        }
        Map<Long, List<PatchWindow.Attached>> playbooks = new LinkedHashMap<>();
        for (WindowDao.PlaybookRow playbook : handle.attach(WindowDao.class).playbooksOf(rows.stream().map(WindowDao.WindowRow::id)
                .toList())) {
            playbooks.computeIfAbsent(playbook.windowId(), key -> new ArrayList<>()).add(new PatchWindow.Attached(playbook.playbookId(),
                    playbook.name()));
        }
        Map<Long, Decline> declines = declines(handle, rows);
        Map<Long, Integer> events = new java.util.HashMap<>();
        handle.attach(WindowDao.class).eventCounts(rows.stream().map(WindowDao.WindowRow::id).toList())
                .forEach(count -> events.put(count.windowId(), count.count()));
        return rows.stream().map(row -> new PatchWindow(row.id(), row.title(), row.startsAt().toInstant(), row.endsAt().toInstant(),
                row.department(), row.location(), WindowType.fromWord(row.windowType()), row.plannedActions(),
                WindowStatus.fromWord(row.status()), row.approvedAt() == null ? null : new Approval(row.approverName(), row.approverRole(),
                row.approvedAt().toInstant(), row.approvalConditions()), row.changeTicket(), CabStatus.fromWord(row.cabStatus()),
                row.cabDate(), row.outcomeNote(), row.closedAt() == null ? null : row.closedAt().toInstant(), row.closedBy(),
                row.rescheduleCount(), devices.getOrDefault(row.id(), List.of()), playbooks.getOrDefault(row.id(), List.of()), row.createdBy(), row.updatedAt().toInstant(),
                events.getOrDefault(row.id(), 0) + row.rescheduleCount(), row.status().equals(WindowStatus.PROPOSED.word())
                ? declines.get(row.id()) : null)).toList();
    }

    /** Returns the declined approval of each window whose newest status change was one, by window id. */
    private static Map<Long, Decline> declines(Handle handle, List<WindowDao.WindowRow> rows) {
        Map<Long, Decline> declines = new java.util.HashMap<>();
        for (WindowDao.DeclineRow row : handle.attach(WindowDao.class).latestDeclines(rows.stream().map(WindowDao.WindowRow::id)
                .toList())) {
            Decline decline = row.signatureId() == null
                    ? new Decline(row.occurredAt().toInstant(), row.actor(), row.note(), null)
                    : new Decline(row.occurredAt().toInstant(), row.printedName() + " (" + row.signerRoles() + ")", row.comment(),
                    row.signatureId());
            declines.put(row.windowId(), decline);
        }
        return declines;
    }

    private static WindowDevice device(WindowDao.DeviceRow row) {
        return new WindowDevice(row.deviceId(), row.assetTag(), row.productId(), row.deviceTypeId(), row.deviceType(), row.manufacturer(), row.model(),
                row.department(), row.location(), row.softwareVersion(), row.downtimeMinutes());
    }

    private static void storePlaybooks(WindowDao dao, long id, WindowDraft draft) {
        if (draft.playbookIds().isEmpty()) {
            return;
        }
        if (dao.playbookNames(draft.playbookIds()).size() != draft.playbookIds().size()) {
            throw new IllegalArgumentException("A playbook chosen for the window no longer exists; choose the playbooks again");
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 1; i <= draft.playbookIds().size(); i++) {
            positions.add(i);
        }
        dao.addPlaybooks(id, draft.playbookIds(), positions);
    }

    private static void storeDevices(WindowDao dao, long id, WindowDraft draft) {
        Map<Long, Integer> unique = new LinkedHashMap<>();
        draft.devices().forEach(planned -> unique.put(planned.deviceId(), planned.downtimeMinutes()));
        if (!unique.isEmpty()) {
            dao.addDevices(id, new ArrayList<>(unique.keySet()), new ArrayList<>(unique.values()));
        }
    }

    private static void validate(WindowDraft draft) {
        requireText(draft.title(), "Enter a title for the window");
        if (draft.startsAt() == null || draft.endsAt() == null) {
            throw new IllegalArgumentException("Enter when the window starts and ends");
        }
        if (!draft.endsAt().isAfter(draft.startsAt())) {
            throw new IllegalArgumentException("The window must end after it starts");
        }
        if (draft.title().strip().length() > 200) {
            throw new IllegalArgumentException("The title is longer than 200 characters");
        }
        for (WindowDraft.Planned planned : draft.devices()) {
            if (planned.downtimeMinutes() != null && planned.downtimeMinutes() < 0) {
                throw new IllegalArgumentException("Expected downtime cannot be negative (" + planned.downtimeMinutes() + " minutes)");
            }
        }
        if (draft.cabStatus() != CabStatus.NOT_SUBMITTED && blankToNull(draft.changeTicket()) == null) {
            throw new IllegalArgumentException("Enter the change ticket number for CAB status " + draft.cabStatus().label().toLowerCase(
                    Locale.ROOT));
        }
    }

    static Map<String, String> values(WindowDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", draft.title().strip());
        values.put("starts_at", draft.startsAt().toString());
        values.put("ends_at", draft.endsAt().toString());
        values.put("department", Objects.toString(blankToNull(draft.department()), ""));
        values.put("location", Objects.toString(blankToNull(draft.location()), ""));
        values.put("type", draft.type().word());
        values.put("planned_actions", Objects.toString(blankToNull(draft.plannedActions()), ""));
        values.put("devices", draft.devices().stream().map(planned -> planned.deviceId() + (planned.downtimeMinutes() == null ? ""
                : ":" + planned.downtimeMinutes() + "min")).reduce((a, b) -> a + ", " + b).orElse(""));
        values.put("change_ticket", Objects.toString(blankToNull(draft.changeTicket()), ""));
        values.put("cab_status", draft.cabStatus().word());
        values.put("cab_date", draft.cabDate() == null ? "" : draft.cabDate().toString());
        values.put("playbooks", draft.playbookIds().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        return values;
    }

    private static String label(long id, String title) {
        return "Window " + id + " " + title.strip();
    }

    private static String devicesText(int count) {
        return count == 1 ? "1 device" : count + " devices";
    }

    private String rangeText(Instant start, Instant end) {
        return start.atZone(clock.getZone()).toLocalDateTime() + " - " + end.atZone(clock.getZone()).toLocalDateTime();
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
