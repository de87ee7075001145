package org.patchdesk.controls.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.controls.ControlFilter;
import org.patchdesk.controls.ControlService;
import org.patchdesk.controls.ControlType;
import org.patchdesk.controls.DeviceRef;
import org.patchdesk.controls.FindingRef;
import org.patchdesk.controls.VerificationState;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The Controls screen: the compensating controls in place with their coverage and verification
 * state (overdue rows highlighted), and the catalog of control types with their NIST SP 800-53
 * and CSF 2.0 mappings and their effect on scoring.
 */
public final class ControlsView extends BorderPane {

    private final ControlService controls;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final ControlDialogs forms;

    private final TableView<CompensatingControl> controlsTable = new TableView<>();
    private final TableView<ControlType> catalogTable = new TableView<>();
    private final ComboBox<ControlType> typeFilter = new ComboBox<>();
    private final CheckBox overdueOnly = new CheckBox("Overdue only");
    private final TextArea detail = new TextArea();
    private final Label count = new Label();
    /** The day the shown states were worked out for. */
    private LocalDate today;

    /** The records one refresh reads. */
    private record Snapshot(List<ControlType> catalog, List<CompensatingControl> controls, LocalDate today) {
    }

    public ControlsView(ControlService controls, BackgroundTasks tasks, DialogService dialogs, Actor actor) {
        this.controls = controls;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.forms = new ControlDialogs(controls, tasks, dialogs, actor, this);
        this.today = controls.today();
        setId("controlsView");

        Label title = new Label("Compensating controls");
        title.getStyleClass().add("section-title");
        TabPane tabs = new TabPane(tab("Controls", "controlsTab", controlsPane()), tab("Catalog", "catalogTab", catalogPane()));
        tabs.setId("controlTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox center = new VBox(8, title, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        setCenter(center);
    }

    private static Tab tab(String text, String id, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    private Node controlsPane() {
        typeFilter.setId("controlTypeFilter");
        typeFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(ControlType type) {
                return type == null ? "All types" : type.name();
            }

            @Override
            public ControlType fromString(String text) {
                return null;
            }
        });
        typeFilter.setOnAction(event -> refresh());
        overdueOnly.setId("overdueOnly");
        overdueOnly.setOnAction(event -> refresh());

        Button add = new Button("Add control…");
        add.setId("addControlButton");
        add.setOnAction(event -> forms.create().ifPresent(created -> refresh(created.id())));
        Button edit = selectionButton("Edit…", "editControlButton", control -> forms.edit(control).ifPresent(saved -> refresh(saved.id())));
        Button coverage = selectionButton("Coverage…", "coverageButton", control -> {
            forms.coverage(control);
            refresh(control.id());
        });
        Button verify = selectionButton("Record verification…", "verifyButton",
                control -> forms.verify(control).ifPresent(saved -> refresh(saved.id())));
        Button documents = selectionButton("Evidence documents…", "documentsButton", control -> {
            forms.documents(control);
            refresh(control.id());
        });
        Button delete = selectionButton("Delete…", "deleteControlButton", this::delete);

        controlsTable.setId("controlsTable");
        controlsTable.setPlaceholder(new Label("No compensating control yet. Add one for a measure that protects devices until they"
                + " can be patched, such as a VLAN or a firewall rule."));
        controlsTable.getColumns().setAll(List.of(
                TableColumns.text("Title", 220, CompensatingControl::title),
                TableColumns.text("Type", 190, control -> control.type().name()),
                TableColumns.text("Owner", 120, CompensatingControl::owner),
                TableColumns.text("Verification", 230, control -> control.stateText(today)),
                TableColumns.text("Devices", 160, control -> String.join(", ", control.devices().stream().map(DeviceRef::assetTag).toList())),
                TableColumns.text("Findings", 200, control -> String.join(", ", control.findings().stream().map(FindingRef::label).toList())),
                TableColumns.text("Evidence", 160, control -> control.evidenceRuleIds() == null ? "" : control.evidenceRuleIds())));
        controlsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CompensatingControl item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("overdue-row");
                if (!empty && item != null && item.state(today) == VerificationState.OVERDUE) {
                    getStyleClass().add("overdue-row");
                }
            }
        });
        controlsTable.getSelectionModel().selectedItemProperty().addListener((observable, old, control) -> showDetail(control));

        detail.setId("controlDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPromptText("Select a control to see its description, coverage, evidence and mappings.");
        count.setId("controlCount");

        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, new Label("Show:"), typeFilter, overdueOnly, add, edit,
                coverage, verify, documents, delete, count);
        // The bar wraps onto a second line in a narrow window instead of cutting the button texts.
        bar.getChildren().forEach(node -> {
            if (node instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(controlsTable, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox pane = new VBox(8, bar, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        pane.setPadding(new Insets(8, 0, 0, 0));
        return pane;
    }

    private Button selectionButton(String text, String id, Consumer<CompensatingControl> action) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(controlsTable.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(event -> action.accept(controlsTable.getSelectionModel().getSelectedItem()));
        return button;
    }

    private Node catalogPane() {
        catalogTable.setId("catalogTable");
        catalogTable.getColumns().setAll(List.of(
                TableColumns.text("Type", 230, ControlType::name),
                TableColumns.text("NIST SP 800-53", 110, type -> orNone(String.join(", ", type.nist80053()))),
                TableColumns.text("CSF 2.0", 90, type -> orNone(String.join(", ", type.csfSubcategories()))),
                TableColumns.text("Effect on scoring", 300, ControlType::scoringEffect),
                TableColumns.text("Description", 480, ControlType::description)));
        Label note = new Label("A control counts for scoring from the day it is verified up to and including its next verification"
                + " date. Every control also documents a risk response (NIST SP 800-53 RA-7, CSF 2.0 ID.RA-06). \"none\" means"
                + " PatchDesk ships no mapping for the type.");
        note.setWrapText(true);
        VBox pane = new VBox(8, catalogTable, note);
        VBox.setVgrow(catalogTable, Priority.ALWAYS);
        pane.setPadding(new Insets(8, 0, 0, 0));
        return pane;
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "none" : text;
    }

    /**
     * Applies verifications that became overdue since the scores were last computed, then reads the
     * catalog and the controls the filter selects.
     */
    public void refresh() {
        CompensatingControl selected = controlsTable.getSelectionModel().getSelectedItem();
        refresh(selected == null ? null : selected.id());
    }

    private void refresh(Long selectId) {
        ControlFilter filter = ControlFilter.all().withType(typeFilter.getValue() == null ? null : typeFilter.getValue().code())
                .withOverdueOnly(overdueOnly.isSelected());
        tasks.submit("Reading compensating controls", monitor -> {
            controls.applyOverdue(Actor.SYSTEM);
            return new Snapshot(controls.catalog(), controls.list(filter), controls.today());
        }, snapshot -> show(snapshot, selectId), error -> dialogs.showFailure("Controls not shown", "Reading the controls failed.", error));
    }

    private void show(Snapshot snapshot, Long selectId) {
        today = snapshot.today();
        catalogTable.getItems().setAll(snapshot.catalog());
        ControlType chosen = typeFilter.getValue();
        if (typeFilter.getItems().size() != snapshot.catalog().size() + 1) {
            typeFilter.setOnAction(null);
            typeFilter.setItems(FXCollections.observableArrayList(snapshot.catalog()));
            typeFilter.getItems().add(0, null);
            typeFilter.setValue(chosen);
            typeFilter.setOnAction(event -> refresh());
        }
        controlsTable.getItems().setAll(snapshot.controls());
        long overdue = snapshot.controls().stream().filter(control -> control.state(today) == VerificationState.OVERDUE).count();
        count.setText(snapshot.controls().size() + (snapshot.controls().size() == 1 ? " control" : " controls")
                + (overdue == 0 ? "" : ", " + overdue + " overdue"));
        snapshot.controls().stream().filter(control -> selectId != null && control.id() == selectId).findFirst()
                .ifPresentOrElse(control -> controlsTable.getSelectionModel().select(control), () -> showDetail(null));
        controlsTable.refresh();
    }

    private void showDetail(CompensatingControl control) {
        detail.setText(control == null ? "" : describe(control, today));
    }

    /** Returns the detail text of a control: its type and mappings, state, owner, description, coverage and evidence. */
    static String describe(CompensatingControl control, LocalDate today) {
        StringBuilder text = new StringBuilder(control.title()).append('\n');
        ControlType type = control.type();
        text.append("Type: ").append(type.name()).append(" (NIST SP 800-53: ").append(orNone(String.join(", ", type.nist80053())))
                .append("; CSF 2.0: ").append(orNone(String.join(", ", type.csfSubcategories()))).append(")\n");
        text.append("Effect on scoring: ").append(type.scoringEffect()).append('\n');
        text.append("Verification: ").append(control.stateText(today)).append('\n');
        text.append("Owner: ").append(control.owner()).append('\n');
        if (control.description() != null) {
            text.append("Description: ").append(control.description()).append('\n');
        }
        if (control.evidenceRuleIds() != null) {
            text.append("Evidence rule IDs: ").append(control.evidenceRuleIds()).append('\n');
        }
        text.append("\nCovered devices (").append(control.devices().size()).append("):\n");
        control.devices().forEach(device -> text.append("  ").append(device.label()).append('\n'));
        text.append("Covered findings (").append(control.findings().size()).append("):\n");
        control.findings().forEach(finding -> text.append("  ").append(finding.label()).append(" (").append(finding.status()).append(")\n"));
        text.append("Evidence documents (").append(control.documents().size()).append("):\n");
        control.documents().forEach(document -> text.append("  ").append(document.path()).append('\n'));
        text.append("\nCreated by ").append(control.createdBy()).append(", last changed by ").append(control.updatedBy());
        return text.toString();
    }

    private void delete(CompensatingControl control) {
        String message = "Delete the control '" + control.title() + "'? It covers " + control.devices().size()
                + (control.devices().size() == 1 ? " device" : " devices") + " and " + control.findings().size()
                + (control.findings().size() == 1 ? " finding" : " findings") + ", which are rescored without it. The audit trail keeps"
                + " its values.";
        if (!dialogs.confirm("Delete control", message, "Delete control")) {
            return;
        }
        run("Deleting control", () -> {
            controls.delete(control.id(), actor);
            return null;
        }, done -> refresh(null), "Control not deleted");
    }

    private <T> void run(String title, Callable<T> change, Consumer<T> done, String failureTitle) {
        tasks.submit(title, monitor -> change.call(), done, error -> {
            if (error instanceof IllegalArgumentException) {
                dialogs.showError(failureTitle, error.getMessage());
            } else {
                dialogs.showFailure(failureTitle, failureTitle + ".", error);
            }
        });
    }
}
