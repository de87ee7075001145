package org.patchdesk.settings.ui;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.Work;
import org.patchdesk.windows.WindowRules;

/**
 * The page that sets whether completing a patch window needs an approved change. The departments' blackout periods
 * and minimum in-service counts are per-department records and stay under Patch windows,
 * Department rules.
 */
final class PatchWindowsPage implements SettingsPage {

    static final String TITLE = "Patch windows";

    private final WindowRules rules;
    private final SettingsForm form = new SettingsForm();
    private final CheckBox requireChange = new CheckBox("A window can be completed only when its change ticket is approved by the CAB");
    private boolean stored;

    PatchWindowsPage(WindowRules rules) {
        this.rules = rules;
        requireChange.setId("requireApprovedChange");
        form.note("Blackout periods and minimum in-service counts are set per department under Patch windows, Department rules.");
        form.row("Change approval", requireChange, null);
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node node() {
        return form.node();
    }

    @Override
    public Optional<String> changeRejection(Actor actor) {
        return rules.changeRejection(actor);
    }

    @Override
    public void load() {
        stored = rules.requiresApprovedChange();
        requireChange.setSelected(stored);
        form.clearProblems();
    }

    @Override
    public boolean isChanged() {
        return requireChange.isSelected() != stored;
    }

    @Override
    public List<String> validate() {
        return List.of();
    }

    @Override
    public Work<String> save(Actor actor) {
        boolean required = requireChange.isSelected();
        return monitor -> {
            rules.setRequiresApprovedChange(required, actor);
            return required ? "Patch windows: completing a window needs an approved change"
                    : "Patch windows: completing a window no longer needs an approved change";
        };
    }
}
