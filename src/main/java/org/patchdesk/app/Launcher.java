package org.patchdesk.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.patchdesk.cli.CliContext;
import org.patchdesk.cli.CommandLineRunner;
import org.patchdesk.workspace.Workspace;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The entry point of {@code java -jar patchdesk.jar}: with a command it runs the command line,
 * without one it opens the window. It does not extend JavaFX's Application, so that JavaFX on the
 * class path starts without the module checks of the Application launcher.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Clock clock = Clock.systemDefaultZone();
        CliContext context = new CliContext(System.getenv(), clock, Workspace::open);
        // Closes the database when the process is stopped from outside, rolling back an unfinished import.
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "patchdesk-shutdown"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode = CommandLineRunner.run(args, context, folder -> GuiLauncher.launch(folder, clock), out, err);
        System.exit(exitCode);
    }
}
