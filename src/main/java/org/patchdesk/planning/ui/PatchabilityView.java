package org.patchdesk.planning.ui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.planning.Mds2Dao;
import org.patchdesk.planning.Mds2Service;
import org.patchdesk.planning.OsSupport;
import org.patchdesk.planning.OsSupportService;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.planning.ProductFactService;
import org.patchdesk.planning.ProductSupportService;
import org.patchdesk.planning.mds2.Mds2Suggestion;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.ProgressDialog;
import org.patchdesk.ui.TableColumns;

/**
 * The patchability of every in-service device with its reason and source, filtered by value or
 * text, with the commands to import an MDS2 form for a product, review stored forms and decide
 * their suggestions, set patchability for a device or its product, and edit operating-system and
 * product end-of-support dates. Below the table are the selected device's product details.
 */
public final class PatchabilityView extends BorderPane {

    /** The filter choice that keeps every device. */
    private static final String ALL = "All devices";
    /** The filter choice that keeps the devices the owner cannot patch: every value but owner-installable. */
    private static final String NOT_OWNER = "Not patchable by the owner";
    /** The filter choice that keeps the devices whose operating system or product support ends within 12 months. */
    private static final String ENDING = "Support ends within 12 months";

    private final PatchabilityService patchability;
    private final Mds2Service mds2;
    private final OsSupportService osSupport;
    private final ProductSupportService productSupport;
    private final ProductFactService productFacts;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final ObservableList<PatchabilityService.DevicePatchability> rows = FXCollections.observableArrayList();
    private final FilteredList<PatchabilityService.DevicePatchability> shown = new FilteredList<>(rows);
    private final TableView<PatchabilityService.DevicePatchability> table = new TableView<>(shown);
    private final ComboBox<String> filter = new ComboBox<>();
    private final TextField search = new TextField();
    private final Label summary = new Label();
    private final TextArea details = new TextArea();
    /** The open list of MDS2 forms, read again after a decision so that its counts stay right; null when closed. */
    private Mds2FormListView formListShown;

    public PatchabilityView(PatchabilityService patchability, Mds2Service mds2, OsSupportService osSupport,
                            ProductSupportService productSupport, ProductFactService productFacts, BackgroundTasks tasks,
                            DialogService dialogs, Actor actor) {
        this.patchability = patchability;
        this.mds2 = mds2;
        this.osSupport = osSupport;
        this.productSupport = productSupport;
        this.productFacts = productFacts;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        setId("patchabilityView");

        filter.setId("patchabilityFilter");
        filter.getItems().add(ALL);
        filter.getItems().add(NOT_OWNER);
        filter.getItems().add(ENDING);
        for (Patchability value : Patchability.values()) {
            filter.getItems().add(capitalize(value.label()));
        }
        filter.setValue(ALL);
        filter.valueProperty().addListener((observable, old, value) -> applyFilter());
        search.setId("patchabilitySearch");
        search.setPromptText("Asset tag, manufacturer, model or OS");
        search.textProperty().addListener((observable, old, value) -> applyFilter());
        Button importForm = new Button("Import MDS2 form…");
        importForm.setId("importMds2Button");
        importForm.setOnAction(event -> importForm());
        Button set = new Button("Set patchability…");
        set.setId("setPatchabilityButton");
        set.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        set.setOnAction(event -> setPatchability(table.getSelectionModel().getSelectedItem()));
        Button forms = new Button("MDS2 forms…");
        forms.setId("mds2FormsButton");
        forms.setOnAction(event -> showForms());
        Button systems = new Button("Operating-system support…");
        systems.setId("osSupportButton");
        systems.setOnAction(event -> showOsSupport());
        Button products = new Button("Product end of support…");
        products.setId("productSupportButton");
        products.setOnAction(event -> showProductSupport());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(event -> refresh());
        FlowPane bar = new FlowPane(8, 6, new Label("Show:"), filter, search, importForm, forms, set, systems, products, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        summary.setId("patchabilitySummary");
        summary.setWrapText(true);
        VBox top = new VBox(6, bar, summary);
        top.setPadding(new Insets(8));
        setTop(top);

        table.setId("patchabilityTable");
        table.setPlaceholder(new Label("No device matches. Import an inventory, then record patchability from MDS2 forms or vendor"
                + " letters."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.<TableColumn<PatchabilityService.DevicePatchability, String>>of(
                TableColumns.text("Asset Tag", 95, PatchabilityService.DevicePatchability::assetTag),
                TableColumns.text("Manufacturer", 140, row -> orEmpty(row.manufacturer())),
                TableColumns.text("Model", 170, row -> orEmpty(row.model())),
                TableColumns.text("Software Version", 120, row -> orEmpty(row.softwareVersion())),
                TableColumns.text("Operating System", 150, row -> orEmpty(row.osName())),
                TableColumns.text("Patchability", 230, row -> row.resolved().patchability().label()),
                TableColumns.text("Source", 120, row -> row.resolved().source().label()),
                TableColumns.text("Reason", 520, row -> row.resolved().reason()),
                TableColumns.text("Support Ends Within 12 Months", 260, row -> orEmpty(row.supportEnding()))));
        setCenter(table);

        details.setId("productDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        details.setPromptText("Select a device to see its product's end of support and security facts.");
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> showDetails(row));
        VBox bottom = new VBox(4, new Label("Product details"), details);
        bottom.setPadding(new Insets(8));
        setBottom(bottom);
    }

    /** Shows the product of the selected device: its end of support, its security facts and its number of MDS2 forms. */
    private void showDetails(PatchabilityService.DevicePatchability row) {
        if (row == null) {
            details.clear();
            return;
        }
        if (row.productId() == null) {
            details.setText(row.assetTag() + " has no model recorded, so no product details apply.");
            return;
        }
        long productId = row.productId();
        tasks.submit("Reading the product details", monitor -> {
            StringBuilder text = new StringBuilder((orEmpty(row.manufacturer()) + " " + orEmpty(row.model())).strip());
            text.append("\nEnd of support: ").append(productSupport.find(productId).map(entry -> entry.endOfSupport()
                    + (entry.endOfSale() == null ? "" : ", end of sale " + entry.endOfSale()) + " (" + entry.source() + ")")
                    .orElse("not recorded"));
            productFacts.securityOf(productId).describe().forEach(line -> text.append('\n').append(line));
            int forms = mds2.formsOf(productId).size();
            text.append("\nMDS2 forms: ").append(forms == 0 ? "none" : forms);
            return text.toString();
        }, text -> {
            if (row.equals(table.getSelectionModel().getSelectedItem())) {
                details.setText(text);
            }
        }, error -> dialogs.showFailure("Product details not shown", "Reading the product details failed.", error));
    }

    /** Reads every device's patchability again. */
    public void refresh() {
        tasks.submit("Reading patchability", monitor -> patchability.resolveAll(), result -> {
            rows.setAll(result);
            applyFilter();
        }, error -> dialogs.showFailure("Patchability not shown", "Reading the devices' patchability failed.", error));
    }

    private void applyFilter() {
        String choice = filter.getValue();
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(row -> matchesChoice(row, choice) && (text.isEmpty()
                || contains(row.assetTag(), text) || contains(row.manufacturer(), text) || contains(row.model(), text)
                || contains(row.osName(), text)));
        Map<Patchability, Long> counts = new EnumMap<>(Patchability.class);
        rows.forEach(row -> counts.merge(row.resolved().patchability(), 1L, Long::sum));
        summary.setText(String.format(Locale.US, "%,d of %,d devices shown. ", shown.size(), rows.size()) + counts.entrySet().stream()
                .map(entry -> String.format(Locale.US, "%s: %,d", capitalize(entry.getKey().label()), entry.getValue()))
                .collect(Collectors.joining(", ")) + ".");
    }

    private static boolean matchesChoice(PatchabilityService.DevicePatchability row, String choice) {
        Patchability value = row.resolved().patchability();
        if (choice == null || ALL.equals(choice)) {
            return true;
        }
        if (ENDING.equals(choice)) {
            return row.supportEnding() != null;
        }
        if (NOT_OWNER.equals(choice)) {
            return value != Patchability.OWNER_AFTER_VALIDATION;
        }
        return capitalize(value.label()).equals(choice);
    }

    private void importForm() {
        Optional<Path> file = dialogs.chooseFileToOpen("Import an MDS2 form", List.of("xlsx"));
        if (file.isEmpty()) {
            return;
        }
        tasks.submit("Reading products", monitor -> patchability.products(), products -> {
            if (products.isEmpty()) {
                dialogs.showError("No products", "Import the inventory first: an MDS2 form is stored for a product of the inventory.");
                return;
            }
            Dialog<ButtonType> dialog = new Dialog<>();
            dialog.initOwner(getScene().getWindow());
            dialog.setTitle("Import an MDS2 form");
            dialog.getDialogPane().setId("mds2ProductDialog");
            ComboBox<PatchabilityService.ProductRef> product = new ComboBox<>(FXCollections.observableArrayList(products));
            product.setId("mds2Product");
            product.setConverter(labels(value -> value.label() + " (" + value.devices()
                    + (value.devices() == 1 ? " device)" : " devices)")));
            TextField versions = new TextField();
            versions.setId("mds2Versions");
            versions.setPromptText("empty for every version");
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(6);
            grid.addRow(0, new Label("File"), new Label(file.get().getFileName().toString()));
            grid.addRow(1, new Label("Product"), product);
            grid.addRow(2, new Label("Software versions"), versions);
            dialog.getDialogPane().setContent(grid);
            ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
            dialog.getDialogPane().getButtonTypes().setAll(importButton, ButtonType.CANCEL);
            dialog.getDialogPane().lookupButton(importButton).disableProperty().bind(product.valueProperty().isNull());
            if (dialog.showAndWait().filter(importButton::equals).isEmpty()) {
                return;
            }
            PatchabilityService.ProductRef chosen = product.getValue();
            String versionText = versions.getText();
            ProgressDialog.show(getScene().getWindow(), tasks.submit("Importing the MDS2 form",
                    monitor -> mds2.importForm(file.get(), chosen.manufacturer(), chosen.model(), versionText, actor),
                    this::showSuggestions, error -> showProblem("MDS2 form not imported", error)));
        }, error -> dialogs.showFailure("Products not read", "Reading the products failed.", error));
    }

    /** Shows what an imported form suggests and lets the user accept or reject its patchability suggestion. */
    private void showSuggestions(Mds2Service.ImportResult result) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("MDS2 form imported");
        dialog.getDialogPane().setId("mds2ResultDialog");
        TextArea text = new TextArea(result.describe());
        text.setId("mds2ResultText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(760, 280);

        Optional<Mds2Dao.SuggestionRow> suggestion = mds2.suggestionsOf(result.formId()).stream()
                .filter(row -> row.topic().equals(Mds2Suggestion.Topic.PATCHABILITY.name())).findFirst();
        ButtonType accept = new ButtonType("Accept the patchability", ButtonBar.ButtonData.YES);
        ButtonType reject = new ButtonType("Reject the patchability", ButtonBar.ButtonData.NO);
        ButtonType review = new ButtonType("Review every suggestion…", ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().setContent(text);
        if (suggestion.isPresent()) {
            dialog.getDialogPane().getButtonTypes().setAll(accept, reject, review, ButtonType.CLOSE);
        } else {
            dialog.getDialogPane().getButtonTypes().setAll(review, ButtonType.CLOSE);
        }

        Optional<ButtonType> choice = dialog.showAndWait();
        if (choice.isPresent() && choice.get() == review) {
            refresh();
            openForm(result.formId());
        } else if (suggestion.isPresent() && choice.isPresent() && (choice.get() == accept || choice.get() == reject)) {
            boolean accepted = choice.get() == accept;
            long id = suggestion.get().id();
            tasks.submit("Saving the decision", monitor -> {
                mds2.decidePatchability(id, accepted, actor);
                return accepted;
            }, done -> refresh(), error -> showProblem("Decision not saved", error));
        } else {
            refresh();
        }
    }

    private void setPatchability(PatchabilityService.DevicePatchability row) {
        if (row == null) {
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Set patchability");
        dialog.getDialogPane().setId("setPatchabilityDialog");
        ComboBox<Patchability> value = new ComboBox<>(FXCollections.observableArrayList(Patchability.values()));
        value.setId("patchabilityValue");
        value.setConverter(labels(Patchability::label));
        value.setValue(row.resolved().patchability());

        ToggleGroup scope = new ToggleGroup();
        RadioButton device = new RadioButton("This device (" + row.assetTag() + ")");
        device.setId("scopeDevice");
        device.setToggleGroup(scope);
        RadioButton product = new RadioButton("Every device of " + (orEmpty(row.manufacturer()) + " " + orEmpty(row.model())).strip());
        product.setId("scopeProduct");
        product.setToggleGroup(scope);
        product.setDisable(row.productId() == null);
        device.setSelected(true);

        ComboBox<PatchabilityService.Source> source = new ComboBox<>(FXCollections.observableArrayList(
                PatchabilityService.Source.VENDOR_LETTER, PatchabilityService.Source.USER));
        source.setValue(PatchabilityService.Source.VENDOR_LETTER);
        source.setConverter(labels(PatchabilityService.Source::label));
        TextArea reason = new TextArea();
        reason.setId("patchabilityReason");
        reason.setPromptText("Why, for example the vendor's statement and its date");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);

        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Patchability"), value);
        grid.addRow(1, new Label("For"), new VBox(4, device, product));
        grid.addRow(2, new Label("Source"), source);
        grid.addRow(3, new Label("Reason"), reason);
        grid.add(problem, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);

        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (reason.getText() == null || reason.getText().isBlank()) {
                problem.setText("A reason is required, such as the vendor's statement.");
                event.consume();
            }
        });
        if (dialog.showAndWait().filter(save::equals).isEmpty()) {
            return;
        }

        Patchability chosen = value.getValue();
        String because = reason.getText();
        PatchabilityService.Source from = source.getValue();
        boolean forProduct = product.isSelected();
        tasks.submit("Saving patchability", monitor -> {
            if (forProduct) {
                patchability.setForProduct(row.productId(), null, chosen, because, from, null, actor);
            } else {
                patchability.setForDevice(row.deviceId(), chosen, because, from, actor);
            }
            return chosen;
        }, done -> refresh(), error -> showProblem("Patchability not saved", error));
    }

    /** Lists the end-of-support dates and adds or changes one. Closing the dialog resolves every device again. */
    private void showOsSupport() {
        TableView<OsSupport> entries = new TableView<>();
        entries.setId("osSupportTable");
        entries.getColumns().setAll(List.of(
                TableColumns.<OsSupport>text("Operating system", 250, OsSupport::osName),
                TableColumns.<OsSupport>text("End of support", 110, entry -> entry.endOfSupport().toString()),
                TableColumns.<OsSupport>text("Paid support until", 130, entry -> entry.paidSupportUntil() == null ? ""
                        : entry.paidSupportUntil().toString()),
                TableColumns.<OsSupport>text("Source", 330, OsSupport::source)));
        entries.setPrefSize(840, 300);

        TextField name = new TextField();
        name.setId("osName");
        name.setPromptText("Windows 10 Enterprise LTSC 2019");
        DatePicker end = new DatePicker();
        end.setId("osEnd");
        DatePicker paid = new DatePicker();
        paid.setId("osPaid");
        TextField source = new TextField();
        source.setId("osSource");
        source.setPromptText("the vendor's lifecycle page and the date you read it");
        entries.getSelectionModel().selectedItemProperty().addListener((observable, old, entry) -> {
            if (entry != null) {
                name.setText(entry.osName());
                end.setValue(entry.endOfSupport());
                paid.setValue(entry.paidSupportUntil());
                source.setText(entry.source());
            }
        });
        Button save = new Button("Save the dates");
        save.setId("saveOsSupportButton");
        Label problem = new Label();
        problem.setId("osSupportProblem");
        problem.getStyleClass().add("field-error");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, new Label("Operating system"), name);
        form.addRow(1, new Label("End of support"), end);
        form.addRow(2, new Label("Paid support until"), paid);
        form.addRow(3, new Label("Source"), source);
        form.addRow(4, save, problem);

        Runnable load = () -> tasks.submit("Reading end-of-support dates", monitor -> osSupport.list(), entries.getItems()::setAll,
                error -> dialogs.showFailure("Dates not shown", "Reading the end-of-support dates failed.", error));
        save.setOnAction(event -> {
            String osName = name.getText();
            java.time.LocalDate endDate = end.getValue();
            java.time.LocalDate paidDate = paid.getValue();
            String from = source.getText();
            tasks.submit("Saving end-of-support dates", monitor -> osSupport.save(osName, endDate, paidDate, from, actor), saved -> {
                problem.setText("");
                load.run();
            }, error -> problem.setText(error instanceof IllegalArgumentException ? error.getMessage() + "." : "Saving failed: "
                    + error.getMessage()));
        });

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Operating-system end of support");
        dialog.getDialogPane().setId("osSupportDialog");
        dialog.getDialogPane().setContent(new VBox(10, entries, form));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setOnHidden(event -> refresh());
        load.run();
        dialog.show();
    }

    /** Lists the stored MDS2 forms; Open shows one grouped by section, with its suggestions. */
    private void showForms() {
        Mds2FormListView list = new Mds2FormListView(mds2, tasks, dialogs, form -> openForm(form.id()));
        list.setPrefSize(1100, 360);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("MDS2 forms");
        dialog.getDialogPane().setId("mds2FormsDialog");
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        list.refresh();
        dialog.show();
        formListShown = list;
        dialog.setOnHidden(event -> formListShown = null);
    }

    private void openForm(long formId) {
        Mds2FormView view = new Mds2FormView(mds2, tasks, dialogs, actor, formId);
        view.setPrefSize(1150, 760);
        view.setOnDecided(() -> {
            refresh();
            if (formListShown != null) {
                formListShown.refresh();
            }
        });
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("MDS2 form");
        dialog.getDialogPane().setId("mds2FormDialog");
        dialog.getDialogPane().setContent(view);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        view.load();
        dialog.show();
    }

    /** Lists the product end-of-support dates and adds, changes or removes one. Closing the dialog resolves every device again. */
    private void showProductSupport() {
        ProductSupportPane pane = new ProductSupportPane(productSupport, patchability, tasks, dialogs, actor);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Product end of support");
        dialog.getDialogPane().setId("productSupportDialog");
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setOnHidden(event -> refresh());
        pane.load();
        dialog.show();
    }

    private void showProblem(String title, Throwable error) {
        if (error instanceof IllegalArgumentException || error instanceof org.patchdesk.planning.mds2.Mds2FormatException) {
            dialogs.showError(title, error.getMessage());
        } else {
            dialogs.showFailure(title, title + ".", error);
        }
    }

    /** Shows choices by a label. The combo boxes that use it are not editable, so no text is read back. */
    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    public TableView<PatchabilityService.DevicePatchability> table() {
        return table;
    }
}
