package org.patchdesk.acceptance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFilter;
import org.patchdesk.controls.ControlService;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.recovery.RecoveryProtocolService;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.SettingChanges;
import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;
import org.patchdesk.users.SignatureMeaning;
import org.patchdesk.users.SignatureService;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;

/**
 * Risk acceptances (exceptions): drafts, submission, approval by electronic signatures of the
 * roles the residual risk requires, the active period in which the covered findings are "risk
 * accepted", expiry and early closing, which reopen them, and renewal. Every change is audited in
 * the same transaction.
 */
public final class RiskAcceptanceService {

    public static final String RECORD_TYPE = "risk_acceptance";
    static final int TITLE_LENGTH = 200;
    static final int TEXT_LENGTH = 4000;
    static final int NOTE_LENGTH = 2000;
    /** The names of the draft fields as the form labels them, which {@link InvalidFieldException} reports. */
    public static final String FIELD_TITLE = "Title";
    public static final String FIELD_REASON = "Reason";
    public static final String FIELD_REASON_DETAIL = "Reason details";
    public static final String FIELD_REPLACEMENT = "Replacement date";
    public static final String FIELD_STATEMENT = "Risk statement";
    public static final String FIELD_SCOPE = "Scope";
    public static final String FIELD_CONTROLS = "Compensating controls";
    public static final String FIELD_LIKELIHOOD = "Likelihood";
    public static final String FIELD_SEVERITY = "Severity";
    public static final String FIELD_DECISION = "Decision";
    public static final String FIELD_START = "Start date";
    public static final String FIELD_DURATION = "Duration";
    /** The maximum number of findings one scope search lists. */
    public static final int SEARCH_LIMIT = 200;

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final FindingService findings;
    private final ControlService controls;
    private final RecoveryProtocolService recoveryProtocols;
    private final SignatureService signatures;
    private final Clock clock;

    public RiskAcceptanceService(Jdbi jdbi, AuditLog auditLog, FindingService findings, ControlService controls,
                                 RecoveryProtocolService recoveryProtocols, SignatureService signatures, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.findings = findings;
        this.controls = controls;
        this.recoveryProtocols = recoveryProtocols;
        this.signatures = signatures;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public AcceptanceSettings settings() {
        return jdbi.withHandle(AcceptanceStore::settings);
    }

    /**
     * Stores the settings that differ from the stored ones, with one audit entry that records the
     * old and new value of each changed setting key. Once accounts exist, only an administrator
     * may. Returns the keys that changed, none when the settings are the same.
     *
     * @throws IllegalStateException when the actor is not an administrator
     */
    public List<String> saveSettings(AcceptanceSettings settings, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbi.inTransaction(handle -> {
            UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
            return SettingChanges.store(handle, auditLog, AcceptanceStore.settings(handle).toRows(), settings.toRows(), now, actor,
                    "risk acceptance settings");
        });
    }

    /**
     * Returns why the actor may not change the settings, or empty when they may: only an
     * administrator may once accounts exist, as {@link #saveSettings} enforces.
     */
    public Optional<String> settingsRejection(Actor actor) {
        return jdbi.withHandle(handle -> {
            try {
                UserService.requireRole(handle, actor, Role.ADMINISTRATOR);
                return Optional.empty();
            } catch (IllegalStateException e) {
                return Optional.of("Only an administrator can change the risk acceptance settings. " + e.getMessage());
            }
        });
    }

    /** Returns true once user accounts exist: risk acceptances can only be submitted and signed then. */
    public boolean signaturesAvailable() {
        return signatures.signaturesRequired();
    }

    public Optional<RiskAcceptance> get(long id) {
        return jdbi.withHandle(handle -> AcceptanceStore.find(handle, id, AcceptanceStore.settings(handle)));
    }

    /**
     * Lists acceptances in a state, or every one when {@code state} is null, the soonest end date
     * first. {@link AcceptanceState#ACTIVE} lists the active ones that are not expiring, and
     * {@link AcceptanceState#EXPIRING} those within the warning period.
     */
    public List<RiskAcceptance> list(AcceptanceState state) {
        LocalDate today = today();
        return jdbi.withHandle(handle -> {
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            return AcceptanceStore.all(handle, settings).stream()
                    .filter(acceptance -> state == null || acceptance.state(today, settings.warningDays()) == state)
                    .toList();
        });
    }

    /** Lists the active acceptances whose end date is at most {@code days} days away, the soonest first. */
    public List<RiskAcceptance> expiringWithin(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("The number of days needs to be 0 or more, not " + days);
        }
        LocalDate last = today().plusDays(days);
        return list(null).stream()
                .filter(acceptance -> acceptance.storedState() == AcceptanceState.ACTIVE && !acceptance.endDate().isAfter(last))
                .toList();
    }

    /** Lists the signatures given on an acceptance, oldest first, each with the role it covers. */
    public List<AcceptanceSignature> signatures(long id) {
        return jdbi.withHandle(handle -> signatures(handle, id));
    }

    private List<AcceptanceSignature> signatures(Handle handle, long id) {
        Map<Long, String> roles = AcceptanceStore.signatureRoles(handle, id);
        List<AcceptanceSignature> result = new ArrayList<>();
        for (Signature signature : signatures.signaturesOf(handle, RECORD_TYPE, id)) {
            if (roles.containsKey(signature.id())) {
                String role = roles.get(signature.id());
                result.add(new AcceptanceSignature(signature, role == null ? null : Role.parse(role)));
            }
        }
        return result;
    }

    /** Returns the required roles that no approving signature covers yet, in the order of the setting. */
    public List<Role> missingRoles(RiskAcceptance acceptance) {
        return missingRoles(acceptance, signatures(acceptance.id()));
    }

    static List<Role> missingRoles(RiskAcceptance acceptance, List<AcceptanceSignature> given) {
        Set<Role> covered = new LinkedHashSet<>();
        for (AcceptanceSignature signature : given) {
            if (signature.signature().meaning() == SignatureMeaning.APPROVED && signature.role() != null) {
                covered.add(signature.role());
            }
        }
        return acceptance.requiredRoles().stream().filter(role -> !covered.contains(role)).toList();
    }

    /**
     * Reads everything the printed form shows.
     *
     * @throws IllegalArgumentException when no acceptance has the id
     */
    public AcceptanceForm form(long id) {
        RiskAcceptance acceptance = get(id).orElseThrow(() -> new IllegalArgumentException("No risk acceptance has the number RA-" + id));
        List<AcceptanceSignature> given = signatures(id);
        List<CompensatingControl> linked = controls(acceptance);
        Map<Long, String> deviceTypes = jdbi.withHandle(handle -> AcceptanceStore.scopeDeviceTypes(handle, id));
        List<ScopeFinding> covered = jdbi.withHandle(handle -> AcceptanceStore.coveredFindingDetails(handle, id));
        List<ScopeFinding> held = jdbi.withHandle(handle -> AcceptanceStore.heldFindingDetails(handle, id));
        return new AcceptanceForm(acceptance, linked, warningsFor(linked, acceptance.endDate()), recoveryProtocols(acceptance),
                deviceTypes, covered, held, given, missingRoles(acceptance, given), settings(), today());
    }

    /**
     * Returns, for each action of the life cycle that the acceptance does not allow now, the reason
     * in words. The rules are those the action methods enforce: the stored state from
     * {@link AcceptanceAction}, user accounts for submitting and signing, and one renewal under way at a time.
     */
    public Map<AcceptanceAction, String> rejectedActions(RiskAcceptance acceptance) {
        return jdbi.withHandle(handle -> {
            Map<AcceptanceAction, String> rejections = new java.util.EnumMap<>(AcceptanceAction.class);
            boolean accounts = signatures.signaturesRequired(handle);
            for (AcceptanceAction action : AcceptanceAction.values()) {
                Optional<String> rejection = action.rejectionReason(acceptance);
                if (rejection.isPresent()) {
                    rejections.put(action, rejection.get());
                } else if (action.needsAccounts() && !accounts) {
                    rejections.put(action, "This database has no user accounts, and " + acceptance.number() + " cannot be "
                            + action.participle() + " without them; an administrator creates them on the Users screen");
                } else if (action == AcceptanceAction.RENEW) {
                    AcceptanceStore.pendingRenewal(handle, acceptance.id()).ifPresent(pending -> rejections.put(action,
                            acceptance.number() + " already has the renewal RA-" + pending + " under way; continue that one"));
                }
            }
            return rejections;
        });
    }

    /**
     * Lists warnings about the linked controls for an acceptance that ends on {@code endDate}: a
     * control that was never verified, one whose verification is overdue today, and one whose next
     * verification date falls before the end date. These are warnings only: nothing is rejected.
     */
    public List<String> controlWarnings(List<Long> controlIds, LocalDate endDate) {
        List<CompensatingControl> linked = controlIds.stream().map(controls::get).flatMap(Optional::stream).toList();
        return warningsFor(linked, endDate);
    }

    private List<String> warningsFor(List<CompensatingControl> linked, LocalDate endDate) {
        LocalDate today = today();
        List<String> warnings = new ArrayList<>();
        for (CompensatingControl control : linked) {
            String name = "The control \"" + control.title() + "\"";
            switch (control.state(today)) {
                case NOT_VERIFIED -> warnings.add(name + " has not been verified, so it does not count as a compensating control yet.");
                case OVERDUE -> warnings.add(name + " is overdue for verification since " + control.overdueSince()
                        + " and does not count until it is verified again.");
                case VERIFIED -> {
                    if (endDate != null && control.nextVerificationOn().isBefore(endDate)) {
                        warnings.add(name + " is due for verification on " + control.nextVerificationOn() + ", before the acceptance ends on "
                                + endDate + "; if it is not verified again by then, the acceptance relies on an overdue control.");
                    }
                }
            }
        }
        return warnings;
    }

    /** Lists the warnings about the acceptance's linked controls; see {@link #controlWarnings(List, LocalDate)}. */
    public List<String> controlWarnings(RiskAcceptance acceptance) {
        return warningsFor(controls(acceptance), acceptance.endDate());
    }

    /** Returns the linked compensating controls, in id order, skipping any deleted since. */
    public List<CompensatingControl> controls(RiskAcceptance acceptance) {
        return acceptance.controlIds().stream().map(controls::get).flatMap(Optional::stream).toList();
    }

    /** Lists every compensating control, for linking. */
    public List<CompensatingControl> availableControls() {
        return controls.list(ControlFilter.all());
    }

    /** Finds devices for the scope by asset tag, department, manufacturer or model. */
    public List<DeviceRef> searchDevices(String text) {
        return controls.searchDevices(text);
    }

    /**
     * Finds findings for the scope by part of the CVE ID, KEV membership and part of the device's
     * asset tag, department, manufacturer or model; at most {@link #SEARCH_LIMIT} of them, by asset tag and CVE.
     */
    public List<ScopeFinding> searchFindings(FindingSearch search) {
        return jdbi.withHandle(handle -> AcceptanceStore.searchFindings(handle, search, SEARCH_LIMIT));
    }

    /** Lists a device's findings, for choosing findings for the scope. */
    public List<FindingRef> findingsOf(long deviceId) {
        return controls.findingsOf(deviceId);
    }

    /** Returns the recovery protocols that apply to the devices in scope, each once, in asset tag order of the devices. */
    public List<RecoveryProtocol> recoveryProtocols(RiskAcceptance acceptance) {
        List<Long> deviceIds = jdbi.withHandle(handle -> AcceptanceStore.scopeDeviceIds(handle, acceptance.id()));
        Map<Long, RecoveryProtocol> protocols = new LinkedHashMap<>();
        for (long deviceId : deviceIds) {
            recoveryProtocols.protocolFor(deviceId).ifPresent(protocol -> protocols.putIfAbsent(protocol.id(), protocol));
        }
        return List.copyOf(protocols.values());
    }

    /** Returns the recovery protocols that apply to the given devices, each once, for a form not yet saved. */
    public List<RecoveryProtocol> recoveryProtocolsFor(List<Long> deviceIds) {
        Map<Long, RecoveryProtocol> protocols = new LinkedHashMap<>();
        for (long deviceId : deviceIds) {
            recoveryProtocols.protocolFor(deviceId).ifPresent(protocol -> protocols.putIfAbsent(protocol.id(), protocol));
        }
        return List.copyOf(protocols.values());
    }

    /**
     * Creates a draft; the actor is its requester.
     *
     * @throws IllegalArgumentException naming the field and value that is missing or invalid
     */
    public RiskAcceptance createDraft(AcceptanceValues values, Actor actor) {
        return jdbi.inTransaction(handle -> {
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            check(handle, values, settings);
            long id = insertDraft(handle, values, actor, null);
            return AcceptanceStore.find(handle, id, settings).orElseThrow();
        });
    }

    private long insertDraft(Handle handle, AcceptanceValues values, Actor actor, Long previousId) {
        OffsetDateTime now = AcceptanceStore.utc(clock.instant());
        String requesterName = UserService.find(handle, actor.name()).map(User::fullName).orElse(actor.name());
        long id = AcceptanceStore.insert(handle, values, actor.name(), requesterName, previousId, actor.name(), now);
        AcceptanceStore.replaceScope(handle, id, values);
        audit(handle, id, values.title(), AuditAction.CREATE, null, describe(values),
                previousId == null ? "Created risk acceptance draft" : "Created renewal draft of RA-" + previousId, actor, now);
        return id;
    }

    /**
     * Changes a draft's fields and scope.
     *
     * @throws IllegalStateException    when the acceptance is no longer a draft
     * @throws IllegalArgumentException naming the field and value that is missing or invalid
     */
    public RiskAcceptance updateDraft(long id, AcceptanceValues values, Actor actor) {
        return jdbi.inTransaction(handle -> {
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            RiskAcceptance before = load(handle, id, settings);
            requireState(before, AcceptanceAction.EDIT);
            check(handle, values, settings);
            OffsetDateTime now = AcceptanceStore.utc(clock.instant());
            AcceptanceStore.updateFields(handle, id, values, actor.name(), now);
            AcceptanceStore.replaceScope(handle, id, values);
            audit(handle, id, values.title(), AuditAction.UPDATE, describe(before.values()), describe(values), "Edited risk acceptance draft",
                    actor, now);
            return AcceptanceStore.find(handle, id, settings).orElseThrow();
        });
    }

    /**
     * Submits a draft for approval, fixing the roles that must sign from the residual risk level.
     *
     * @throws IllegalStateException    when no user account exists, or the acceptance is not a draft
     * @throws IllegalArgumentException when the start date has passed or the duration exceeds the maximum
     */
    public RiskAcceptance submit(long id, Actor actor) {
        return jdbi.inTransaction(handle -> {
            requireAccounts(handle, "submitted");
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            RiskAcceptance draft = load(handle, id, settings);
            requireState(draft, AcceptanceAction.SUBMIT);
            check(handle, draft.values(), settings);
            if (draft.startDate().isBefore(today())) {
                throw new InvalidFieldException(FIELD_START, "The start date " + draft.startDate() + " of " + draft.number()
                        + " has passed; set today or a later date before submitting");
            }
            List<Role> required = settings.approversFor(draft.level());
            OffsetDateTime now = AcceptanceStore.utc(clock.instant());
            Map<String, Object> values = new HashMap<>();
            values.put("roles", AcceptanceSettings.roleWords(required));
            values.put("now", now);
            values.put("actor", actor.name());
            AcceptanceStore.update(handle, id, "state = 'submitted', required_roles = :roles, submitted_at = :now, submitted_by = :actor,"
                    + " updated_at = :now, updated_by = :actor", values);
            audit(handle, id, draft.title(), AuditAction.UPDATE, Map.of("state", draft.storedState().word()),
                    Map.of("state", AcceptanceState.SUBMITTED.word(), "required_roles", Role.labels(required)),
                    "Submitted risk acceptance for approval (" + draft.level().word() + " residual risk)", actor, now);
            return AcceptanceStore.find(handle, id, settings).orElseThrow();
        });
    }

    /**
     * Signs a submitted acceptance as {@code userName}, who enters their password again. An approving
     * signature covers one required role: {@code role}, or when null the first still missing role
     * the signer holds. Once every required role is covered the acceptance is approved, and active at
     * once when its start date has come. A rejecting signature, by a holder of a required role,
     * rejects it. A reviewing signature covers no role. The signature and the change it makes are
     * stored together, or not at all.
     *
     * @throws org.patchdesk.users.AuthenticationException when the user name and password do not match
     * @throws IllegalStateException naming the rule when the acceptance is not submitted, the signer is the requester, has signed it
     *                               already, lacks the role, or is a clinical leader of another department
     */
    public RiskAcceptance sign(long id, String userName, char[] password, SignatureMeaning meaning, String comment, Role role) {
        return jdbi.inTransaction(handle -> {
            requireAccounts(handle, "signed");
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            RiskAcceptance acceptance = load(handle, id, settings);
            requireState(acceptance, AcceptanceAction.SIGN);
            if (meaning == null) {
                throw new IllegalArgumentException("Choose what the signature means: reviewed, approved or rejected");
            }
            String signerKey = userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
            if (signerKey.equals(acceptance.requester().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(acceptance.requester() + " requested " + acceptance.number()
                        + " and cannot sign it; another person must review or approve it");
            }
            List<AcceptanceSignature> given = signatures(handle, id);
            List<Role> missing = missingRoles(acceptance, given);
            Role covered = meaning == SignatureMeaning.APPROVED ? roleToCover(handle, acceptance, userName, role, missing) : role;
            Role[] needed = switch (meaning) {
                case APPROVED -> new Role[] {covered};
                case REJECTED -> acceptance.requiredRoles().toArray(Role[]::new);
                case REVIEWED -> new Role[0];
            };

            Signature signature = signatures.sign(handle, RECORD_TYPE, id, userName, password, meaning, comment, needed);

            checkSigner(handle, acceptance, signature, given, covered);
            Role stored = meaning == SignatureMeaning.REVIEWED ? null : meaning == SignatureMeaning.APPROVED ? covered
                    : firstHeld(handle, signature.userName(), acceptance.requiredRoles());
            AcceptanceStore.insertSignature(handle, id, signature.id(), stored);
            Actor signer = new Actor(signature.userName());
            OffsetDateTime now = AcceptanceStore.utc(clock.instant());
            if (meaning == SignatureMeaning.REJECTED) {
                decide(handle, acceptance, AcceptanceState.REJECTED, signature.comment(), signer, now);
            } else if (meaning == SignatureMeaning.APPROVED && missing.size() == 1) {
                decide(handle, acceptance, AcceptanceState.APPROVED, null, signer, now);
                if (!acceptance.startDate().isAfter(today())) {
                    activate(handle, AcceptanceStore.find(handle, id, settings).orElseThrow(), signer);
                }
            }
            return AcceptanceStore.find(handle, id, settings).orElseThrow();
        });
    }

    private static Role roleToCover(Handle handle, RiskAcceptance acceptance, String userName, Role role, List<Role> missing) {
        if (role != null) {
            if (!acceptance.requiredRoles().contains(role)) {
                throw new IllegalStateException(acceptance.number() + " does not need the signature of " + role.label() + "; it needs "
                        + Role.labels(acceptance.requiredRoles()));
            }
            if (!missing.contains(role)) {
                throw new IllegalStateException("The " + role.label() + " approval of " + acceptance.number() + " is already signed");
            }
            return role;
        }
        Optional<User> signer = UserService.find(handle, userName == null ? "" : userName);
        if (signer.isEmpty()) {
            return missing.get(0);
        }
        return missing.stream().filter(signer.get()::has).findFirst().orElseThrow(() -> new IllegalStateException("User "
                + signer.get().userName() + " (" + Role.labels(signer.get().roles()) + ") holds none of the roles still needed to approve "
                + acceptance.number() + ": " + Role.labels(missing)));
    }

    private static Role firstHeld(Handle handle, String userName, List<Role> roles) {
        User user = UserService.find(handle, userName).orElseThrow();
        return roles.stream().filter(user::has).findFirst().orElse(null);
    }

    /**
     * Applies the rules that need the signer's account: one person signs an acceptance once, so that
     * one user cannot cover two roles, and a clinical leader belongs to a department of the scope.
     */
    private static void checkSigner(Handle handle, RiskAcceptance acceptance, Signature signature, List<AcceptanceSignature> given,
                                    Role covered) {
        for (AcceptanceSignature earlier : given) {
            if (earlier.signature().userName().equalsIgnoreCase(signature.userName())) {
                throw new IllegalStateException(signature.printedName() + " has already signed " + acceptance.number()
                        + (earlier.role() == null ? "" : " as " + earlier.role().label())
                        + "; each required role needs the signature of a different person");
            }
        }
        if (covered == Role.CLINICAL_LEADER && signature.meaning() == SignatureMeaning.APPROVED) {
            List<String> departments = AcceptanceStore.scopeDepartments(handle, acceptance.id());
            User user = UserService.find(handle, signature.userName()).orElseThrow();
            String department = user.department() == null ? "" : user.department().strip();
            if (!departments.isEmpty() && departments.stream().noneMatch(department::equalsIgnoreCase)) {
                throw new IllegalStateException(user.fullName() + " is a clinical leader of "
                        + (user.department() == null ? "no department" : user.department()) + ", but the devices of " + acceptance.number()
                        + " belong to " + String.join(", ", departments) + "; a clinical leader of that department must sign");
            }
        }
    }

    private void decide(Handle handle, RiskAcceptance acceptance, AcceptanceState state, String note, Actor actor, OffsetDateTime now) {
        Map<String, Object> values = new HashMap<>();
        values.put("state", state.word());
        values.put("now", now);
        values.put("actor", actor.name());
        values.put("note", note);
        values.put("today", today());
        String ended = state == AcceptanceState.REJECTED ? ", ended_on = :today, ended_by = :actor, end_note = :note" : "";
        AcceptanceStore.update(handle, acceptance.id(), "state = :state, decided_at = :now, updated_at = :now, updated_by = :actor" + ended,
                values);
        audit(handle, acceptance.id(), acceptance.title(), AuditAction.UPDATE, Map.of("state", acceptance.storedState().word()),
                Map.of("state", state.word()), state == AcceptanceState.REJECTED ? "Rejected risk acceptance" : "Approved risk acceptance",
                actor, now);
    }

    /**
     * Makes an approved acceptance active and sets each open finding it covers to "risk accepted"
     * through the finding status path. A finding another active acceptance holds is held by both;
     * a finding in any other status (patched, mitigated, accepted by hand) is left as it is.
     */
    private void activate(Handle handle, RiskAcceptance acceptance, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = AcceptanceStore.utc(clock.instant());
        String note = "Risk accepted under " + acceptance.number() + " until " + acceptance.endDate() + ": " + acceptance.title();
        int held = 0;
        for (FindingRef finding : AcceptanceStore.coveredFindings(handle, acceptance.id())) {
            FindingStatus status = FindingStatus.fromStored(finding.status());
            if (status == FindingStatus.OPEN) {
                findings.setStatus(handle, finding.id(), FindingStatus.RISK_ACCEPTED, note, actor);
            } else if (status != FindingStatus.RISK_ACCEPTED || !AcceptanceStore.heldByAnother(handle, finding.id(), acceptance.id())) {
                continue;
            }
            AcceptanceStore.hold(handle, acceptance.id(), finding.id(), today);
            held++;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("today", today);
        values.put("now", now);
        values.put("actor", actor.name());
        AcceptanceStore.update(handle, acceptance.id(), "state = 'active', activated_on = :today, updated_at = :now, updated_by = :actor",
                values);
        audit(handle, acceptance.id(), acceptance.title(), AuditAction.UPDATE, Map.of("state", acceptance.storedState().word()),
                Map.of("state", AcceptanceState.ACTIVE.word(), "held_findings", Integer.toString(held)),
                "Risk acceptance became active; " + held + (held == 1 ? " finding" : " findings") + " set to risk accepted", actor, now);
    }

    /**
     * Ends an acceptance as expired or closed. Each finding it holds that is still "risk accepted"
     * and that no other active acceptance holds goes back to open, with its due-date clock restarted
     * from today.
     */
    private void end(Handle handle, RiskAcceptance acceptance, AcceptanceState state, String note, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = AcceptanceStore.utc(clock.instant());
        Map<String, Object> values = new HashMap<>();
        values.put("state", state.word());
        values.put("today", today);
        values.put("now", now);
        values.put("actor", actor.name());
        values.put("note", note);
        AcceptanceStore.update(handle, acceptance.id(), "state = :state, ended_on = :today, ended_by = :actor, end_note = :note,"
                + " updated_at = :now, updated_by = :actor", values);
        int reopened = 0;
        if (acceptance.storedState() == AcceptanceState.ACTIVE) {
            String reopenNote = acceptance.number() + (state == AcceptanceState.EXPIRED ? " expired after " + acceptance.endDate()
                    : " was closed early on " + today) + "; the finding is open again and its due date counts from " + today;
            for (FindingRef finding : acceptance.heldFindings()) {
                String status = handle.createQuery("SELECT status FROM finding WHERE id = :id").bind("id", finding.id())
                        .mapTo(String.class).findOne().orElse(null);
                if (FindingStatus.RISK_ACCEPTED.stored().equals(status) && !AcceptanceStore.heldByAnother(handle, finding.id(), acceptance.id())) {
                    findings.reopen(handle, finding.id(), reopenNote, actor);
                    reopened++;
                }
            }
        }
        Map<String, String> newValues = new LinkedHashMap<>();
        newValues.put("state", state.word());
        newValues.put("reopened_findings", Integer.toString(reopened));
        newValues.put("end_note", note == null ? "" : note);
        audit(handle, acceptance.id(), acceptance.title(), AuditAction.UPDATE, Map.of("state", acceptance.storedState().word()), newValues,
                (state == AcceptanceState.EXPIRED ? "Risk acceptance expired" : "Closed risk acceptance early") + "; " + reopened
                        + (reopened == 1 ? " finding" : " findings") + " reopened", actor, now);
    }

    /**
     * Closes an acceptance before its end: a draft or request is withdrawn, an approved or active one
     * ends, and the findings it holds reopen.
     *
     * @throws IllegalArgumentException when the reason is missing or too long
     * @throws IllegalStateException    when the acceptance has already ended or was rejected
     */
    public RiskAcceptance close(long id, String reason, Actor actor) {
        String note = AcceptanceStore.blankToNull(reason);
        if (note == null) {
            throw new IllegalArgumentException("Closing a risk acceptance early needs a reason");
        }
        if (note.length() > NOTE_LENGTH) {
            throw new IllegalArgumentException("The reason for closing is longer than " + NOTE_LENGTH + " characters");
        }
        return jdbi.inTransaction(handle -> {
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            RiskAcceptance acceptance = load(handle, id, settings);
            requireState(acceptance, AcceptanceAction.CLOSE);
            end(handle, acceptance, AcceptanceState.CLOSED, note, actor);
            return AcceptanceStore.find(handle, id, settings).orElseThrow();
        });
    }

    /**
     * Creates the renewal of an active, expired or closed acceptance: a new draft with the same
     * fields and scope, linked to it, requested by the actor, which goes through review again. It
     * starts the day after the old end date, or today when that day has passed.
     *
     * @throws IllegalStateException when the acceptance cannot be renewed or already has a renewal under way
     */
    public RiskAcceptance renew(long id, Actor actor) {
        return jdbi.inTransaction(handle -> {
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            RiskAcceptance acceptance = load(handle, id, settings);
            requireState(acceptance, AcceptanceAction.RENEW);
            Optional<Long> pending = AcceptanceStore.pendingRenewal(handle, id);
            if (pending.isPresent()) {
                throw new IllegalStateException(acceptance.number() + " already has the renewal RA-" + pending.get()
                        + " under way; continue that one");
            }
            LocalDate dayAfter = acceptance.endDate().plusDays(1);
            LocalDate start = dayAfter.isAfter(today()) ? dayAfter : today();
            AcceptanceValues old = acceptance.values();
            int months = Math.min(old.durationMonths(), settings.maxMonths());
            AcceptanceValues values = new AcceptanceValues(old.title(), old.reason(), old.reasonDetail(), old.replacementDate(),
                    old.riskStatement(), old.likelihood(), old.severity(), old.decision(), months, start,
                    existing(handle, "device", old.deviceIds()), existing(handle, "finding", old.findingIds()),
                    existing(handle, "compensating_control", old.controlIds()));
            long renewal = insertDraft(handle, values, actor, id);
            return AcceptanceStore.find(handle, renewal, settings).orElseThrow();
        });
    }

    private static List<Long> existing(Handle handle, String table, List<Long> ids) {
        List<Long> missing = AcceptanceStore.missing(handle, table, ids);
        return ids.stream().filter(id -> !missing.contains(id)).toList();
    }

    /**
     * Applies the day to every acceptance: an approved one whose start date has come becomes active,
     * and an active one whose end date has passed expires. Run when a database opens and when the
     * list is refreshed. Returns how many acceptances changed.
     */
    public int refresh(Actor actor) {
        LocalDate today = today();
        return jdbi.inTransaction(handle -> {
            AcceptanceSettings settings = AcceptanceStore.settings(handle);
            int changed = 0;
            for (long id : AcceptanceStore.idsInState(handle, AcceptanceState.APPROVED)) {
                RiskAcceptance acceptance = AcceptanceStore.find(handle, id, settings).orElseThrow();
                if (!acceptance.startDate().isAfter(today)) {
                    activate(handle, acceptance, actor);
                    changed++;
                }
            }
            for (long id : AcceptanceStore.idsInState(handle, AcceptanceState.ACTIVE)) {
                RiskAcceptance acceptance = AcceptanceStore.find(handle, id, settings).orElseThrow();
                if (acceptance.endDate().isBefore(today)) {
                    end(handle, acceptance, AcceptanceState.EXPIRED, null, actor);
                    changed++;
                }
            }
            return changed;
        });
    }

    private void requireAccounts(Handle handle, String action) {
        if (!signatures.signaturesRequired(handle)) {
            throw new IllegalStateException("A risk acceptance is approved with electronic signatures, which need user accounts, and this"
                    + " database has none. Create accounts for the requester and the approvers (Users screen, or the command"
                    + " users add) before it can be " + action);
        }
    }

    private static RiskAcceptance load(Handle handle, long id, AcceptanceSettings settings) {
        return AcceptanceStore.find(handle, id, settings)
                .orElseThrow(() -> new IllegalArgumentException("No risk acceptance has the number RA-" + id));
    }

    private static void requireState(RiskAcceptance acceptance, AcceptanceAction action) {
        Optional<String> rejection = action.rejectionReason(acceptance);
        if (rejection.isPresent()) {
            throw new IllegalStateException(rejection.get());
        }
    }

    /**
     * Checks the fields of a draft.
     *
     * @throws InvalidFieldException naming the field and value
     */
    private static void check(Handle handle, AcceptanceValues values, AcceptanceSettings settings) {
        String title = AcceptanceStore.blankToNull(values.title());
        if (title == null) {
            throw new InvalidFieldException(FIELD_TITLE, "Enter a title for the risk acceptance");
        }
        if (title.length() > TITLE_LENGTH) {
            throw new InvalidFieldException(FIELD_TITLE, "The title is longer than " + TITLE_LENGTH + " characters");
        }
        if (values.reason() == null) {
            throw new InvalidFieldException(FIELD_REASON, "Choose the reason for the risk acceptance");
        }
        if (values.reason() == AcceptanceReason.OTHER && AcceptanceStore.blankToNull(values.reasonDetail()) == null) {
            throw new InvalidFieldException(FIELD_REASON_DETAIL, "The reason \"other\" needs a description of the reason");
        }
        if (values.reasonDetail() != null && values.reasonDetail().strip().length() > NOTE_LENGTH) {
            throw new InvalidFieldException(FIELD_REASON_DETAIL, "The reason description is longer than " + NOTE_LENGTH + " characters");
        }
        if (values.startDate() == null) {
            throw new InvalidFieldException(FIELD_START, "Enter the start date of the risk acceptance");
        }
        if (values.reason() == AcceptanceReason.END_OF_LIFE && values.replacementDate() == null) {
            throw new InvalidFieldException(FIELD_REPLACEMENT, "The reason \"end of life\" needs the date the device is to be replaced");
        }
        String statement = AcceptanceStore.blankToNull(values.riskStatement());
        if (statement == null) {
            throw new InvalidFieldException(FIELD_STATEMENT, "Enter the risk statement: what could happen, to whom, and why the risk is acceptable");
        }
        if (statement.length() > TEXT_LENGTH) {
            throw new InvalidFieldException(FIELD_STATEMENT, "The risk statement is longer than " + TEXT_LENGTH + " characters");
        }
        if (values.likelihood() < 1 || values.likelihood() > 5) {
            throw new InvalidFieldException(FIELD_LIKELIHOOD, "Likelihood needs a value from 1 to 5, not " + values.likelihood());
        }
        if (values.severity() < 1 || values.severity() > 5) {
            throw new InvalidFieldException(FIELD_SEVERITY, "Severity needs a value from 1 to 5, not " + values.severity());
        }
        if (values.decision() == null) {
            throw new InvalidFieldException(FIELD_DECISION, "Choose the decision: accept, mitigate, transfer or avoid");
        }
        if (values.durationMonths() < 1) {
            throw new InvalidFieldException(FIELD_DURATION, "The requested duration needs at least 1 month, not " + values.durationMonths());
        }
        if (values.durationMonths() > settings.maxMonths()) {
            throw new InvalidFieldException(FIELD_DURATION, "The requested duration of " + values.durationMonths() + " months is longer than the maximum"
                    + " of " + settings.maxMonths() + " months (setting " + AcceptanceSettings.MAX_MONTHS_KEY + "); request a shorter"
                    + " duration and renew it when it ends");
        }
        if (values.deviceIds().isEmpty() && values.findingIds().isEmpty()) {
            throw new InvalidFieldException(FIELD_SCOPE, "Choose at least one device or finding for the scope of the risk acceptance");
        }
        checkExist(handle, "device", "Device", FIELD_SCOPE, values.deviceIds());
        checkExist(handle, "finding", "Finding", FIELD_SCOPE, values.findingIds());
        checkExist(handle, "compensating_control", "Compensating control", FIELD_CONTROLS, values.controlIds());
    }

    private static void checkExist(Handle handle, String table, String noun, String field, List<Long> ids) {
        List<Long> missing = AcceptanceStore.missing(handle, table, ids);
        if (!missing.isEmpty()) {
            throw new InvalidFieldException(field, noun + " " + missing.get(0) + " not found; it may have been deleted");
        }
    }

    private static Map<String, String> describe(AcceptanceValues values) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", values.title() == null ? "" : values.title().strip());
        fields.put("reason", values.reason().word());
        fields.put("reason_detail", values.reasonDetail() == null ? "" : values.reasonDetail().strip());
        fields.put("replacement_date", values.replacementDate() == null ? "" : values.replacementDate().toString());
        fields.put("risk_statement", values.riskStatement() == null ? "" : values.riskStatement().strip());
        fields.put("likelihood", Integer.toString(values.likelihood()));
        fields.put("severity", Integer.toString(values.severity()));
        fields.put("decision", values.decision().word());
        fields.put("duration_months", Integer.toString(values.durationMonths()));
        fields.put("start_date", values.startDate().toString());
        fields.put("end_date", values.endDate().toString());
        fields.put("devices", ids(values.deviceIds()));
        fields.put("findings", ids(values.findingIds()));
        fields.put("controls", ids(values.controlIds()));
        return fields;
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private void audit(Handle handle, long id, String title, AuditAction action, Map<String, String> oldValues, Map<String, String> newValues,
                       String summary, Actor actor, OffsetDateTime now) {
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), action, RECORD_TYPE, id, "RA-" + id + " " + title.strip(),
                null, oldValues, newValues, summary));
    }
}
