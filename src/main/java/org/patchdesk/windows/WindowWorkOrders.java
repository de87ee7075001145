package org.patchdesk.windows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.patchdesk.common.Actor;
import org.patchdesk.playbooks.Playbook;
import org.patchdesk.playbooks.PlaybookService;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.WorkOrder;
import org.patchdesk.reports.WorkOrderPdf;

/**
 * Prints a patch window's work order: its devices, approval (or the declined approval of a window
 * returned to proposed), change ticket, playbook steps and sign-off lines.
 */
public final class WindowWorkOrders {

    private final WindowService windows;
    private final PlaybookService playbooks;
    private final ReportSite site;
    private final Clock clock;

    public WindowWorkOrders(WindowService windows, PlaybookService playbooks, ReportSite site, Clock clock) {
        this.windows = windows;
        this.playbooks = playbooks;
        this.site = site;
        this.clock = clock;
    }

    /**
     * Builds the work order of a window as {@code actor} prints it now.
     *
     * @throws IllegalArgumentException when there is no such window
     */
    public WorkOrder workOrder(long windowId, Actor actor) {
        PatchWindow window = windows.find(windowId)
                .orElseThrow(() -> new IllegalArgumentException("Patch window " + windowId + " not found"));
        ZoneId zone = clock.getZone();
        WorkOrder.ChangeTicket ticket = window.changeTicket() == null ? null
                : new WorkOrder.ChangeTicket(window.changeTicket(), window.cabStatus().label(), window.cabDate());
        WorkOrder.Approval approval = window.approval() == null ? null : new WorkOrder.Approval(window.approval().name(),
                window.approval().role(), window.approval().approvedAt().atZone(zone), window.approval().conditions());
        WorkOrder.DeclinedApproval declined = window.decline() == null ? null : new WorkOrder.DeclinedApproval(
                window.decline().declinedBy(), window.decline().declinedAt().atZone(zone), window.decline().reason(),
                window.decline().signed());
        List<String> actions = window.plannedActions() == null ? List.of() : window.plannedActions().lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<WorkOrder.Device> devices = window.devices().stream().map(device -> new WorkOrder.Device(device.assetTag(),
                device.deviceType(), device.manufacturer(), device.model(), device.location(), device.softwareVersion(),
                device.downtimeMinutes())).toList();
        List<WorkOrder.PlaybookSection> sections = new ArrayList<>();
        for (PatchWindow.Attached attached : window.playbooks()) {
            playbooks.get(attached.id()).map(Playbook::toWorkOrderSection).ifPresent(sections::add);
        }
        return new WorkOrder(site, window.title(), String.valueOf(window.id()), window.type().label(), window.status().label(),
                window.startsAt().atZone(zone), window.endsAt().atZone(zone), window.department(), window.location(), ticket, approval,
                actions, devices, sections, actor.name(), ZonedDateTime.now(clock), declined);
    }

    /** Writes the work order of a window as a PDF. */
    public void write(long windowId, Path file, Actor actor) throws IOException {
        WorkOrderPdf.write(workOrder(windowId, actor), file);
    }
}
