package org.patchdesk.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.patchdesk.cli.CliContext;
import org.patchdesk.cli.CommandLineRunner;
import org.patchdesk.workspace.Workspace;

/**
 * The entry point of {@code java -jar patchdesk.jar}: with a command it runs the command line,
 * without one it opens the window. It does not extend JavaFX's Application, so that JavaFX on the
 * class path starts without the module checks of the Application launcher.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.systemDefaultZone();
        CliContext context = new CliContext(System.getenv(), clock, Workspace::open);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode = CommandLineRunner.run(args, context, folder -> GuiLauncher.launch(folder, clock), out, err);
        System.exit(exitCode);
    }
}
