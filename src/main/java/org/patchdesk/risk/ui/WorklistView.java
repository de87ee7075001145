package org.patchdesk.risk.ui;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.common.AtomicFiles;
import org.patchdesk.intel.cvss.CvssVector;
import org.patchdesk.risk.Finding;
import org.patchdesk.risk.Grouping;
import org.patchdesk.risk.ReviewFlag;
import org.patchdesk.risk.WorklistGroup;
import org.patchdesk.risk.WorklistQuery;
import org.patchdesk.risk.WorklistRow;
import org.patchdesk.risk.ssvc.Decision;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;

/**
 * The prioritized worklist: findings ordered by SSVC decision, then priority, with filters, an
 * optional grouping by device, vulnerability, product or department, and the explanation of the
 * selected finding beside the list.
 */
public final class WorklistView extends BorderPane {

    /** A row of the tree: a group, or a finding. */
    sealed interface Item permits GroupItem, FindingItem {
    }

    record GroupItem(WorklistGroup group) implements Item {
    }

    record FindingItem(WorklistRow row) implements Item {
    }

    private static final double DECISION_WIDTH = 150;
    private static final double GROUP_LABEL_WIDTH = 340;

    private final WorklistViewModel model;
    private final DialogService dialogs;
    private final Clock clock;
    private final TreeTableView<Item> table = new TreeTableView<>();
    private final TreeItem<Item> root = new TreeItem<>();
    private final Pagination pagination = new Pagination(1, 0);
    private final Label status = new Label();
    private final FindingDetailPane detail;
    private final List<CheckBox> decisionBoxes = new java.util.ArrayList<>();
    /** True while {@link #showFiltered} sets several filters, so that each change does not load the list. */
    private boolean settingFilters;

    public WorklistView(WorklistViewModel model, DialogService dialogs, Actor actor, Clock clock) {
        this.model = model;
        this.dialogs = dialogs;
        this.clock = clock;
        this.detail = new FindingDetailPane(model.findings(), model.tasks(), dialogs, actor, this::replace);
        setId("worklistView");

        setTop(filterBar());
        table.setId("worklistTable");
        table.setRoot(root);
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.setId("worklistEmptyMessage");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(640);
        placeholder.textProperty().bind(model.emptyMessageProperty());
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(columns());
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, item) ->
                detail.show(item != null && item.getValue() instanceof FindingItem finding ? finding.row() : null));

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);

        pagination.setId("worklistPages");
        pagination.setMaxPageIndicatorCount(7);
        pagination.setPageFactory(index -> {
            if (index != model.pageProperty().get()) {
                model.pageProperty().set(index);
                reload();
            }
            return new Region();
        });
        pagination.setPrefHeight(46);
        pagination.setMaxHeight(46);
        status.setId("worklistStatus");
        model.totalProperty().addListener((observable, old, total) -> showCount());
        ProgressBar loading = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        loading.setId("worklistLoading");
        loading.setPrefWidth(120);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        HBox bottom = new HBox(12, loading, status, spacer(), pagination);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(2, 8, 2, 8));
        bottom.getStyleClass().add("status-bar");
        setBottom(bottom);
    }

    private VBox filterBar() {
        FlowPane decisions = new FlowPane(8, 4);
        decisions.setAlignment(Pos.CENTER_LEFT);
        decisions.getChildren().add(new Label("Decision:"));
        for (Decision decision : List.of(Decision.IMMEDIATE, Decision.OUT_OF_CYCLE, Decision.SCHEDULED, Decision.DEFER)) {
            CheckBox box = new CheckBox(WorklistViewModel.capitalize(decision.word()));
            box.setId("decision-" + decision.word());
            box.setUserData(decision);
            decisionBoxes.add(box);
            box.selectedProperty().addListener((observable, old, selected) -> {
                if (selected) {
                    model.decisions().add(decision);
                } else {
                    model.decisions().remove(decision);
                }
                filtersChanged();
            });
            decisions.getChildren().add(box);
        }

        ComboBox<WorklistViewModel.StatusChoice> statuses = new ComboBox<>();
        statuses.setId("statusFilter");
        statuses.getItems().setAll(WorklistViewModel.statusChoices());
        statuses.valueProperty().bindBidirectional(model.statusProperty());
        statuses.valueProperty().addListener((observable, old, value) -> filtersChanged());

        CheckBox kev = checkBox("kevFilter", "In KEV", model.kevOnlyProperty());
        CheckBox overdue = checkBox("overdueFilter", "Overdue", model.overdueOnlyProperty());
        CheckBox review = checkBox("reviewFilter", "Needs review", model.reviewOnlyProperty());

        TextField epss = new TextField();
        epss.setId("epssFilter");
        epss.setPromptText("0.1");
        epss.setPrefColumnCount(4);
        epss.textProperty().bindBidirectional(model.minEpssProperty());
        epss.setOnAction(event -> filtersChanged());
        epss.focusedProperty().addListener((observable, old, focused) -> {
            if (!focused) {
                filtersChanged();
            }
        });

        ComboBox<String> department = new ComboBox<>(model.departments());
        department.setId("departmentFilter");
        department.setPromptText("All departments");
        department.valueProperty().bindBidirectional(model.departmentProperty());
        department.valueProperty().addListener((observable, old, value) -> filtersChanged());
        Button allDepartments = new Button("×");
        allDepartments.setOnAction(event -> department.setValue(null));

        TextField search = new TextField();
        search.setId("worklistSearch");
        search.setPromptText("Asset tag, CVE, manufacturer or model");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(model.textProperty());
        search.setOnAction(event -> filtersChanged());

        ComboBox<Grouping> grouping = new ComboBox<>();
        grouping.setId("groupingChoice");
        grouping.getItems().setAll(null, Grouping.DEVICE, Grouping.VULNERABILITY, Grouping.PRODUCT, Grouping.DEPARTMENT);
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grouping value) {
                return value == null ? "No grouping" : value.label();
            }

            @Override
            public Grouping fromString(String text) {
                return null;
            }
        });
        grouping.setValue(null);
        grouping.valueProperty().bindBidirectional(model.groupingProperty());
        grouping.valueProperty().addListener((observable, old, value) -> filtersChanged());

        Button export = new Button("Export CSV…");
        export.setId("exportFindingsButton");
        export.setOnAction(event -> exportCsv());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> reload());

        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(model.filterErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        FlowPane second = new FlowPane(8, 4, new Label("Status:"), statuses, kev, overdue, review, new Label("EPSS at least:"), epss,
                new Label("Department:"), department, allDepartments, search, new Label("Group by:"), grouping, export, refresh);
        second.setAlignment(Pos.CENTER_LEFT);
        Label warning = new Label();
        warning.setId("worklistFeedWarning");
        warning.setWrapText(true);
        warning.textProperty().bind(model.feedWarningProperty());
        HBox banner = new HBox(warning);
        banner.getStyleClass().add("feed-warning");
        banner.visibleProperty().bind(model.feedWarningProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        VBox bar = new VBox(6, banner, decisions, second, error);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private CheckBox checkBox(String id, String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        box.selectedProperty().addListener((observable, old, selected) -> filtersChanged());
        return box;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private List<TreeTableColumn<Item, String>> columns() {
        LocalDate today = LocalDate.now(clock);
        TreeTableColumn<Item, String> decision = column("Decision", DECISION_WIDTH, group -> group.label() + " (" + group.findings() + ")",
                row -> row.finding().decision() == null ? "" : row.finding().decision());
        decision.setId("decisionColumn");
        decision.setCellFactory(column -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeIf(style -> style.startsWith("decision-"));
                setText(empty ? null : text);
                TreeItem<Item> item = getTableRow() == null ? null : getTableRow().getTreeItem();
                if (!empty && item != null && item.getValue() instanceof FindingItem) {
                    getStyleClass().add("decision-" + text);
                }
            }
        });
        TreeTableColumn<Item, String> due = column("Due", 130, group -> group.overdue() > 0 ? group.overdue() + " overdue" : "",
                row -> row.finding().dueDate() == null ? "" : row.finding().dueDate() + (row.finding().overdue(today) ? " overdue" : ""));
        due.setCellFactory(column -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove("overdue");
                if (!empty && text != null && text.endsWith("overdue")) {
                    getStyleClass().add("overdue");
                }
            }
        });
        return List.of(decision,
                column("Priority", 70, group -> format2(group.topPriority()), row -> format2(row.finding().priority())),
                column("Asset Tag", 95, group -> "", WorklistRow::assetTag),
                column("Device", 210, group -> "", row -> (orEmpty(row.manufacturer()) + " " + orEmpty(row.model())).strip()),
                column("CVE", 130, group -> "", row -> row.finding().cveId()),
                column("CVSS", 120, group -> "", WorklistView::cvssText),
                column("EPSS", 65, group -> "", row -> row.finding().epss() == null ? ""
                        : String.format(Locale.US, "%.4f", row.finding().epss())),
                column("KEV", 80, group -> "", row -> row.finding().kevWord()),
                due,
                column("KEV due", 90, group -> "", row -> row.finding().kevDueDate() == null ? "" : row.finding().kevDueDate().toString()),
                column("Status", 160, group -> "", WorklistView::statusText),
                column("Department", 140, group -> "", row -> orEmpty(row.department())));
    }

    /** Returns the CVSS score with its severity band and version, such as "8.1 High (3.1)". */
    static String cvssText(WorklistRow row) {
        Finding finding = row.finding();
        if (finding.cvssScore() == null) {
            return "";
        }
        return finding.cvssScore().toPlainString() + " " + CvssVector.severity(finding.cvssScore().doubleValue()) + " ("
                + finding.cvssVersion() + ")";
    }

    static String statusText(WorklistRow row) {
        Finding finding = row.finding();
        return finding.statusValue().word() + (finding.reviewValue() == ReviewFlag.VERSION ? ", version needs review" : "");
    }

    private static TreeTableColumn<Item, String> column(String title, double width, Function<WorklistGroup, String> ofGroup,
                                                        Function<WorklistRow, String> ofRow) {
        TreeTableColumn<Item, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> {
            Item item = cell.getValue().getValue();
            String text = item instanceof GroupItem group ? ofGroup.apply(group.group())
                    : item instanceof FindingItem finding ? ofRow.apply(finding.row()) : "";
            return new ReadOnlyStringWrapper(text == null ? "" : text);
        });
        return column;
    }

    private static String format2(double value) {
        return String.format(Locale.US, "%.2f", value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private void filtersChanged() {
        if (settingFilters) {
            return;
        }
        model.pageProperty().set(0);
        reload();
    }

    /** Loads the worklist again with the current filters. */
    public void reload() {
        model.reload(this::showLoaded, error -> dialogs.showFailure("Worklist not loaded", "Loading the findings failed.", error));
    }

    /**
     * Shows the open findings with only the KEV, overdue and department filters given, as another
     * screen requests them, and loads them.
     *
     * @param department a department, or null for every department
     */
    public void showFiltered(boolean kevOnly, boolean overdueOnly, String department) {
        settingFilters = true;
        try {
            model.resetFilters(kevOnly, overdueOnly, department);
            decisionBoxes.forEach(box -> box.setSelected(model.decisions().contains((Decision) box.getUserData())));
        } finally {
            settingFilters = false;
        }
        refresh();
    }

    /** Loads the filter choices and the first page. */
    public void refresh() {
        model.loadDepartments();
        reload();
    }

    /** Shows the position of the page and, once the findings are counted, the total and the page count. */
    private void showCount() {
        if (model.groupingProperty().get() != null) {
            return;
        }
        int total = model.totalProperty().get();
        int first = model.pageProperty().get() * WorklistViewModel.PAGE_SIZE;
        if (model.rows().isEmpty()) {
            status.setText(total == WorklistViewModel.UNKNOWN || total == 0 ? "No findings" : "No findings on this page");
        } else if (total == WorklistViewModel.UNKNOWN) {
            status.setText(String.format(Locale.US, "Findings %,d to %,d, counting the rest", first + 1, first + model.rows().size()));
        } else {
            status.setText(String.format(Locale.US, "Findings %,d to %,d of %,d", first + 1, first + model.rows().size(), total));
        }
        if (total != WorklistViewModel.UNKNOWN) {
            pagination.setPageCount(model.pageCount());
            pagination.setCurrentPageIndex(model.pageProperty().get());
        }
    }

    private void showLoaded() {
        root.getChildren().clear();
        // A group's label, such as a device or a product name, needs more room than a decision word.
        table.getColumns().get(0).setPrefWidth(model.groupingProperty().get() == null ? DECISION_WIDTH : GROUP_LABEL_WIDTH);
        if (model.groupingProperty().get() == null) {
            for (WorklistRow row : model.rows()) {
                root.getChildren().add(new TreeItem<>(new FindingItem(row)));
            }
            pagination.setVisible(true);
            showCount();
        } else {
            for (WorklistGroup group : model.groups()) {
                root.getChildren().add(groupItem(group));
            }
            status.setText(String.format(Locale.US, "%,d findings in %,d groups", model.totalProperty().get(), model.groups().size()));
            pagination.setVisible(false);
        }
    }

    private TreeItem<Item> groupItem(WorklistGroup group) {
        TreeItem<Item> item = new TreeItem<>(new GroupItem(group));
        // A placeholder child makes the group expandable; its findings load when it is first opened.
        item.getChildren().add(new TreeItem<>());
        item.expandedProperty().addListener((observable, old, expanded) -> {
            if (expanded && item.getChildren().size() == 1 && item.getChildren().get(0).getValue() == null) {
                model.loadGroup(group, page -> {
                    item.getChildren().setAll(page.rows().stream().map(row -> new TreeItem<Item>(new FindingItem(row))).toList());
                }, error -> dialogs.showFailure("Group not loaded", "Loading the findings of " + group.label() + " failed.", error));
            }
        });
        return item;
    }

    /** Puts a changed finding in place of its row, so the list keeps its order until the next reload. */
    private void replace(WorklistRow updated) {
        replaceIn(root, updated);
    }

    private static void replaceIn(TreeItem<Item> parent, WorklistRow updated) {
        for (TreeItem<Item> child : parent.getChildren()) {
            if (child.getValue() instanceof FindingItem finding && finding.row().finding().id() == updated.finding().id()) {
                child.setValue(new FindingItem(updated));
            }
            replaceIn(child, updated);
        }
    }

    private void exportCsv() {
        WorklistQuery query;
        try {
            query = model.query();
        } catch (IllegalArgumentException e) {
            dialogs.showError("Export not started", e.getMessage());
            return;
        }
        String name = "findings-" + LocalDate.now(clock) + ".csv";
        dialogs.chooseFileToSave("Export findings", name, "csv").ifPresent(target -> ProgressDialog.show(getScene().getWindow(),
                model.tasks().submit("Exporting findings", monitor -> write(query, target), count ->
                                dialogs.showInformation("Findings exported", String.format(Locale.US, "Exported %,d %s to %s.", count,
                                        count == 1 ? "finding" : "findings", target)),
                        error -> dialogs.showFailure("Export failed", "Exporting to " + target + " failed.", error))));
    }

    private int write(WorklistQuery query, Path target) throws IOException {
        int[] count = {0};
        AtomicFiles.write(target, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            count[0] = model.findings().writeCsv(query, out);
            out.flush();
        });
        return count[0];
    }

    public TreeTableView<Item> table() {
        return table;
    }

    public FindingDetailPane detail() {
        return detail;
    }
}
