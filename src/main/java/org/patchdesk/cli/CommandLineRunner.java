package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.function.Function;

import org.patchdesk.intel.feeds.FeedFormatException;
import org.patchdesk.inventory.DeviceValidationException;
import org.patchdesk.planning.mds2.Mds2FormatException;
import org.patchdesk.storage.DatabaseUnavailableException;
import org.patchdesk.tabular.TabularFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs the {@code patchdesk} command line and turns its outcome into an exit code. */
public final class CommandLineRunner {

    public static final int EXIT_DONE = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_DATABASE_UNAVAILABLE = 3;

    private static final Logger log = LoggerFactory.getLogger(CommandLineRunner.class);

    private CommandLineRunner() {
    }

    /**
     * Parses and runs {@code args}. Without a command, {@code guiLauncher} opens the window on the
     * data folder and its result is the exit code.
     */
    public static int run(String[] args, CliContext context, Function<Path, Integer> guiLauncher, PrintWriter out, PrintWriter err) {
        try (context) {
            CommandLine commandLine = new CommandLine(new PatchDeskCommand(context, guiLauncher), new Factory(context));
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.setExecutionExceptionHandler(CommandLineRunner::handle);
            commandLine.setParameterExceptionHandler(CommandLineRunner::handleUsageError);
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Prints a usage error in one line with a pointer to the help, instead of the whole usage. */
    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the usage.");
        return EXIT_USAGE;
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof DatabaseUnavailableException) {
            log.info("Database not opened: {}", e.getMessage(), e.getCause());
            err.println(e.getMessage());
            return EXIT_DATABASE_UNAVAILABLE;
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            err.println(missing.getFile() + ": the file does not exist");
            return EXIT_FAILED;
        }
        if (e instanceof TabularFileException || e instanceof DeviceValidationException || e instanceof IOException
                || e instanceof FeedFormatException || e instanceof Mds2FormatException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            log.info("Command failed: {}", e.getMessage());
            err.println(e.getMessage());
            return EXIT_FAILED;
        }
        log.error("Command {} failed", commandLine.getCommandName(), e);
        err.println("PatchDesk failed: " + e + " (details are in the log file)");
        return EXIT_FAILED;
    }

    /** Creates commands, passing the shared context to those whose constructor takes it. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
