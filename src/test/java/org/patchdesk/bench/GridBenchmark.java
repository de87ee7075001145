package org.patchdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.inventory.ui.DeviceRow;
import org.patchdesk.inventory.ui.InventoryView;
import org.patchdesk.inventory.ui.InventoryViewModel;
import org.patchdesk.storage.Database;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.workspace.Services;

/**
 * Measures the inventory grid on a large database: the time to load every device into the grid,
 * and for each keystroke of typed searches, the time from the filter being applied to the next
 * rendered frame. Run by {@code bench/grid-benchmark.sh}, with one argument: the data folder of a
 * database that already contains the devices.
 */
public final class GridBenchmark {

    private static final List<String> TYPED = List.of("i", "in", "inf", "infu", "infus", "infusi", "infusio", "infusion",
            "infusion ", "infusion i", "infusion ic", "infusion icu", "", "1", "10", "10.", "10.2", "10.20", "", "w", "wi", "win",
            "wind", "windo", "window", "windows", "windows ", "windows 7", "");

    private GridBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        try (Services services = new Services(Database.open(folder, Database.DEFAULT_NAME), FdaProductClassification.load(),
                SsvcTables.load(), Clock.systemDefaultZone()); BackgroundTasks tasks = new BackgroundTasks()) {
            long loadStart = System.nanoTime();
            List<Device> devices = services.devices().list();
            long queried = System.nanoTime();
            List<DeviceRow> rows = new ArrayList<>(devices.size());
            for (Device device : devices) {
                rows.add(new DeviceRow(device));
            }
            long built = System.nanoTime();
            System.out.printf("devices: %d%n", rows.size());
            System.out.printf("query and map: %d ms%n", (queried - loadStart) / 1_000_000);
            System.out.printf("grid rows built: %d ms%n", (built - queried) / 1_000_000);

            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            InventoryViewModel model = new InventoryViewModel(services.devices(), tasks);
            InventoryView[] view = new InventoryView[1];
            long shown = onFxAndNextFrame(() -> {
                view[0] = new InventoryView(model, Preferences.userRoot().node("org/patchdesk/bench"), new NoActions());
                Stage stage = new Stage();
                stage.setScene(new Scene(view[0], 1360, 800));
                stage.show();
                model.setRows(rows);
            });
            System.out.printf("grid filled and drawn: %d ms%n", shown / 1_000_000);

            List<Long> keystrokes = new ArrayList<>();
            StringBuilder each = new StringBuilder();
            for (String text : TYPED) {
                long elapsed = onFxAndNextFrame(() -> {
                    model.searchProperty().set(text);
                    model.applyFilter();
                });
                keystrokes.add(elapsed);
                each.append(String.format("  '%s' %d ms, %d shown%n", text, elapsed / 1_000_000, model.filtered().size()));
            }
            System.out.print(each);
            List<Long> sorted = new ArrayList<>(keystrokes);
            Collections.sort(sorted);
            System.out.printf("keystrokes: %d, filter to next frame: median %d ms, 90th percentile %d ms, max %d ms%n", sorted.size(),
                    sorted.get(sorted.size() / 2) / 1_000_000, sorted.get((int) (sorted.size() * 0.9)) / 1_000_000,
                    sorted.get(sorted.size() - 1) / 1_000_000);
            long sortTime = onFxAndNextFrame(() -> {
                var column = view[0].table().getColumns().get(0);
                view[0].table().getSortOrder().setAll(List.of(column));
            });
            System.out.printf("sort all rows by asset tag: %d ms%n", sortTime / 1_000_000);
            Platform.exit();
        }
    }

    /** Runs an action on the JavaFX thread and returns the nanoseconds until the next frame after it was drawn. */
    private static long onFxAndNextFrame(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong elapsed = new AtomicLong();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            action.run();
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 2) {
                        elapsed.set(System.nanoTime() - start);
                        stop();
                        done.countDown();
                    }
                }
            }.start();
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No frame within 120 seconds");
        }
        return elapsed.get();
    }

    /** The benchmark clicks no buttons. */
    private static final class NoActions implements InventoryView.InventoryActions {
        @Override
        public void addDevice() {
        }

        @Override
        public void editDevice(DeviceRow row) {
        }

        @Override
        public void deleteDevices(List<DeviceRow> rows) {
        }

        @Override
        public void importInventory() {
        }

        @Override
        public void exportInventory(List<DeviceRow> shown, boolean filtered) {
        }
    }
}
