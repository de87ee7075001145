package org.patchdesk.acceptance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.recovery.RecoveryProtocolPdf;
import org.patchdesk.reports.ReportDocument;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.ReportDocument.Column;
import org.patchdesk.reports.ReportDocument.KeyValue;
import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;

/**
 * Prints a risk acceptance for an audit binder: every field, the residual risk with its level, the
 * scope with each finding's CVSS severity, KEV membership and status, the linked controls with their
 * NIST mappings and the warnings about their verification dates, the recovery protocols of its devices, and
 * the signature block with printed name, role, date and time, and meaning of each signature, and
 * empty lines for the required signers still missing.
 */
public final class RiskAcceptancePdf {

    static final String NONE = "none";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

    private RiskAcceptancePdf() {
    }

    /** Writes the form to {@code target}, replacing the file only once it is complete. */
    public static void write(AcceptanceForm form, ReportSite site, String printedBy, ZonedDateTime printedAt, Path target)
            throws IOException {
        try (ReportDocument document = build(form, site, printedBy, printedAt)) {
            document.save(target);
        }
    }

    /** Writes the form to {@code out}, which stays open. */
    public static void write(AcceptanceForm form, ReportSite site, String printedBy, ZonedDateTime printedAt, OutputStream out)
            throws IOException {
        try (ReportDocument document = build(form, site, printedBy, printedAt)) {
            document.save(out);
        }
    }

    /**
     * Appends a short form of the acceptance to another document, such as an audit packet: the
     * request's key facts, the risk statement, the residual risk, its scope and controls in counts
     * and titles, and the signature block with empty lines for the required signers still missing.
     */
    public static void appendSummary(ReportDocument document, AcceptanceForm form, ZoneId zone) {
        RiskAcceptance acceptance = form.acceptance();
        document.subheading(acceptance.number() + ": " + acceptance.title());
        long kev = form.coveredFindings().stream().filter(ScopeFinding::kev).count();
        String controls = form.controls().isEmpty() ? NONE
                : form.controls().stream().map(control -> control.title() + " (" + control.type().name() + ")").collect(Collectors.joining("; "));
        document.keyValues(List.of(
                KeyValue.of("State", form.state().label() + " on " + form.today()),
                KeyValue.of("Requester", acceptance.requesterName() + " (" + acceptance.requester() + ")"),
                KeyValue.of("Reason", acceptance.reason().label()
                        + (acceptance.reasonDetail() == null ? "" : ": " + acceptance.reasonDetail())),
                KeyValue.of("Decision", acceptance.decision().label()),
                KeyValue.of("Period", acceptance.startDate() + " to " + acceptance.endDate()),
                KeyValue.of("Residual risk", acceptance.likelihood() + " x " + acceptance.severity() + " = " + acceptance.residualScore()
                        + ", " + acceptance.level().label()),
                KeyValue.of("Scope", acceptance.devices().size() + (acceptance.devices().size() == 1 ? " device, " : " devices, ")
                        + form.coveredFindings().size() + (form.coveredFindings().size() == 1 ? " finding" : " findings") + " covered, "
                        + kev + " KEV-listed"),
                KeyValue.of("Compensating controls", controls)));
        document.paragraph("Risk statement: " + acceptance.riskStatement());
        signatureBlock(document, form, zone, true);
    }

    private static ReportDocument build(AcceptanceForm form, ReportSite site, String printedBy, ZonedDateTime printedAt) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(printedAt, "printedAt");
        RiskAcceptance acceptance = form.acceptance();
        String note = "Printed " + printedAt.format(PRINTED) + (printedBy == null || printedBy.isBlank() ? "" : " by " + printedBy);
        ReportDocument document = new ReportDocument(site, "Risk acceptance " + acceptance.number()).footerNote(note);
        ZoneId zone = printedAt.getZone();
        request(document, form, zone);
        residualRisk(document, form);
        scope(document, form);
        controls(document, form);
        signatureBlock(document, form, zone, false);
        if (form.protocols().isEmpty()) {
            document.heading("Incident recovery protocol");
            document.paragraph("No recovery protocol applies to the devices in scope: none is recorded for them or for their products.");
        }
        for (RecoveryProtocol protocol : form.protocols()) {
            document.pageBreak();
            RecoveryProtocolPdf.appendTo(document, protocol);
        }
        return document;
    }

    private static void request(ReportDocument document, AcceptanceForm form, ZoneId zone) {
        RiskAcceptance acceptance = form.acceptance();
        document.heading("Risk acceptance " + acceptance.number() + ": " + acceptance.title());
        List<KeyValue> facts = new ArrayList<>();
        facts.add(KeyValue.of("State", form.state().label() + " on " + form.today()));
        facts.add(KeyValue.of("Requester", acceptance.requesterName() + " (" + acceptance.requester() + ")"));
        facts.add(KeyValue.of("Created", when(acceptance.createdAt(), zone) + " by " + acceptance.createdBy()));
        facts.add(KeyValue.of("Submitted", acceptance.submittedAt() == null ? "not yet"
                : when(acceptance.submittedAt(), zone) + " by " + acceptance.submittedBy()));
        facts.add(KeyValue.of("Reason", acceptance.reason().label()));
        facts.add(KeyValue.of("Reason details", acceptance.reasonDetail() == null ? NONE : acceptance.reasonDetail()));
        facts.add(KeyValue.of("Replacement date", acceptance.replacementDate() == null ? NONE : acceptance.replacementDate().toString()));
        facts.add(KeyValue.of("Decision", acceptance.decision().label()));
        facts.add(KeyValue.of("Requested duration", acceptance.durationMonths() + (acceptance.durationMonths() == 1 ? " month" : " months")
                + " (maximum " + form.settings().maxMonths() + ")"));
        facts.add(KeyValue.of("Start date", acceptance.startDate().toString()));
        facts.add(KeyValue.of("End date", acceptance.endDate() + " (the last day covered)"));
        facts.add(KeyValue.of("Active since", acceptance.activatedOn() == null ? "not active" : acceptance.activatedOn().toString()));
        if (acceptance.endedOn() != null) {
            facts.add(KeyValue.of("Ended", acceptance.endedOn() + " by " + acceptance.endedBy()
                    + (acceptance.endNote() == null ? "" : ": " + acceptance.endNote())));
        }
        facts.add(KeyValue.of("Renews", acceptance.previousId() == null ? NONE : "RA-" + acceptance.previousId()));
        document.keyValues(facts);
        document.subheading("Risk statement");
        document.paragraph(acceptance.riskStatement());
    }

    private static void residualRisk(ReportDocument document, AcceptanceForm form) {
        RiskAcceptance acceptance = form.acceptance();
        AcceptanceSettings settings = form.settings();
        document.subheading("Residual risk");
        document.keyValues(List.of(
                KeyValue.of("Likelihood", acceptance.likelihood() + " of 5"),
                KeyValue.of("Severity", acceptance.severity() + " of 5"),
                KeyValue.of("Residual risk", acceptance.likelihood() + " x " + acceptance.severity() + " = " + acceptance.residualScore()
                        + ", " + acceptance.level().label()),
                KeyValue.of("Levels", "Low " + settings.band(RiskLevel.LOW) + ", medium " + settings.band(RiskLevel.MEDIUM) + ", high "
                        + settings.band(RiskLevel.HIGH)),
                KeyValue.of("Required approvers", Role.labels(acceptance.requiredRoles()))));
    }

    private static void scope(ReportDocument document, AcceptanceForm form) {
        RiskAcceptance acceptance = form.acceptance();
        document.heading("Scope");
        document.subheading("Devices");
        if (acceptance.devices().isEmpty()) {
            document.paragraph("No device is in scope as a whole.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (DeviceRef device : acceptance.devices()) {
                rows.add(List.of(device.assetTag(), orNone(form.deviceTypes().get(device.id())), orNone(device.manufacturer()),
                        orNone(device.model()), orNone(device.department())));
            }
            document.table(List.of(Column.text("Asset tag", 2), Column.text("Device type", 2.2f), Column.text("Manufacturer", 2),
                    Column.text("Model", 2), Column.text("Department", 1.8f)), rows);
        }
        document.subheading("Findings in scope");
        Set<Long> chosen = acceptance.findings().stream().map(FindingRef::id).collect(Collectors.toSet());
        Set<Long> held = form.heldFindings().stream().map(ScopeFinding::id).collect(Collectors.toSet());
        if (form.coveredFindings().isEmpty()) {
            document.paragraph("The devices in scope have no findings, and no finding is chosen one by one.");
        } else {
            document.paragraph("Every finding of a device in scope is covered, one row per device; findings chosen one by one are"
                    + " marked \"chosen\", and those in the CISA KEV catalog \"KEV\". " + heldSentence(form, held));
            findings(document, form.coveredFindings(), chosen);
        }
        List<ScopeFinding> heldElsewhere = form.heldFindings().stream()
                .filter(finding -> form.coveredFindings().stream().noneMatch(covered -> covered.id() == finding.id()))
                .toList();
        if (!heldElsewhere.isEmpty()) {
            document.subheading("Findings held at risk accepted and no longer in scope");
            findings(document, heldElsewhere, Set.of());
        }
    }

    private static String heldSentence(AcceptanceForm form, Set<Long> held) {
        long heldCovered = form.coveredFindings().stream().filter(finding -> held.contains(finding.id())).count();
        if (heldCovered == 0) {
            return "No finding is held at risk accepted: the acceptance has not been active.";
        }
        if (heldCovered == form.coveredFindings().size()) {
            return "The acceptance holds all " + heldCovered + (heldCovered == 1 ? " finding" : " findings") + " at risk accepted.";
        }
        return "The acceptance holds " + heldCovered + " of " + form.coveredFindings().size() + " findings at risk accepted; the"
                + " others had another status when it became active.";
    }

    /**
     * Prints a findings table with one row per device: the device and department, how many findings
     * and how many KEV-listed, the highest CVSS severity, the statuses now, and the CVEs.
     */
    private static void findings(ReportDocument document, List<ScopeFinding> findings, Set<Long> chosen) {
        Map<Long, List<ScopeFinding>> byDevice = new LinkedHashMap<>();
        findings.forEach(finding -> byDevice.computeIfAbsent(finding.deviceId(), id -> new ArrayList<>()).add(finding));
        List<List<String>> rows = new ArrayList<>();
        for (List<ScopeFinding> ofDevice : byDevice.values()) {
            ScopeFinding first = ofDevice.get(0);
            String device = first.device().isEmpty() ? first.assetTag() : first.assetTag() + "\n" + first.device();
            long kev = ofDevice.stream().filter(ScopeFinding::kev).count();
            String count = ofDevice.size() + (kev == 0 ? "" : "\n" + kev + " KEV");
            String highest = ofDevice.stream().filter(finding -> finding.cvssScore() != null)
                    .max(Comparator.comparing(ScopeFinding::cvssScore)).map(ScopeFinding::severity).orElse("no CVSS score");
            Map<String, Long> statuses = ofDevice.stream()
                    .collect(Collectors.groupingBy(finding -> finding.status().word(), TreeMap::new, Collectors.counting()));
            String status = statuses.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                    .collect(Collectors.joining("\n"));
            String cves = ofDevice.stream().map(finding -> finding.cveId() + marks(finding, chosen)).collect(Collectors.joining(", "));
            rows.add(List.of(device, orNone(first.department()), count, highest, status, cves));
        }
        document.table(List.of(Column.text("Device", 2.6f), Column.text("Department", 1.4f), Column.text("Findings", 1.2f),
                Column.text("Highest CVSS", 1.2f), Column.text("Status now", 1.4f), Column.text("CVEs", 4.2f)), rows);
    }

    private static String marks(ScopeFinding finding, Set<Long> chosen) {
        List<String> marks = new ArrayList<>();
        if (finding.kev()) {
            marks.add("KEV");
        }
        if (chosen.contains(finding.id())) {
            marks.add("chosen");
        }
        return marks.isEmpty() ? "" : " (" + String.join(", ", marks) + ")";
    }

    private static void controls(ReportDocument document, AcceptanceForm form) {
        document.heading("Compensating controls");
        if (form.controls().isEmpty()) {
            document.paragraph("No compensating control is linked.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CompensatingControl control : form.controls()) {
            rows.add(List.of(control.type().name(), control.title(), control.owner(),
                    control.verifiedOn() == null ? "not verified" : control.verifiedOn().toString(),
                    control.nextVerificationOn() == null ? NONE : control.nextVerificationOn().toString(),
                    control.type().nist80053().isEmpty() ? NONE : String.join(", ", control.type().nist80053()),
                    control.type().csfSubcategories().isEmpty() ? NONE : String.join(", ", control.type().csfSubcategories())));
        }
        document.table(List.of(Column.text("Type", 2.2f), Column.text("Title", 2.4f), Column.text("Owner", 1.6f),
                Column.text("Verified", 1.4f), Column.text("Next verification", 1.4f), Column.text("NIST SP 800-53", 1.3f),
                Column.text("CSF 2.0", 1.1f)), rows);
        if (!form.controlWarnings().isEmpty()) {
            document.subheading("Warnings about the controls");
            for (String warning : form.controlWarnings()) {
                document.paragraph(warning);
            }
        }
    }

    /** Prints the signatures given and lines for the missing ones, under a heading, or a subheading when {@code nested}. */
    private static void signatureBlock(ReportDocument document, AcceptanceForm form, ZoneId zone, boolean nested) {
        if (nested) {
            document.subheading("Signatures");
        } else {
            document.heading("Signatures");
        }
        if (form.signatures().isEmpty()) {
            document.paragraph("No electronic signature has been given.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (AcceptanceSignature given : form.signatures()) {
                Signature signature = given.signature();
                rows.add(List.of(signature.printedName() + " (" + signature.userName() + ")",
                        given.role() == null ? signature.signerRoles() : given.role().label(), when(signature.signedAt(), zone),
                        signature.meaning().label(), signature.comment() == null ? "" : signature.comment()));
            }
            document.table(List.of(Column.text("Printed name", 2.4f), Column.text("Role", 1.6f), Column.text("Date and time", 2.2f),
                    Column.text("Meaning", 1.2f), Column.text("Comment", 3)), rows);
            document.paragraph("Each signature was given by its signer re-entering their password in PatchDesk.");
        }
        if (!form.missingRoles().isEmpty() && form.acceptance().storedState() != AcceptanceState.REJECTED) {
            document.subheading("Signatures still required");
            document.signatureLines(form.missingRoles().stream().map(Role::label).toList());
        }
    }

    private static String when(java.time.Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "" : text;
    }
}
