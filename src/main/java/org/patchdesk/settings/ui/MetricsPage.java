package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.TextField;

import org.patchdesk.common.Actor;
import org.patchdesk.governance.MetricsService;
import org.patchdesk.ui.Work;

/** The page that sets the patch window of the metrics. */
final class MetricsPage implements SettingsPage {

    static final String TITLE = "Metrics";
    private static final String FIELD = "Patch window";

    private final MetricsService metrics;
    private final SettingsForm form = new SettingsForm();
    private final TextField windowDays = SettingsForm.numberField("windowDays", 5);
    private int stored;

    MetricsPage(MetricsService metrics) {
        this.metrics = metrics;
        form.note("An install counts as on time when it is done within this many days of the vendor's validation of the patch.");
        form.row(FIELD, windowDays, "days, 1 to " + MetricsService.MAX_WINDOW_DAYS + ", default " + MetricsService.DEFAULT_WINDOW_DAYS);
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
        return metrics.changeRejection(actor);
    }

    @Override
    public void load() {
        stored = metrics.windowDays();
        windowDays.setText(Integer.toString(stored));
        form.clearProblems();
    }

    @Override
    public boolean isChanged() {
        return !SettingsForm.text(windowDays).equals(Integer.toString(stored));
    }

    @Override
    public List<String> validate() {
        form.clearProblems();
        List<String> problems = new ArrayList<>();
        form.check(windowDays, problems, () -> MetricsService.checkWindowDays(SettingsForm.wholeNumber(windowDays, FIELD)));
        return problems;
    }

    @Override
    public Work<String> save(Actor actor) {
        int days = SettingsForm.wholeNumber(windowDays, FIELD);
        return monitor -> {
            metrics.setWindowDays(days, actor);
            return "Metrics: the patch window is " + days + " days";
        };
    }
}
