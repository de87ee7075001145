package org.patchdesk.testing;

import javafx.scene.control.Button;

import org.testfx.api.FxRobot;

/** Presses buttons of the dialogs a TestFX test opens. */
public final class DialogButtons {

    private DialogButtons() {
    }

    /**
     * Fires the button with {@code text} in the dialog that {@code dialog} selects, without waiting
     * for the dialog's window to be laid out for a click.
     */
    public static void press(FxRobot robot, String dialog, String text) {
        Button button = robot.lookup(dialog + " .button").queryAllAs(Button.class).stream()
                .filter(candidate -> text.equals(candidate.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " in " + dialog));
        robot.interact(button::fire);
    }
}
