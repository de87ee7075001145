package org.patchdesk.playbooks;

/**
 * One step of a playbook. {@code position} counts from 1 within the step's phase;
 * {@code expectedMinutes} is null when no duration is given.
 */
public record PlaybookStep(long id, long playbookId, Phase phase, int position, Role role, String text, Integer expectedMinutes) {
}
