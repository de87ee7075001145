package org.patchdesk.planning.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.patchdesk.common.Actor;
import org.patchdesk.planning.Mds2Dao;
import org.patchdesk.planning.Mds2Service;
import org.patchdesk.planning.mds2.Mds2Answer;
import org.patchdesk.planning.mds2.Mds2Section;
import org.patchdesk.planning.mds2.Mds2Suggestion;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * A stored MDS2 form grouped by section, with a search box, and beside it the form's suggestions
 * with their decisions and the commands to accept or reject the ones still proposed.
 */
public final class Mds2FormView extends BorderPane {

    /** One line of the form: a section heading, or a question with its answer and note. */
    public record Line(String id, String question, String answer, String note, boolean section) {
    }

    private final Mds2Service mds2;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final long formId;
    private final Label title = new Label();
    private final TextField search = new TextField();
    private final Label count = new Label();
    private final TreeTableView<Line> tree = new TreeTableView<>(new TreeItem<>());
    private final TableView<Mds2Dao.SuggestionRow> suggestions = new TableView<>();
    private final Label message = new Label();
    private List<Mds2Section> sections = List.of();
    private Runnable onDecided = () -> { };

    public Mds2FormView(Mds2Service mds2, BackgroundTasks tasks, DialogService dialogs, Actor actor, long formId) {
        this.mds2 = mds2;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        this.formId = formId;
        setId("mds2FormView");

        title.setId("mds2FormTitle");
        title.setWrapText(true);
        search.setId("mds2FormSearch");
        search.setPromptText("Question ID, question, answer or note");
        search.setPrefColumnCount(30);
        search.textProperty().addListener((observable, old, text) -> showSections());
        count.setId("mds2FormCount");
        HBox searchBar = new HBox(8, new Label("Search:"), search, count);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, title, searchBar);
        top.setPadding(new Insets(8));
        setTop(top);

        tree.setId("mds2FormTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        tree.setPlaceholder(new Label("No question matches the search."));
        tree.getColumns().setAll(List.of(column("Question ID", 110, Line::id), column("Question", 520, Line::question),
                column("Answer", 160, Line::answer), column("Note", 420, Line::note)));

        setCenter(new SplitPane(tree, suggestionPane()));
        ((SplitPane) getCenter()).setOrientation(Orientation.VERTICAL);
        ((SplitPane) getCenter()).setDividerPositions(0.62);
    }

    private VBox suggestionPane() {
        suggestions.setId("mds2SuggestionTable");
        suggestions.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        suggestions.setPlaceholder(new Label("The answers suggest nothing to apply."));
        suggestions.getColumns().setAll(List.<TableColumn<Mds2Dao.SuggestionRow, String>>of(
                TableColumns.text("Suggestion", 210, row -> Mds2Suggestion.Topic.valueOf(row.topic()).label()),
                TableColumns.text("Value", 200, Mds2Dao.SuggestionRow::suggested),
                TableColumns.text("Question IDs", 150, Mds2Dao.SuggestionRow::questionIds),
                TableColumns.text("Reason", 380, Mds2Dao.SuggestionRow::reason),
                TableColumns.text("Decision", 240, Mds2FormView::decision)));
        Button accept = new Button("Accept");
        accept.setId("acceptSuggestionButton");
        Button reject = new Button("Reject");
        reject.setId("rejectSuggestionButton");
        var proposed = suggestions.getSelectionModel().selectedItemProperty();
        accept.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> proposed.get() == null || !"proposed".equals(proposed.get().decision()), proposed));
        reject.disableProperty().bind(accept.disableProperty());
        accept.setOnAction(event -> decide(suggestions.getSelectionModel().getSelectedItem(), true));
        reject.setOnAction(event -> decide(suggestions.getSelectionModel().getSelectedItem(), false));
        message.setId("mds2DecisionMessage");
        message.setWrapText(true);
        HBox buttons = new HBox(8, accept, reject, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(6, new Label("Suggestions: each applies only once accepted."), suggestions, buttons);
        VBox.setVgrow(suggestions, Priority.ALWAYS);
        pane.setPadding(new Insets(8));
        return pane;
    }

    /** Calls {@code action} on the FX thread after each saved decision. */
    public void setOnDecided(Runnable action) {
        this.onDecided = action;
    }

    /** Reads the form, its answers and its suggestions. */
    public void load() {
        tasks.submit("Reading the MDS2 form", monitor -> new Loaded(mds2.form(formId).orElseThrow(() -> new IllegalArgumentException(
                "No MDS2 form has the id " + formId)), mds2.sectionsOf(formId), mds2.suggestionsOf(formId)), loaded -> {
                    title.setText(describe(loaded.form()));
                    sections = loaded.sections();
                    suggestions.getItems().setAll(loaded.suggestions());
                    showSections();
                }, error -> dialogs.showFailure("MDS2 form not shown", "Reading the MDS2 form failed.", error));
    }

    private record Loaded(Mds2Dao.FormSummary form, List<Mds2Section> sections, List<Mds2Dao.SuggestionRow> suggestions) {
    }

    private void decide(Mds2Dao.SuggestionRow row, boolean accept) {
        if (row == null) {
            return;
        }
        tasks.submit("Saving the decision", monitor -> mds2.decide(row.id(), accept, actor), decision -> {
            message.setText(decision.message());
            tasks.submit("Reading the suggestions", monitor -> mds2.suggestionsOf(formId), suggestions.getItems()::setAll,
                    error -> dialogs.showFailure("Suggestions not shown", "Reading the suggestions failed.", error));
            onDecided.run();
        }, error -> {
            if (error instanceof IllegalArgumentException) {
                dialogs.showError("Decision not saved", error.getMessage());
            } else {
                dialogs.showFailure("Decision not saved", "Saving the decision failed.", error);
            }
        });
    }

    /** Shows the sections with the questions that match the search; a section whose title matches shows every question. */
    private void showSections() {
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        TreeItem<Line> root = tree.getRoot();
        root.getChildren().clear();
        int questions = 0;
        int shown = 0;
        for (Mds2Section section : sections) {
            boolean wholeSection = text.isEmpty() || contains(section.title(), text);
            TreeItem<Line> heading = new TreeItem<>(new Line(section.code(), section.title(), "", "", true));
            for (Mds2Answer answer : section.answers()) {
                questions++;
                Line line = new Line(answer.id(), answer.question(), answer.answer(), note(answer), false);
                if (wholeSection || contains(line.id(), text) || contains(line.question(), text) || contains(line.answer(), text)
                        || contains(line.note(), text)) {
                    heading.getChildren().add(new TreeItem<>(line));
                    shown++;
                }
            }
            if (!heading.getChildren().isEmpty()) {
                heading.setExpanded(true);
                root.getChildren().add(heading);
            }
        }
        count.setText(String.format(Locale.US, "%,d of %,d questions shown", shown, questions));
    }

    private static String note(Mds2Answer answer) {
        if (answer.noteRef() == null) {
            return "";
        }
        return "Note " + answer.noteRef() + (answer.note() == null ? " (not found in the form)" : ": " + answer.note());
    }

    private static String describe(Mds2Dao.FormSummary form) {
        return form.product() + ": MDS2 form " + (form.documentId() == null ? "" : form.documentId() + " ") + "from " + form.fileName()
                + (form.versionText() == null ? ", every software version" : ", software versions " + form.versionText())
                + "; imported by " + form.importedBy() + " on " + form.importedAt().toLocalDate() + ".";
    }

    private static String decision(Mds2Dao.SuggestionRow row) {
        if ("proposed".equals(row.decision())) {
            return "waiting for a decision";
        }
        return row.decision() + " by " + row.decidedBy() + (row.decidedAt() == null ? "" : " on " + row.decidedAt().toLocalDate());
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }

    private static TreeTableColumn<Line, String> column(String title, double width, Function<Line, String> text) {
        TreeTableColumn<Line, String> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().getValue() == null ? ""
                : text.apply(data.getValue().getValue())));
        return column;
    }

    public TreeTableView<Line> tree() {
        return tree;
    }
}
