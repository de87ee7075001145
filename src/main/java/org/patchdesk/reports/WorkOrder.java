package org.patchdesk.reports;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The content of a printed patch window work order. Text fields may be null or blank, and then
 * print as an em dash. A null {@code changeTicket} prints as "no change ticket" and a null
 * {@code approval} as "not approved", followed by the declined approval when {@code declined} is
 * given. {@code start} and {@code end} carry the time zone the window
 * is planned in. A demo {@code site} marks every page as demo data. {@code printedBy} and {@code printedAt} go in the footer of every page when given.
 */
public record WorkOrder(ReportSite site, String title, String windowId, String type, String status, ZonedDateTime start,
                        ZonedDateTime end, String department, String location, ChangeTicket changeTicket, Approval approval,
                        List<String> plannedActions, List<Device> devices, List<PlaybookSection> playbooks, String printedBy,
                        ZonedDateTime printedAt, DeclinedApproval declined) {

    /** Creates a work order of a window whose approval was not declined. */
    public WorkOrder(ReportSite site, String title, String windowId, String type, String status, ZonedDateTime start, ZonedDateTime end,
                     String department, String location, ChangeTicket changeTicket, Approval approval, List<String> plannedActions,
                     List<Device> devices, List<PlaybookSection> playbooks, String printedBy, ZonedDateTime printedAt) {
        this(site, title, windowId, type, status, start, end, department, location, changeTicket, approval, plannedActions, devices,
                playbooks, printedBy, printedAt, null);
    }

    public WorkOrder {
        plannedActions = plannedActions == null ? List.of() : List.copyOf(plannedActions);
        devices = devices == null ? List.of() : List.copyOf(devices);
        playbooks = playbooks == null ? List.of() : List.copyOf(playbooks);
    }

    /** The change ticket of the window, as the change management system gives it; {@code cabDate} may be null. */
    public record ChangeTicket(String number, String cabStatus, LocalDate cabDate) {
    }

    /** The approval of the window: the approver's name and role, the signing time, and the conditions (null when none). */
    public record Approval(String name, String role, ZonedDateTime signedAt, String conditions) {
    }

    /**
     * The clinical approver's refusal of the window's schedule: who declined it (the signer's printed
     * name and roles, or the user who recorded a typed decline), when, and why.
     */
    public record DeclinedApproval(String declinedBy, ZonedDateTime declinedAt, String reason, boolean signed) {
    }

    /** A device in the window; {@code expectedDowntimeMinutes} may be null when unknown. */
    public record Device(String assetTag, String deviceType, String manufacturer, String model, String location,
                         String softwareVersion, Integer expectedDowntimeMinutes) {
    }

    /** A playbook attached to the window, with its steps grouped by phase in the order they happen. */
    public record PlaybookSection(String name, String description, List<StepGroup> groups) {

        public PlaybookSection {
            Objects.requireNonNull(name, "name");
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** The steps of one phase, such as "Pre-checks". */
    public record StepGroup(String phase, List<Step> steps) {

        public StepGroup {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** One step: the role that carries it out, what to do, and the expected minutes (null when not given). */
    public record Step(String role, String text, Integer expectedMinutes) {
    }
}
