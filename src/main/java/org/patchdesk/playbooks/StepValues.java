package org.patchdesk.playbooks;

/** The values of a step to add or change; {@code expectedMinutes} may be null. */
public record StepValues(Phase phase, Role role, String text, Integer expectedMinutes) {

    /** Returns the values of an existing step. */
    public static StepValues of(PlaybookStep step) {
        return new StepValues(step.phase(), step.role(), step.text(), step.expectedMinutes());
    }
}
