package org.patchdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.patchdesk.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code patchdesk} command: without a subcommand it opens the desktop application. */
@Command(name = "patchdesk",
        mixinStandardHelpOptions = true,
        versionProvider = PatchDeskCommand.VersionProvider.class,
        description = {"Medical device inventory and vulnerability prioritization for a hospital's clinical engineering department.",
                "Without a command, opens the PatchDesk window."},
        subcommands = {ImportCommand.class, ExportCommand.class, DevicesCommand.class, FindingsCommand.class, MatchesCommand.class,
                VulnsCommand.class, FeedsCommand.class, VendorsCommand.class, WindowsCommand.class, PatchesCommand.class,
                ControlsCommand.class, AcceptancesCommand.class, UsersCommand.class, AuditCommand.class, ReportCommand.class,
                SettingsCommand.class, BackupCommand.class, RestoreCommand.class, DemoCommand.class, HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 the work failed or found a problem, 2 usage error, 3 the database cannot be opened."})
public final class PatchDeskCommand implements Callable<Integer> {

    private final CliContext context;
    private final Function<Path, Integer> guiLauncher;

    @Spec
    CommandSpec spec;

    public PatchDeskCommand(CliContext context, Function<Path, Integer> guiLauncher) {
        this.context = context;
        this.guiLauncher = guiLauncher;
    }

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder with the database and logs (default: $PATCHDESK_DATA_DIR, else the"
                    + " operating system's application data folder).")
    void setDataDir(String folder) {
        if (folder.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--data-dir needs a folder; it was empty");
        }
        context.setDataDirOption(Path.of(folder));
    }

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The user account that commands which change data sign in as, once PatchDesk has user accounts; the"
                    + " password comes from $PATCHDESK_PASSWORD, else a prompt. Commands that only read need no user.")
    void setUser(String userName) {
        if (userName.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--user needs a user name; it was empty");
        }
        context.setUserOption(userName.strip());
    }

    /** Opens the desktop application on the data folder and returns when its window closes. */
    @Override
    public Integer call() {
        return guiLauncher.apply(context.dataFolder());
    }

    /** Reads the version from the jar manifest. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"PatchDesk " + Version.current()};
        }
    }
}
