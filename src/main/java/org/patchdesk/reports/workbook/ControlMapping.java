package org.patchdesk.reports.workbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.patchdesk.acceptance.AcceptanceState;
import org.patchdesk.intel.FeedKind;
import org.patchdesk.risk.FindingStatus;

/**
 * The Control mapping sheet: for each NIST SP 800-53 Rev. 5 control and NIST CSF 2.0 subcategory
 * that an audit of medical device patching covers, the records in PatchDesk that evidence it,
 * the sheet that lists them, the filter on that sheet that leaves exactly those rows, and how many
 * there are. Compensating controls count under every control and subcategory that the control
 * type catalog maps their type to.
 */
final class ControlMapping {

    static final String SHEET = "Control mapping";
    static final List<String> HEADERS = List.of("Framework", "Control", "Title", "Evidence in PatchDesk", "Sheet", "Filter", "Records");
    /** The widths of the columns, in characters, so that the sheet prints one page wide at a readable size. */
    static final List<Integer> WIDTHS = List.of(20, 9, 28, 48, 20, 40, 8);

    static final String NIST = "NIST SP 800-53 Rev. 5";
    static final String CSF = "NIST CSF 2.0";

    /** A control or subcategory, with the title the sheet gives it. */
    record Control(String framework, String id, String title) {
    }

    /** One row: a kind of record that evidences a control, the sheet and filter that list them, and how many there are. */
    record Evidence(Control control, String description, String sheet, SheetFilter filter, long records) {
    }

    /** A type of compensating control from the catalog, the controls and subcategories it maps to, and how many controls have it. */
    record TypeCount(String name, List<String> mapped, long controls) {
    }

    /** The figures the rows count, gathered while the workbook was written. */
    record Counts(Map<String, Long> sheetRows, long openFindings, long activeAcceptances, long feedImports, long disclosureImports,
                  long unsupportedDevices, List<TypeCount> controlTypes) {

        long rows(String sheet) {
            return sheetRows.getOrDefault(sheet, 0L);
        }
    }

    static final List<Control> CONTROLS = List.of(
            new Control(NIST, "CM-8", "System component inventory"),
            new Control(NIST, "RA-3", "Risk assessment"),
            new Control(NIST, "RA-5", "Vulnerability monitoring and scanning"),
            new Control(NIST, "RA-7", "Risk response"),
            new Control(NIST, "SI-2", "Flaw remediation"),
            new Control(NIST, "CM-3", "Configuration change control"),
            new Control(NIST, "CA-5", "Plan of action and milestones"),
            new Control(NIST, "SA-22", "Unsupported system components"),
            new Control(NIST, "SC-7", "Boundary protection"),
            new Control(NIST, "AC-4", "Information flow enforcement"),
            new Control(NIST, "SI-4", "System monitoring"),
            new Control(NIST, "CM-7", "Least functionality"),
            new Control(CSF, "ID.AM-08", "Assets are managed through their life cycle"),
            new Control(CSF, "ID.RA-01", "Vulnerabilities in assets are identified"),
            new Control(CSF, "ID.RA-06", "Risk responses are chosen, planned and tracked"),
            new Control(CSF, "ID.RA-07", "Changes and exceptions are managed and tracked"),
            new Control(CSF, "ID.RA-08", "Vulnerability disclosures are received and handled"),
            new Control(CSF, "PR.PS-02", "Software is maintained, replaced or removed according to risk"),
            new Control(CSF, "PR.IR-01", "Networks are protected from unauthorized access"),
            new Control(CSF, "DE.CM-01", "Networks are monitored for adverse events"));

    private ControlMapping() {
    }

    /** Returns the rows of the sheet, control by control in the order of {@link #CONTROLS}. */
    static List<Evidence> rows(Counts counts) {
        List<Evidence> rows = new ArrayList<>();
        for (Control control : CONTROLS) {
            rows.addAll(records(control, counts));
            for (TypeCount type : counts.controlTypes()) {
                if (type.mapped().contains(control.id())) {
                    rows.add(new Evidence(control, "Compensating controls of the type " + type.name(), RecordSheets.CONTROLS,
                            SheetFilter.where("Type", SheetFilter.Test.IS_ONE_OF, type.name()), type.controls()));
                }
            }
        }
        return rows;
    }

    /** Returns the record kinds that evidence a control, apart from compensating controls of a mapped type. */
    private static List<Evidence> records(Control control, Counts counts) {
        String inventory = RecordSheets.INVENTORY;
        String findings = RecordSheets.FINDINGS;
        String patchLog = RecordSheets.PATCH_LOG;
        String windows = RecordSheets.PATCH_WINDOWS;
        String requests = RecordSheets.VENDOR_VALIDATIONS;
        String acceptances = RecordSheets.ACCEPTANCES;
        String audit = RecordSheets.AUDIT_TRAIL;
        String decisions = EvidenceSheets.PATCH_DECISIONS;
        String feeds = EvidenceSheets.FEED_IMPORTS;
        SheetFilter unsupported = SheetFilter.where("Status", SheetFilter.Test.IS_NOT, "Retired")
                .and(RecordSheets.SUPPORT_STATUS, SheetFilter.Test.CONTAINS, SupportStatus.PAST);
        return switch (control.id()) {
            case "CM-8" -> List.of(evidence(control, "Devices with manufacturer, model, software, network and location data", inventory,
                    counts.rows(inventory)));
            case "RA-3" -> List.of(evidence(control, "Findings with their SSVC decision, priority and due date, and the CVSS, KEV, EPSS,"
                    + " exposure and human impact inputs behind them", findings, counts.rows(findings)));
            case "RA-5" -> List.of(
                    evidence(control, "Imports of the KEV catalog, EPSS scores, CSAF advisories and CVE records within the range",
                            feeds, SheetFilter.where("Feed", SheetFilter.Test.IS_ONE_OF, titles(FEEDS)), counts.feedImports()),
                    evidence(control, "Findings that the imported vulnerabilities raised on devices", findings, counts.rows(findings)));
            case "RA-7" -> List.of(
                    evidence(control, "Risk acceptances with their risk statement, decision and signatures", acceptances,
                            counts.rows(acceptances)),
                    evidence(control, "Compensating controls with their owner and verification", RecordSheets.CONTROLS,
                            counts.rows(RecordSheets.CONTROLS)));
            case "SI-2" -> List.of(
                    evidence(control, "Updates installed, failed, rolled back or deferred, with the days from vendor validation",
                            patchLog, counts.rows(patchLog)),
                    evidence(control, "Requests to manufacturers to validate updates", requests, counts.rows(requests)),
                    evidence(control, "Decisions to deploy, defer or reject an update, with rationale and the approver's signature",
                            decisions, counts.rows(decisions)));
            case "CM-3" -> List.of(
                    evidence(control, "Patch windows with clinical approval, signed approvals and declines, change ticket and CAB"
                            + " status", windows, counts.rows(windows)),
                    evidence(control, "Signed decisions to deploy, defer or reject an update", decisions, counts.rows(decisions)),
                    evidence(control, "Audit entries recording each change, with old and new values", audit, counts.rows(audit)));
            case "CA-5" -> List.of(
                    evidence(control, "Open findings, each with a decision and a due date", findings,
                            SheetFilter.where("Status", SheetFilter.Test.IS_ONE_OF, FindingStatus.OPEN.word()), counts.openFindings()),
                    evidence(control, "Active risk acceptances, each with an end date", acceptances,
                            SheetFilter.where("State", SheetFilter.Test.IS_ONE_OF, AcceptanceState.ACTIVE.label()),
                            counts.activeAcceptances()));
            case "SA-22" -> List.of(evidence(control, "Devices in service whose product or operating system is past its recorded end"
                    + " of support", inventory, unsupported, counts.unsupportedDevices()));
            case "ID.AM-08" -> List.of(
                    evidence(control, "Devices with status, status date and acquisition date", inventory, counts.rows(inventory)),
                    evidence(control, "End-of-support dates recorded for products and operating systems", EvidenceSheets.SUPPORT_DATES,
                            counts.rows(EvidenceSheets.SUPPORT_DATES)));
            case "ID.RA-01" -> List.of(evidence(control, "Findings: vulnerabilities identified on devices", findings,
                    counts.rows(findings)));
            case "ID.RA-06" -> List.of(
                    evidence(control, "Patch windows planned for findings", windows, counts.rows(windows)),
                    evidence(control, "Risk acceptances", acceptances, counts.rows(acceptances)));
            case "ID.RA-07" -> List.of(
                    evidence(control, "Audit entries recording each change", audit, counts.rows(audit)),
                    evidence(control, "Risk acceptances: exceptions with an end date and signatures", acceptances,
                            counts.rows(acceptances)));
            case "ID.RA-08" -> List.of(
                    evidence(control, "Imports of CSAF advisories and CVE records, and vulnerabilities entered by hand from vendor"
                            + " letters, within the range", feeds, SheetFilter.where("Feed", SheetFilter.Test.IS_ONE_OF, titles(DISCLOSURES)),
                            counts.disclosureImports()),
                    evidence(control, "Vendor validation requests, with the day the manufacturer learned of a CVE and its advisory date",
                            requests, counts.rows(requests)));
            case "PR.PS-02" -> List.of(
                    evidence(control, "Updates recorded in the patch log", patchLog, counts.rows(patchLog)),
                    evidence(control, "Devices in service past the end of support of their product or operating system", inventory,
                            unsupported, counts.unsupportedDevices()));
            default -> List.of();
        };
    }

    /** The feeds whose imports evidence vulnerability monitoring (RA-5). */
    static final List<FeedKind> FEEDS = List.of(FeedKind.KEV, FeedKind.EPSS, FeedKind.CSAF, FeedKind.CVE);
    /** The feeds whose imports are vulnerability disclosures received (ID.RA-08). */
    static final List<FeedKind> DISCLOSURES = List.of(FeedKind.CSAF, FeedKind.CVE, FeedKind.MANUAL);

    private static Evidence evidence(Control control, String description, String sheet, long records) {
        return new Evidence(control, description, sheet, SheetFilter.ALL, records);
    }

    private static Evidence evidence(Control control, String description, String sheet, SheetFilter filter, long records) {
        return new Evidence(control, description, sheet, filter, records);
    }

    private static String[] titles(List<FeedKind> feeds) {
        return feeds.stream().map(FeedKind::title).toArray(String[]::new);
    }

    /** Splits a comma-separated mapping column of the control type catalog; NULL maps to nothing. */
    static List<String> split(String mapping) {
        return mapping == null ? List.of() : Arrays.stream(mapping.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
}
