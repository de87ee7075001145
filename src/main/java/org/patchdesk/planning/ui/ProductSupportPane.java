package org.patchdesk.planning.ui;

import java.time.LocalDate;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.patchdesk.common.Actor;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.planning.ProductSupport;
import org.patchdesk.planning.ProductSupportService;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.TableColumns;

/**
 * The editable table of product end-of-support dates: the list, and a form to add, change or
 * remove the dates of one product. The service checks the values; its message shows under the form.
 */
public final class ProductSupportPane extends VBox {

    private final ProductSupportService productSupport;
    private final PatchabilityService patchability;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Actor actor;
    private final TableView<ProductSupport> entries = new TableView<>();
    private final ComboBox<PatchabilityService.ProductRef> product = new ComboBox<>();
    private final DatePicker end = new DatePicker();
    private final DatePicker sale = new DatePicker();
    private final TextField source = new TextField();
    private final Label problem = new Label();

    public ProductSupportPane(ProductSupportService productSupport, PatchabilityService patchability, BackgroundTasks tasks,
                              DialogService dialogs, Actor actor) {
        super(10);
        this.productSupport = productSupport;
        this.patchability = patchability;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.actor = actor;
        setId("productSupportPane");

        entries.setId("productSupportTable");
        entries.setPlaceholder(new Label("No product has an end-of-support date yet."));
        entries.getColumns().setAll(List.<TableColumn<ProductSupport, String>>of(
                TableColumns.text("Product", 250, ProductSupport::label),
                TableColumns.text("End of support", 110, entry -> entry.endOfSupport().toString()),
                TableColumns.text("End of sale", 110, entry -> entry.endOfSale() == null ? "" : entry.endOfSale().toString()),
                TableColumns.text("Source", 330, ProductSupport::source)));
        entries.setPrefSize(840, 260);
        entries.getSelectionModel().selectedItemProperty().addListener((observable, old, entry) -> {
            if (entry != null) {
                // A product whose devices are all retired is not among the choices, so it is added for this entry.
                PatchabilityService.ProductRef ref = product.getItems().stream().filter(choice -> choice.id() == entry.productId())
                        .findFirst().orElseGet(() -> {
                            PatchabilityService.ProductRef added = new PatchabilityService.ProductRef(entry.productId(),
                                    entry.manufacturer(), entry.model(), 0);
                            product.getItems().add(added);
                            return added;
                        });
                product.setValue(ref);
                end.setValue(entry.endOfSupport());
                sale.setValue(entry.endOfSale());
                source.setText(entry.source());
            }
        });

        product.setId("productSupportProduct");
        product.setConverter(new StringConverter<>() {
            @Override
            public String toString(PatchabilityService.ProductRef value) {
                return value == null ? "" : value.label();
            }

            @Override
            public PatchabilityService.ProductRef fromString(String text) {
                return null;
            }
        });
        end.setId("productEnd");
        sale.setId("productSale");
        source.setId("productSource");
        source.setPromptText("the manufacturer's letter or notice and its date");
        Button save = new Button("Save the dates");
        save.setId("saveProductSupportButton");
        save.setOnAction(event -> save());
        Button remove = new Button("Remove the dates");
        remove.setId("removeProductSupportButton");
        remove.disableProperty().bind(entries.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> remove(entries.getSelectionModel().getSelectedItem()));
        problem.setId("productSupportProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, new Label("Product"), product);
        form.addRow(1, new Label("End of support"), end);
        form.addRow(2, new Label("End of sale (optional)"), sale);
        form.addRow(3, new Label("Source"), source);
        form.addRow(4, new HBox(8, save, remove), problem);
        getChildren().setAll(entries, form);
    }

    /** Reads the products and their end-of-support dates. */
    public void load() {
        tasks.submit("Reading products", monitor -> patchability.products(), product.getItems()::setAll,
                error -> dialogs.showFailure("Products not read", "Reading the products failed.", error));
        tasks.submit("Reading end-of-support dates", monitor -> productSupport.list(), entries.getItems()::setAll,
                error -> dialogs.showFailure("Dates not shown", "Reading the product end-of-support dates failed.", error));
    }

    private void save() {
        PatchabilityService.ProductRef chosen = product.getValue();
        if (chosen == null) {
            problem.setText("Choose a product.");
            return;
        }
        LocalDate endDate = end.getValue();
        LocalDate saleDate = sale.getValue();
        String from = source.getText();
        tasks.submit("Saving end-of-support dates", monitor -> productSupport.save(chosen.id(), endDate, saleDate, from, actor), saved -> {
            problem.setText("");
            load();
        }, this::showProblem);
    }

    private void remove(ProductSupport entry) {
        if (entry == null || !dialogs.confirm("Remove end of support", "Remove the end-of-support date of " + entry.label()
                + "? Its devices are no longer unsupported because of it.", "Remove the dates")) {
            return;
        }
        tasks.submit("Removing end-of-support dates", monitor -> {
            productSupport.remove(entry.productId(), actor);
            return entry;
        }, removed -> {
            problem.setText("");
            load();
        }, this::showProblem);
    }

    private void showProblem(Throwable error) {
        problem.setText(error instanceof IllegalArgumentException ? error.getMessage() + "." : "Saving failed: " + error.getMessage());
    }
}
