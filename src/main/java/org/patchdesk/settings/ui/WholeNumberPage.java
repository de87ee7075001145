package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import javafx.scene.Node;
import javafx.scene.control.TextField;

import org.patchdesk.common.Actor;
import org.patchdesk.ui.Work;

/**
 * A page with one whole-number setting, such as the inactivity lock or the metrics' patch window:
 * the owning service reads, checks and stores the value and decides who may change it.
 */
final class WholeNumberPage implements SettingsPage {

    private final String title;
    private final String field;
    private final IntSupplier read;
    private final IntConsumer check;
    private final BiConsumer<Integer, Actor> store;
    private final Function<Actor, Optional<String>> rejection;
    private final IntFunction<String> summary;
    private final SettingsForm form = new SettingsForm();
    private final TextField value;
    private int stored;

    /**
     * Creates the page.
     *
     * @param id        the field's node id
     * @param note      the text above the field that explains the setting
     * @param hint      the text beside the field: unit, range and default
     * @param read      returns the stored value
     * @param check     throws IllegalArgumentException naming the value when it is out of range
     * @param store     stores the value for the actor, with its audit entry
     * @param rejection returns why the actor may not change the setting
     * @param summary   describes a saved value in one line for the dialog's status
     */
    WholeNumberPage(String title, String field, String id, String note, String hint, IntSupplier read, IntConsumer check,
                    BiConsumer<Integer, Actor> store, Function<Actor, Optional<String>> rejection, IntFunction<String> summary) {
        this.title = title;
        this.field = field;
        this.read = read;
        this.check = check;
        this.store = store;
        this.rejection = rejection;
        this.summary = summary;
        this.value = SettingsForm.numberField(id, 5);
        form.note(note);
        form.row(field, value, hint);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        return form.node();
    }

    @Override
    public Optional<String> changeRejection(Actor actor) {
        return rejection.apply(actor);
    }

    @Override
    public void load() {
        stored = read.getAsInt();
        value.setText(Integer.toString(stored));
        form.clearProblems();
    }

    @Override
    public boolean isChanged() {
        return !SettingsForm.text(value).equals(Integer.toString(stored));
    }

    @Override
    public List<String> validate() {
        form.clearProblems();
        List<String> problems = new ArrayList<>();
        form.check(value, problems, () -> check.accept(SettingsForm.wholeNumber(value, field)));
        return problems;
    }

    @Override
    public Work<String> save(Actor actor) {
        int number = SettingsForm.wholeNumber(value, field);
        return monitor -> {
            store.accept(number, actor);
            return summary.apply(number);
        };
    }
}
