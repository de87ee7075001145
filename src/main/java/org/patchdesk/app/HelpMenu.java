package org.patchdesk.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

import org.patchdesk.about.AboutFacts;
import org.patchdesk.about.ui.AboutDialog;
import org.patchdesk.onboarding.UserGuide;
import org.patchdesk.ui.BackgroundTasks;
import org.patchdesk.ui.DialogService;
import org.patchdesk.ui.DocumentOpener;
import org.patchdesk.storage.DataFolderContents;

/**
 * The Help menu: the user guide, the getting-started guide, the keyboard shortcuts, the data folder
 * and the About dialog.
 */
final class HelpMenu {

    /** The keys of the inventory grid, which has no menu items to show them. */
    private static final List<String> GRID_KEYS = List.of(
            "Ctrl+C: Copy the selected rows (inventory grid)",
            "Enter: Open the selected device (inventory grid)",
            "Delete: Delete the selected devices, after a question (inventory grid)");

    private final Path dataFolder;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final DocumentOpener opener;
    private final Window owner;
    private final Runnable gettingStarted;

    HelpMenu(Path dataFolder, BackgroundTasks tasks, DialogService dialogs, DocumentOpener opener, Window owner, Runnable gettingStarted) {
        this.dataFolder = dataFolder;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
        this.owner = owner;
        this.gettingStarted = gettingStarted;
    }

    /** Returns the menu; its shortcuts item lists the accelerators of every menu in the bar that {@code bar} returns. */
    Menu build(Supplier<MenuBar> bar) {
        MenuItem guide = item("User guide", "userGuideMenuItem", this::openUserGuide);
        MenuItem start = item("Getting started…", "gettingStartedMenuItem", gettingStarted);
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId("shortcutsMenuItem");
        MenuItem folder = item("Open data folder", "openDataFolderMenuItem", this::openDataFolder);
        MenuItem about = item("About PatchDesk", "aboutMenuItem", () -> new AboutDialog(AboutFacts.of(dataFolder), owner).showAndWait());
        Menu help = new Menu("Help", null, guide, start, shortcuts, new SeparatorMenuItem(), folder, about);
        help.setId("helpMenu");
        shortcuts.setOnAction(event -> dialogs.showInformation("Keyboard shortcuts", String.join("\n", shortcuts(bar.get()))));
        return help;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Writes the user guide as HTML into {@code <data folder>/help} and opens it in the web browser. */
    void openUserGuide() {
        Path folder = dataFolder.resolve(DataFolderContents.HELP_FOLDER);
        tasks.submit("Opening the user guide", monitor -> {
            Path html = new UserGuide().write(folder);
            opener.open(html);
            return html;
        }, opened -> { }, error -> dialogs.showFailure("User guide not opened", "Opening the user guide from " + folder
                + " failed. If the file " + UserGuide.HTML_FILE + " is there, open it with a web browser.", error));
    }

    private void openDataFolder() {
        tasks.submit("Opening the data folder", monitor -> {
            opener.open(dataFolder);
            return dataFolder;
        }, opened -> { }, error -> dialogs.showInformation("Data folder", "This computer could not open the folder from PatchDesk."
                + " It is " + dataFolder + "; open it from the file manager."));
    }

    /** Returns one line per menu accelerator of the bar, "Ctrl+I: File › Import inventory…", then the grid's keys. */
    static List<String> shortcuts(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, menu.getText(), lines);
        }
        lines.addAll(GRID_KEYS);
        return lines;
    }

    private static void collect(Menu menu, String path, List<String> lines) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu submenu) {
                collect(submenu, path + " › " + submenu.getText(), lines);
            } else if (item.getAccelerator() != null) {
                lines.add(item.getAccelerator().getDisplayText() + ": " + path + " › " + item.getText());
            }
        }
    }
}
