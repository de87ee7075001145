package org.patchdesk.playbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.patchdesk.reports.WorkOrder;

/**
 * A playbook with its steps, ordered by phase and then by position. The device type and product
 * names are null when the playbook does not apply to one.
 */
public record Playbook(long id, String name, String description, Long deviceTypeId, String deviceTypeName, Long productId,
                       String productName, List<PlaybookStep> steps) {

    public Playbook {
        steps = List.copyOf(steps);
    }

    /** Returns the steps of one phase in their order. */
    public List<PlaybookStep> steps(Phase phase) {
        return steps.stream().filter(step -> step.phase() == phase).toList();
    }

    /** Returns the sum of the expected minutes of one phase's steps; steps without a duration count as zero. */
    public int expectedMinutes(Phase phase) {
        return steps(phase).stream().map(PlaybookStep::expectedMinutes).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
    }

    /** Returns what the playbook applies to, such as "Infusion pump; BD Alaris 8015", or "no device type or product". */
    public String appliesTo() {
        return appliesTo(deviceTypeName, productName);
    }

    /** Returns the playbook as a work order prints it: its steps grouped by phase, phases without steps left out. */
    public WorkOrder.PlaybookSection toWorkOrderSection() {
        List<WorkOrder.StepGroup> groups = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<WorkOrder.Step> phaseSteps = steps(phase).stream()
                    .map(step -> new WorkOrder.Step(step.role().label(), step.text(), step.expectedMinutes()))
                    .toList();
            if (!phaseSteps.isEmpty()) {
                groups.add(new WorkOrder.StepGroup(phase.label(), phaseSteps));
            }
        }
        return new WorkOrder.PlaybookSection(name, description, groups);
    }

    public PlaybookSummary summary() {
        return new PlaybookSummary(id, name, description, deviceTypeId, deviceTypeName, productId, productName, steps.size());
    }

    static String appliesTo(String deviceTypeName, String productName) {
        if (deviceTypeName == null && productName == null) {
            return "no device type or product";
        }
        if (deviceTypeName == null) {
            return productName;
        }
        return productName == null ? deviceTypeName : deviceTypeName + "; " + productName;
    }
}
