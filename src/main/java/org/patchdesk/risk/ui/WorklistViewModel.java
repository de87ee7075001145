package org.patchdesk.risk.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import org.patchdesk.intel.FeedKind;
import org.patchdesk.risk.FeedStatus;
import org.patchdesk.risk.FeedStatusService;
import org.patchdesk.risk.FindingService;
import org.patchdesk.risk.FindingStatus;
import org.patchdesk.risk.Grouping;
import org.patchdesk.risk.WorklistGroup;
import org.patchdesk.risk.WorklistQuery;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.ui.BackgroundTasks;

/**
 * The state of the worklist screen: the filters, the page of findings or the groups shown, and
 * the loading state. Queries run on the worker thread; results arrive on the JavaFX thread.
 */
public final class WorklistViewModel {

    public static final int PAGE_SIZE = 100;
    /** The maximum number of findings one expanded group shows. */
    public static final int GROUP_LIMIT = 1000;

    /** The total while the findings are being counted. */
    public static final int UNKNOWN = -1;

    /** A status filter: one status, or every status when {@code status} is null. */
    public record StatusChoice(String label, FindingStatus status) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final FindingService findings;
    private final FeedStatusService feeds;
    private final BackgroundTasks tasks;

    private final ObservableSet<Decision> decisions = FXCollections.observableSet(EnumSet.noneOf(Decision.class));
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>();
    private final BooleanProperty kevOnly = new SimpleBooleanProperty();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final BooleanProperty reviewOnly = new SimpleBooleanProperty();
    private final StringProperty minEpss = new SimpleStringProperty("");
    private final StringProperty department = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>();
    private final IntegerProperty page = new SimpleIntegerProperty();

    private final ObservableList<WorklistRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WorklistGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<String> departments = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper feedWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(emptyMessage(0));
    private int generation;

    public WorklistViewModel(FindingService findings, FeedStatusService feeds, BackgroundTasks tasks) {
        this.findings = findings;
        this.feeds = feeds;
        this.tasks = tasks;
        status.set(statusChoices().get(0));
    }

    /** Returns the status filter's choices: open findings first, then every status, then each status alone. */
    public static List<StatusChoice> statusChoices() {
        List<StatusChoice> choices = new java.util.ArrayList<>();
        choices.add(new StatusChoice("Open", FindingStatus.OPEN));
        choices.add(new StatusChoice("All statuses", null));
        for (FindingStatus value : FindingStatus.values()) {
            if (value != FindingStatus.OPEN) {
                choices.add(new StatusChoice(capitalize(value.word()), value));
            }
        }
        return choices;
    }

    static String capitalize(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /**
     * Builds the query of the current filters.
     *
     * @throws IllegalArgumentException when the EPSS filter is not a number from 0 to 1
     */
    public WorklistQuery query() {
        Set<FindingStatus> statuses = status.get() == null || status.get().status() == null ? Set.of() : Set.of(status.get().status());
        Double epss = null;
        String epssText = minEpss.get() == null ? "" : minEpss.get().strip();
        if (!epssText.isEmpty()) {
            try {
                epss = Double.parseDouble(epssText.replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("EPSS at least '" + epssText + "' is not a number; write a probability such as 0.1");
            }
            if (epss < 0 || epss > 1) {
                throw new IllegalArgumentException("EPSS at least " + epssText + " is outside 0 to 1");
            }
        }
        return WorklistQuery.everything().withDecisions(Set.copyOf(decisions)).withStatuses(statuses).withKevOnly(kevOnly.get())
                .withMinEpss(epss).withOverdueOnly(overdueOnly.get()).withReviewOnly(reviewOnly.get())
                .withDepartment(department.get()).withText(text.get());
    }

    /**
     * Sets the filters to the open findings with only the KEV, overdue and department filters given,
     * clearing the decisions, the EPSS and text filters and the grouping, and goes to the first page.
     * Nothing is loaded until the next {@link #reload}.
     *
     * @param department a department, or null for every department
     */
    public void resetFilters(boolean kevOnly, boolean overdueOnly, String department) {
        decisions.clear();
        status.set(statusChoices().get(0));
        this.kevOnly.set(kevOnly);
        this.overdueOnly.set(overdueOnly);
        reviewOnly.set(false);
        minEpss.set("");
        this.department.set(department);
        text.set("");
        grouping.set(null);
        page.set(0);
    }

    /** Loads the current page, or the groups when grouping is on, for the current filters. */
    public void reload(Runnable onLoaded, Consumer<Throwable> onFailure) {
        WorklistQuery query;
        try {
            query = query();
            filterError.set("");
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
            return;
        }
        int request = ++generation;
        loading.set(true);
        tasks.submit("Checking the feeds", monitor -> feedWarning(feeds.statuses()), feedWarning::set, error -> feedWarning.set(""));
        tasks.submit("Counting the matches to review", monitor -> emptyMessage(findings.matchesAwaitingDecision()), emptyMessage::set,
                error -> emptyMessage.set(emptyMessage(0)));
        Grouping by = grouping.get();
        int offset = page.get() * PAGE_SIZE;
        if (by == null) {
            // The page comes first; counting every matching finding can take longer on a large site.
            tasks.submit("Loading the worklist", monitor -> findings.page(query, offset, PAGE_SIZE), result -> {
                if (request == generation) {
                    groups.clear();
                    rows.setAll(result);
                    total.set(UNKNOWN);
                    loading.set(false);
                    onLoaded.run();
                    tasks.submit("Counting the findings", monitor -> findings.count(query), count -> {
                        if (request == generation) {
                            total.set(count);
                        }
                    }, onFailure);
                }
            }, error -> {
                loading.set(false);
                onFailure.accept(error);
            });
        } else {
            tasks.submit("Loading the worklist", monitor -> findings.groups(query, by), result -> {
                if (request == generation) {
                    rows.clear();
                    groups.setAll(result);
                    total.set(result.stream().mapToInt(WorklistGroup::findings).sum());
                    loading.set(false);
                    onLoaded.run();
                }
            }, error -> {
                loading.set(false);
                onFailure.accept(error);
            });
        }
    }

    /**
     * Returns a warning when KEV or EPSS data is stale or was never imported, since decisions then
     * rest on old or missing exploitation data, or an empty text.
     */
    static String feedWarning(List<FeedStatus> statuses) {
        List<String> problems = statuses.stream()
                .filter(status -> status.feed() == FeedKind.KEV || status.feed() == FeedKind.EPSS)
                .filter(status -> !status.checked() || status.stale())
                .map(FeedStatus::describe)
                .toList();
        if (problems.isEmpty()) {
            return "";
        }
        return String.join("; ", problems) + ". Decisions use the exploitation data PatchDesk has; import current files under Feeds.";
    }

    /**
     * Returns the text the worklist shows when no finding matches: where findings come from, and
     * how many undecided matches keep their findings out of the worklist.
     */
    static String emptyMessage(int matchesAwaitingDecision) {
        String message = "No findings match the filters.";
        if (matchesAwaitingDecision == 1) {
            return message + " One product or operating-system match waits for a decision under Match review; its findings appear"
                    + " once it is accepted.";
        }
        if (matchesAwaitingDecision > 1) {
            return message + String.format(Locale.US, " %,d product or operating-system matches wait for a decision under Match review;"
                    + " their findings appear once they are accepted.", matchesAwaitingDecision);
        }
        return message + " Findings appear once vulnerability feeds are imported and their products match the inventory.";
    }

    /** Returns what the worklist shows in place of an empty table. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedWarningProperty() {
        return feedWarning.getReadOnlyProperty();
    }

    /** Loads the findings of one group, up to {@link #GROUP_LIMIT}. */
    public void loadGroup(WorklistGroup group, Consumer<FindingService.Page> onLoaded, Consumer<Throwable> onFailure) {
        WorklistQuery query;
        try {
            query = query().inGroup(grouping.get(), group.key());
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
            return;
        }
        tasks.submit("Loading " + group.label(), monitor -> findings.worklist(query, 0, GROUP_LIMIT), onLoaded, onFailure);
    }

    /**
     * Loads the departments for the filter's choices. The chosen department stays chosen, because
     * replacing a combo box's items clears its value.
     */
    public void loadDepartments() {
        tasks.submit("Loading departments", monitor -> findings.departments(), loaded -> {
            if (loaded.equals(departments)) {
                return;
            }
            String chosen = department.get();
            departments.setAll(loaded);
            department.set(chosen);
        }, error -> { });
    }

    public int pageCount() {
        return Math.max(1, (Math.max(total.get(), 0) + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public ObservableSet<Decision> decisions() {
        return decisions;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public BooleanProperty kevOnlyProperty() {
        return kevOnly;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public BooleanProperty reviewOnlyProperty() {
        return reviewOnly;
    }

    public StringProperty minEpssProperty() {
        return minEpss;
    }

    public StringProperty departmentProperty() {
        return department;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ObservableList<WorklistRow> rows() {
        return rows;
    }

    public ObservableList<WorklistGroup> groups() {
        return groups;
    }

    public ObservableList<String> departments() {
        return departments;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public FindingService findings() {
        return findings;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }
}
