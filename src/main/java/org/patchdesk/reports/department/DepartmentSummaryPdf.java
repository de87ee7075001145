package org.patchdesk.reports.department;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.patchdesk.reports.ReportDocument;
import org.patchdesk.reports.ReportDocument.Column;
import org.patchdesk.reports.ReportDocument.KeyValue;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.department.DepartmentSummary.AffectedDevice;
import org.patchdesk.reports.department.DepartmentSummary.DeviceFindings;
import org.patchdesk.reports.department.DepartmentSummary.HighPriorityFinding;
import org.patchdesk.reports.department.DepartmentSummary.PendingAcceptance;
import org.patchdesk.reports.department.DepartmentSummary.SupportEnding;
import org.patchdesk.reports.department.DepartmentSummary.UpcomingWindow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.users.Role;
import org.patchdesk.windows.Departments;

/**
 * Writes a department summary as one printed page for a nurse manager. Counts come first, then the
 * patch windows, the high-priority security problems and the decisions that wait for her. Each
 * list is cut to what fits, with a pointer to the audit workbook for the rest. The page shows no
 * CVSS vectors or scores: a problem is its name, its CVE and whether attackers use it.
 */
public final class DepartmentSummaryPdf {

    /** The words after a cut list, such as "and 14 more — see the audit workbook". */
    static final String SEE_WORKBOOK = "see the audit workbook";

    /** How many rows of each list are printed. */
    private record Limits(int windows, int findings, int decisions) {

        /** Returns the first limits: {@link #MAX_ROWS} per list, or the whole list when it is shorter. */
        static Limits first(DepartmentSummary summary) {
            return new Limits(Math.min(MAX_ROWS, summary.windows().size()), Math.min(MAX_ROWS, summary.byDevice().size()),
                    Math.min(MAX_ROWS, summary.decisionsNeeded()));
        }

        /** Returns the limits with one row less in the longest list, findings first on a tie, or null when each prints one row. */
        Limits fewer() {
            int most = Math.max(findings, Math.max(windows, decisions));
            if (most <= 1) {
                return null;
            }
            if (findings == most) {
                return new Limits(windows, findings - 1, decisions);
            }
            return windows == most ? new Limits(windows - 1, findings, decisions) : new Limits(windows, findings, decisions - 1);
        }
    }

    /** The maximum number of rows a list prints. */
    private static final int MAX_ROWS = 12;

    /** The maximum length of a cell's text in characters, so that no single row can fill the page. */
    private static final int CELL_LIMIT = 150;

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

    private DepartmentSummaryPdf() {
    }

    /** Writes the summary for a site named {@code site}, replacing {@code target} only once the file is complete. */
    public static void write(DepartmentSummary summary, String site, String printedBy, Path target) throws IOException {
        write(summary, ReportSite.of(site == null ? "" : site), printedBy, target);
    }

    /**
     * Writes the summary on one page, replacing {@code target} only once the file is complete. The
     * lists print as many rows as leave the whole summary on one page: each try prints one row less
     * of the longest list. Cells are cut to {@value #CELL_LIMIT} characters, so one row of each list
     * always fits.
     */
    public static void write(DepartmentSummary summary, ReportSite site, String printedBy, Path target) throws IOException {
        Objects.requireNonNull(summary, "summary");
        Limits limits = Limits.first(summary);
        while (true) {
            try (ReportDocument document = new ReportDocument(site, "Department summary: " + summary.department())) {
                fill(document, summary, printedBy, limits);
                Limits fewer = limits.fewer();
                if (document.pageCount() == 1 || fewer == null) {
                    document.save(target);
                    return;
                }
                limits = fewer;
            }
        }
    }

    private static void fill(ReportDocument document, DepartmentSummary summary, String printedBy, Limits limits) {
        document.footerNote("Printed by " + orDash(printedBy) + " on " + PRINTED.format(summary.generatedAt())
                + ". The full lists are in the audit workbook.");
        document.heading(summary.department() + ": patching and device security");
        document.paragraph("For " + LONG_DATE.format(summary.today()) + ". Patch windows are those of the next " + days(summary)
                + ", through " + LONG_DATE.format(summary.lastDay()) + ". " + summary.department() + " has "
                + plural(summary.devicesInService(), "device") + " in service.");
        atAGlance(document, summary);
        windows(document, summary, limits.windows());
        findings(document, summary, limits.findings());
        decisions(document, summary, limits.decisions());
    }

    private static void atAGlance(ReportDocument document, DepartmentSummary summary) {
        List<KeyValue> lines = new ArrayList<>();
        lines.add(KeyValue.of("Patch windows", windowsLine(summary)));
        lines.add(KeyValue.of("Security problems", findingsLine(summary)));
        lines.add(KeyValue.of("Decisions for you", decisionsLine(summary)));
        if (summary.unsupported() > 0) {
            lines.add(KeyValue.of("Out of support", plural(summary.unsupported(), "device") + " no longer "
                    + (summary.unsupported() == 1 ? "gets" : "get") + " security updates from the manufacturer."));
        }
        document.keyValues(lines);
    }

    static String windowsLine(DepartmentSummary summary) {
        if (summary.windows().isEmpty()) {
            return "None in the next " + days(summary) + ".";
        }
        return plural(summary.windows().size(), "window") + " in the next " + days(summary) + " "
                + (summary.windows().size() == 1 ? "takes " : "take ") + plural(summary.windowDevices(), "device")
                + " out of service, " + duration(summary.totalDowntimeMinutes()) + " of downtime in total.";
    }

    static String findingsLine(DepartmentSummary summary) {
        if (summary.findings().isEmpty()) {
            return "None needs immediate or out-of-cycle work.";
        }
        int total = summary.findings().size();
        String split = summary.outOfCycleCount() == 0 ? (total == 1 ? "immediate" : "all immediate")
                : summary.immediateCount() == 0 ? (total == 1 ? "out-of-cycle" : "all out-of-cycle")
                : summary.immediateCount() + " immediate, " + summary.outOfCycleCount() + " out-of-cycle";
        StringBuilder line = new StringBuilder(plural(total, "high-priority problem") + " on "
                + plural(summary.devicesWithFindings(), "device") + ", " + split + ".");
        if (summary.kevCount() > 0) {
            line.append(' ').append(summary.kevCount() == total && total > 1 ? "All" : String.valueOf(summary.kevCount()))
                    .append(summary.kevCount() == 1 ? " is" : " are").append(" known to be used in attacks.");
        }
        if (summary.overdueCount() > 0) {
            line.append(' ').append(summary.overdueCount()).append(summary.overdueCount() == 1 ? " is" : " are").append(" overdue.");
        }
        if (summary.unplannedCount() > 0) {
            line.append(' ').append(summary.unplannedCount()).append(summary.unplannedCount() == 1 ? " has" : " have")
                    .append(" nothing planned yet.");
        }
        return line.toString();
    }

    static String decisionsLine(DepartmentSummary summary) {
        if (summary.decisionsNeeded() == 0) {
            return "None waits for you.";
        }
        List<String> parts = new ArrayList<>();
        if (!summary.awaitingApproval().isEmpty()) {
            parts.add(plural(summary.awaitingApproval().size(), "window approval"));
        }
        if (!summary.acceptances().isEmpty()) {
            parts.add(plural(summary.acceptances().size(), "risk acceptance signature"));
        }
        if (!summary.supportEnding().isEmpty()) {
            parts.add(plural(summary.supportEnding().size(), "end-of-support plan"));
        }
        return summary.decisionsNeeded() + ": " + String.join(", ", parts) + ".";
    }

    private static void windows(ReportDocument document, DepartmentSummary summary, int limit) {
        document.subheading("Patch windows in the next " + days(summary) + " (" + summary.windows().size() + ")");
        if (summary.windows().isEmpty()) {
            document.paragraph("No patch window is planned for " + summary.department() + " devices.");
            return;
        }
        List<Column> columns = List.of(Column.text("When", 1.5f), Column.text("Window", 2.1f), Column.text("Devices", 1.6f),
                Column.text("Downtime", 1.3f), Column.text("Approval", 1.7f));
        document.table(columns, rows(summary.windows(), limit, window -> List.of(when(window), windowText(window, summary),
                devicesText(window), downtimeText(window), approvalText(window))));
        more(document, summary.windows().size(), limit, "window");
    }

    private static void findings(ReportDocument document, DepartmentSummary summary, int limit) {
        List<DeviceFindings> devices = summary.byDevice();
        document.subheading("Security problems that need work soon (" + summary.findings().size() + " on "
                + plural(devices.size(), "device") + ")");
        if (devices.isEmpty()) {
            document.paragraph(noFindingsSentence(summary));
            return;
        }
        document.paragraph("Immediate means fix now; out-of-cycle means fix before the next regular update. One row per device,"
                + " with its most urgent problem. Devices with problems on the CISA list of known exploited vulnerabilities (KEV)"
                + " come first.");
        List<Column> columns = List.of(Column.text("Device", 2f), Column.text("Problem", 2.8f), Column.text("Urgency", 1.3f),
                Column.text("What is planned", 2.2f));
        document.table(columns, rows(devices, limit, device -> List.of(deviceText(device.first()), problemText(device),
                urgencyText(device, summary), planText(device))));
        more(document, devices.size(), limit, "device");
    }

    private static void decisions(ReportDocument document, DepartmentSummary summary, int limit) {
        document.subheading("Decisions needed from clinical leadership (" + summary.decisionsNeeded() + ")");
        if (summary.decisionsNeeded() == 0) {
            document.paragraph(noDecisionsSentence(summary));
            return;
        }
        List<List<String>> all = new ArrayList<>();
        for (UpcomingWindow window : summary.awaitingApproval()) {
            all.add(List.of("Approve the patch window", cut(window.title()) + ": " + plural(window.devices().size(), "device")
                    + " out of service, " + duration(window.totalDowntimeMinutes()) + " in total.", "Before "
                    + DAY.format(window.start()) + ", " + TIME.format(window.start())));
        }
        for (PendingAcceptance acceptance : summary.acceptances()) {
            all.add(List.of("Sign risk acceptance " + acceptance.number(), acceptanceText(acceptance), "Submitted "
                    + (acceptance.submittedAt() == null ? "—" : SHORT_DATE.format(acceptance.submittedAt().atZone(
                    summary.generatedAt().getZone()))) + (acceptance.submittedBy() == null ? "" : " by " + acceptance.submittedBy())));
        }
        for (SupportEnding ending : summary.supportEnding()) {
            all.add(List.of("Plan for the end of support", supportText(ending), "Ends " + SHORT_DATE.format(ending.endOfSupport())));
        }
        List<Column> columns = List.of(Column.text("Decision", 1.8f), Column.text("About", 4.2f), Column.text("When", 1.6f));
        document.table(columns, all.subList(0, Math.min(limit, all.size())));
        more(document, all.size(), limit, "decision");
    }

    /** Returns the sentence for a department without high-priority findings, naming it without an article. */
    static String noFindingsSentence(DepartmentSummary summary) {
        return "No " + summary.department() + " device has an open problem that needs immediate or out-of-cycle work.";
    }

    /**
     * Returns the sentence for a department without decisions. An end-of-support plan is a decision
     * only for support that ends in the next 12 months, so devices already out of support are named
     * apart: they need a plan too, but are no decision with a date.
     */
    static String noDecisionsSentence(DepartmentSummary summary) {
        if (summary.unsupported() == 0) {
            return "No window approval, risk acceptance signature or end-of-support plan waits for clinical leadership.";
        }
        return "No window approval or risk acceptance signature waits for clinical leadership, and no support ends in the next 12"
                + " months. " + plural(summary.unsupported(), "device") + " already out of support "
                + (summary.unsupported() == 1 ? "needs" : "need") + " a replacement or isolation plan with clinical engineering.";
    }

    private static <T> List<List<String>> rows(List<T> items, int limit, Function<T, List<String>> row) {
        return items.stream().limit(limit).map(row).map(cells -> cells.stream().map(DepartmentSummaryPdf::cut).toList()).toList();
    }

    private static void more(ReportDocument document, int total, int shown, String noun) {
        if (total > shown) {
            document.paragraph("… and " + plural(total - shown, "more " + noun) + " — " + SEE_WORKBOOK + ".");
        }
    }

    private static String when(UpcomingWindow window) {
        ZonedDateTime start = window.start();
        ZonedDateTime end = window.end();
        String from = DAY.format(start) + ", " + TIME.format(start);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return from + " to " + TIME.format(end);
        }
        return from + " to " + (start.toLocalDate().plusDays(1).equals(end.toLocalDate()) ? WEEKDAY.format(end) + " " : DAY.format(end)
                + ", ") + TIME.format(end);
    }

    private static String windowText(UpcomingWindow window, DepartmentSummary summary) {
        String text = window.title() + " (" + window.type().label().toLowerCase(Locale.ROOT) + ")";
        if (window.department() != null && !Departments.key(window.department()).equals(Departments.key(summary.department()))) {
            text += ", planned by " + window.department();
        }
        return text;
    }

    /** Returns the department's devices in a window with their types, such as "6: Infusion Pump ×6"; untyped devices are only counted. */
    static String devicesText(UpcomingWindow window) {
        Map<String, Integer> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (AffectedDevice device : window.devices()) {
            if (device.deviceType() != null && !device.deviceType().isBlank()) {
                byType.merge(device.deviceType(), 1, Integer::sum);
            }
        }
        List<String> types = new ArrayList<>();
        byType.forEach((type, count) -> types.add(count == 1 ? type : type + " ×" + count));
        String count = window.devices().size() == window.allDevices() ? String.valueOf(window.devices().size())
                : window.devices().size() + " of " + window.allDevices();
        return types.isEmpty() ? count : count + ": " + String.join(", ", types);
    }

    static String downtimeText(UpcomingWindow window) {
        List<Integer> known = window.devices().stream().map(AffectedDevice::downtimeMinutes).filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return "Not estimated";
        }
        int low = known.stream().mapToInt(Integer::intValue).min().orElse(0);
        int high = known.stream().mapToInt(Integer::intValue).max().orElse(0);
        String each = low == high ? duration(low) : duration(low) + " to " + duration(high);
        String text = known.size() == 1 ? each : each + " each, " + duration(window.totalDowntimeMinutes()) + " in total";
        if (window.devicesWithoutEstimate() > 0) {
            text += "; " + window.devicesWithoutEstimate() + " not estimated";
        }
        return text;
    }

    static String approvalText(UpcomingWindow window) {
        return switch (window.status()) {
            case APPROVED -> window.approval() == null ? "Approved" : "Approved by " + window.approval().name() + " on "
                    + SHORT_DATE.format(window.approval().approvedAt().atZone(window.start().getZone()));
            case AWAITING_APPROVAL -> "Waiting for clinical approval";
            case PROPOSED -> window.decline() == null ? "Not yet sent for approval" : "Approval declined: " + window.decline().reason();
            default -> window.status().label();
        };
    }

    private static String deviceText(HighPriorityFinding finding) {
        String type = finding.deviceType() == null || finding.deviceType().isBlank() ? "Device" : finding.deviceType();
        String product = (orEmpty(finding.manufacturer()) + " " + orEmpty(finding.model())).strip();
        return type + " " + finding.assetTag() + (product.isEmpty() ? "" : " (" + product + ")");
    }

    static String problemText(DeviceFindings device) {
        String text = problemText(device.first());
        int others = device.findings().size() - 1;
        if (others == 0) {
            return text;
        }
        int otherKev = device.kevCount() - (device.first().kev() ? 1 : 0);
        return text + " Plus " + others + " more" + (otherKev == 0 ? "" : otherKev == others ? ", all KEV-listed"
                : ", " + otherKev + " of them KEV-listed") + ".";
    }

    static String problemText(HighPriorityFinding finding) {
        String name = finding.problem() == null || finding.problem().isBlank() ? "Security flaw" : finding.problem().strip();
        String text = name + " (" + finding.cveId() + ").";
        if (finding.kev()) {
            return text + " Known to be used in attacks (CISA KEV).";
        }
        if ("active".equals(finding.exploitation())) {
            return text + " Reported as used in attacks.";
        }
        if ("public poc".equals(finding.exploitation())) {
            return text + " Attack code is public.";
        }
        return text;
    }

    private static String urgencyText(DeviceFindings device, DepartmentSummary summary) {
        int immediate = device.immediateCount();
        int outOfCycle = device.findings().size() - immediate;
        String urgency;
        if (device.findings().size() == 1) {
            urgency = immediate == 1 ? "Immediate" : "Out-of-cycle";
        } else if (outOfCycle == 0) {
            urgency = "All immediate";
        } else if (immediate == 0) {
            urgency = "All out-of-cycle";
        } else {
            urgency = immediate + " immediate, " + outOfCycle + " out-of-cycle";
        }
        LocalDate due = device.earliestDue();
        if (due == null) {
            return urgency;
        }
        return urgency + (due.isBefore(summary.today()) ? ", overdue since " : ", due ") + SHORT_DATE.format(due);
    }

    private static String planText(DeviceFindings device) {
        List<String> plans = device.plans();
        if (plans.isEmpty()) {
            return "Nothing planned yet";
        }
        int unplanned = device.unplannedCount();
        return String.join("; ", plans) + (unplanned == 0 ? "" : "; nothing planned for " + unplanned + " of the problems");
    }

    private static String acceptanceText(PendingAcceptance acceptance) {
        List<Role> others = acceptance.missingRoles().stream().filter(role -> role != Role.CLINICAL_LEADER).toList();
        return cut(acceptance.title()) + ". " + acceptance.level().label() + " remaining risk, " + plural(acceptance.devices(), "device")
                + " here, " + SHORT_DATE.format(acceptance.startDate()) + " to " + SHORT_DATE.format(acceptance.endDate()) + "."
                + (others.isEmpty() ? "" : " Also waits for: " + Role.labels(others) + ".");
    }

    private static String supportText(SupportEnding ending) {
        List<String> tags = ending.assetTags();
        String listed = tags.size() <= 4 ? String.join(", ", tags) : String.join(", ", tags.subList(0, 3)) + " and "
                + (tags.size() - 3) + " more";
        return ending.what() + ": " + plural(tags.size(), "device") + " (" + listed + ") will stop getting security updates.";
    }

    /** Returns minutes as "20 min", "2 h" or "3 h 20 min". */
    static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    private static String days(DepartmentSummary summary) {
        return plural(summary.horizonDays(), "day");
    }

    private static String plural(int count, String noun) {
        return String.format(Locale.US, "%,d %s", count, count == 1 ? noun : noun + "s");
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= CELL_LIMIT ? text : text.substring(0, CELL_LIMIT - 1).strip() + "…";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
