package org.patchdesk.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.patchdesk.reports.ReportDocument.Column;
import org.patchdesk.reports.ReportDocument.KeyValue;

/**
 * Writes the work order of a patch window as a PDF. It shows the window and its approval, the
 * planned actions and the devices, then each attached playbook's steps by phase with a check box
 * per step, and ends with sign-off lines for the HTM technician, IT and the clinical unit.
 */
public final class WorkOrderPdf {

    /** The roles that sign the work order off, in the order they sign. */
    public static final List<String> SIGN_OFF_ROLES = List.of("HTM technician", "IT", "Clinical unit");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.US);
    private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

    private WorkOrderPdf() {
    }

    /** Writes the work order to {@code target}, replacing the file only once it is complete. */
    public static void write(WorkOrder order, Path target) throws IOException {
        try (ReportDocument document = start(order)) {
            fill(document, order);
            document.save(target);
        }
    }

    /** Writes the work order to {@code out}, which stays open. */
    public static void write(WorkOrder order, OutputStream out) throws IOException {
        try (ReportDocument document = start(order)) {
            fill(document, order);
            document.save(out);
        }
    }

    private static ReportDocument start(WorkOrder order) {
        Objects.requireNonNull(order, "order");
        return new ReportDocument(order.site(), "Work order: " + orDash(order.title())).footerNote(printedNote(order));
    }

    private static void fill(ReportDocument document, WorkOrder order) {
        window(document, order);
        plannedActions(document, order.plannedActions());
        devices(document, order.devices());
        playbooks(document, order.playbooks());
        signOff(document);
    }

    private static void window(ReportDocument document, WorkOrder order) {
        document.heading("Patch window work order: " + orDash(order.title()));
        List<KeyValue> lines = new ArrayList<>();
        lines.add(KeyValue.of("Window", order.windowId()));
        lines.add(KeyValue.of("Type", order.type()));
        lines.add(KeyValue.of("Status", order.status()));
        lines.add(KeyValue.of("Start", dateTime(order.start())));
        lines.add(KeyValue.of("End", dateTime(order.end())));
        lines.add(KeyValue.of("Length", length(order.start(), order.end())));
        lines.add(KeyValue.of("Department", order.department()));
        lines.add(KeyValue.of("Location", order.location()));
        lines.add(KeyValue.of("Change ticket", changeTicket(order.changeTicket())));
        lines.add(KeyValue.of("Approval", approval(order.approval())));
        if (order.approval() == null && order.declined() != null) {
            lines.add(KeyValue.of("Approval declined", declined(order.declined())));
        }
        if (order.approval() != null) {
            lines.add(KeyValue.of("Conditions", order.approval().conditions() == null || order.approval().conditions().isBlank()
                    ? "none" : order.approval().conditions()));
        }
        document.keyValues(lines);
    }

    private static void plannedActions(ReportDocument document, List<String> actions) {
        document.heading("Planned actions");
        if (actions.isEmpty()) {
            document.paragraph("No action is planned.");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < actions.size(); i++) {
            text.append(i + 1).append(". ").append(actions.get(i)).append('\n');
        }
        document.paragraph(text.toString().strip());
    }

    private static void devices(ReportDocument document, List<WorkOrder.Device> devices) {
        document.heading("Devices (" + devices.size() + ")");
        if (devices.isEmpty()) {
            document.paragraph("No device is in this window.");
            return;
        }
        List<Column> columns = List.of(Column.checkBox("Done", 0.7f), Column.text("Asset tag", 1.1f), Column.text("Type", 1.3f),
                Column.text("Manufacturer / model", 2f), Column.text("Location", 1.6f), Column.text("Software version", 1.3f),
                Column.text("Downtime (min)", 0.9f));
        List<List<String>> rows = new ArrayList<>();
        int knownMinutes = 0;
        int unknown = 0;
        for (WorkOrder.Device device : devices) {
            rows.add(List.of("", orDash(device.assetTag()), orDash(device.deviceType()),
                    orDash(join(device.manufacturer(), device.model())), orDash(device.location()), orDash(device.softwareVersion()),
                    device.expectedDowntimeMinutes() == null ? "—" : device.expectedDowntimeMinutes().toString()));
            if (device.expectedDowntimeMinutes() == null) {
                unknown++;
            } else {
                knownMinutes += device.expectedDowntimeMinutes();
            }
        }
        document.table(columns, rows);
        document.paragraph("Expected downtime of all devices together: " + knownMinutes + " min"
                + (unknown == 0 ? "." : ", not counting " + unknown + (unknown == 1 ? " device" : " devices") + " without an estimate."));
    }

    private static void playbooks(ReportDocument document, List<WorkOrder.PlaybookSection> playbooks) {
        if (playbooks.isEmpty()) {
            document.heading("Playbooks");
            document.paragraph("No playbook is attached to this window.");
            return;
        }
        List<Column> columns = List.of(Column.checkBox("Done", 0.7f), Column.text("#", 0.35f), Column.text("Role", 0.9f),
                Column.text("Step", 5.4f), Column.text("Min", 0.55f), Column.text("Initials", 0.8f));
        for (WorkOrder.PlaybookSection playbook : playbooks) {
            document.heading("Playbook: " + playbook.name());
            if (playbook.description() != null && !playbook.description().isBlank()) {
                document.paragraph(playbook.description());
            }
            for (WorkOrder.StepGroup group : playbook.groups()) {
                if (group.steps().isEmpty()) {
                    continue;
                }
                document.subheading(group.phase());
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < group.steps().size(); i++) {
                    WorkOrder.Step step = group.steps().get(i);
                    rows.add(List.of("", Integer.toString(i + 1), orDash(step.role()), orDash(step.text()),
                            step.expectedMinutes() == null ? "" : step.expectedMinutes().toString(), ""));
                }
                document.table(columns, rows);
            }
        }
    }

    private static void signOff(ReportDocument document) {
        document.heading("Sign-off");
        document.paragraph("Each signer confirms that the steps of their role are done or marked as not done with a reason,"
                + " and that the devices are back in clinical use or tagged out of service.");
        document.signatureLines(SIGN_OFF_ROLES);
    }

    private static String printedNote(WorkOrder order) {
        if (order.printedAt() == null) {
            return order.printedBy() == null ? "" : "Printed by " + order.printedBy();
        }
        return "Printed " + order.printedAt().format(SHORT_DATE_TIME) + (order.printedBy() == null ? "" : " by " + order.printedBy());
    }

    private static String dateTime(ZonedDateTime time) {
        return time == null ? null : time.format(DATE_TIME) + " (" + time.getZone().getId() + ")";
    }

    private static String length(ZonedDateTime start, ZonedDateTime end) {
        if (start == null || end == null) {
            return null;
        }
        Duration duration = Duration.between(start, end);
        if (duration.isNegative()) {
            return "the end is before the start";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        return hours == 0 ? minutes + " min" : hours + " h " + String.format(Locale.US, "%02d", minutes) + " min";
    }

    private static String changeTicket(WorkOrder.ChangeTicket ticket) {
        if (ticket == null || ticket.number() == null || ticket.number().isBlank()) {
            return "no change ticket";
        }
        String cab = ticket.cabStatus() == null || ticket.cabStatus().isBlank() ? "CAB status not recorded" : "CAB " + ticket.cabStatus();
        return ticket.number() + ", " + cab + (ticket.cabDate() == null ? "" : " on " + ticket.cabDate());
    }

    private static String approval(WorkOrder.Approval approval) {
        if (approval == null) {
            return "not approved";
        }
        String who = join(approval.name(), approval.role() == null || approval.role().isBlank() ? null : "(" + approval.role() + ")");
        return "Approved by " + orDash(who) + (approval.signedAt() == null ? "" : ", signed " + approval.signedAt().format(SHORT_DATE_TIME));
    }

    private static String declined(WorkOrder.DeclinedApproval declined) {
        String when = declined.declinedAt() == null ? "" : declined.declinedAt().format(SHORT_DATE_TIME);
        String signer = declined.signed() ? "Rejected by " + orDash(declined.declinedBy()) + (when.isEmpty() ? "" : ", signed " + when)
                : "Recorded by " + orDash(declined.declinedBy()) + (when.isEmpty() ? "" : " on " + when);
        return signer + "; reason: " + orDash(declined.reason());
    }

    private static String join(String first, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        if (hasFirst && hasSecond) {
            return first.strip() + " " + second.strip();
        }
        if (hasFirst) {
            return first.strip();
        }
        return hasSecond ? second.strip() : null;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
