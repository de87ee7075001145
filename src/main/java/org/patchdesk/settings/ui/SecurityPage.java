package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.TextField;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.Work;
import org.patchdesk.users.UserService;

/** The page that sets the inactivity lock of the site's accounts. */
final class SecurityPage implements SettingsPage {

    static final String TITLE = "Security";
    private static final String FIELD = "Lock after";

    private final UserService users;
    private final SettingsForm form = new SettingsForm();
    private final TextField lockMinutes = SettingsForm.numberField("lockMinutes", 5);
    private int stored;

    SecurityPage(UserService users) {
        this.users = users;
        form.note("The window locks after this many minutes without keyboard or mouse input, and the signed-in user types their"
                + " password to go on. The setting belongs to the site database and applies to the demo data too.");
        form.row(FIELD, lockMinutes, "minutes without input, 0 (never) to " + UserService.MAX_LOCK_MINUTES + ", default "
                + UserService.DEFAULT_LOCK_MINUTES);
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
        return users.lockRejection(actor);
    }

    @Override
    public void load() {
        stored = users.lockAfterMinutes();
        lockMinutes.setText(Integer.toString(stored));
        form.clearProblems();
    }

    @Override
    public boolean isChanged() {
        return !SettingsForm.text(lockMinutes).equals(Integer.toString(stored));
    }

    @Override
    public List<String> validate() {
        form.clearProblems();
        List<String> problems = new ArrayList<>();
        form.check(lockMinutes, problems, () -> UserService.checkLockMinutes(SettingsForm.wholeNumber(lockMinutes, FIELD)));
        return problems;
    }

    @Override
    public Work<String> save(Actor actor) {
        int minutes = SettingsForm.wholeNumber(lockMinutes, FIELD);
        return monitor -> {
            users.setLockAfterMinutes(minutes, actor);
            return minutes == 0 ? "Security: the window no longer locks by itself"
                    : "Security: the window locks after " + minutes + " minutes without input";
        };
    }
}
