package org.patchdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;

import org.patchdesk.governance.MetricsService;
import org.patchdesk.governance.SiteSettings;
import org.patchdesk.governance.SiteSettingsService;
import org.patchdesk.risk.ScoringSettings;
import org.patchdesk.risk.SettingsService;
import org.patchdesk.users.UserService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Shows and changes the site's name and logo, the scoring settings, the inactivity lock and the metrics' patch"
                + " window.",
        subcommands = {SettingsCommand.Site.class, SettingsCommand.Scoring.class, SettingsCommand.Lock.class, SettingsCommand.Metrics.class})
final class SettingsCommand extends CommandGroup {

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = {"Sets the site name and logo that reports print. Without options, prints them.",
                    "Once accounts exist, only an administrator may change them."})
    static final class Site implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", paramLabel = "NAME", description = "The site name, such as the hospital's name.")
        String name;

        @Option(names = "--logo", paramLabel = "FILE", description = "A PNG or JPEG logo of at most 2 MB; PatchDesk keeps its path.")
        Path logo;

        @Option(names = "--no-logo", description = "Removes the logo.")
        boolean noLogo;

        Site(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (logo != null && noLogo) {
                throw new ParameterException(spec.commandLine(), "--logo and --no-logo cannot be used together");
            }
            SiteSettingsService service = context.services().siteSettings();
            SiteSettings current = service.current();
            SiteSettings shown = current;
            if (name != null || logo != null || noLogo) {
                Path newLogo = logo == null ? current.logo() : logo;
                if (noLogo) {
                    newLogo = null;
                }
                shown = service.save(name == null ? current.name() : name, newLogo, context.actor());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Site name: " + shown.name());
            out.println("Logo: " + (shown.logo() == null ? "none" : shown.logo()));
            out.flush();
            return CommandLineRunner.EXIT_DONE;
        }
    }

    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = {"Sets the patch window of the metrics: the days from a vendor's validation within which an install counts"
                    + " as on time. Without options, prints it."})
    static final class Metrics implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--window-days", paramLabel = "DAYS", description = "Days from 1 to " + MetricsService.MAX_WINDOW_DAYS
                + " (default 90).")
        Integer windowDays;

        Metrics(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            MetricsService metrics = context.services().metrics();
            if (windowDays != null) {
                metrics.setWindowDays(windowDays, context.actor());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Patch window: " + metrics.windowDays() + " days");
            out.flush();
            return CommandLineRunner.EXIT_DONE;
        }
    }

    @Command(name = "scoring", mixinStandardHelpOptions = true,
            description = {"Sets scoring settings by key: days until due per SSVC decision (due.days.*, 1 to 3650), priority weights"
                    + " (priority.weight.*, 0 to 100) and stale-feed limits (feed.stale.*.days, 1 to 365). Without options, prints"
                    + " every key and value.",
                    "A change of due days or weights rescores every finding. Auditors cannot change them."})
    static final class Scoring implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting to change, such as due.days.immediate=10;"
                + " repeat for more.")
        Map<String, String> changes = new LinkedHashMap<>();

        Scoring(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SettingsService settings = context.services().settings();
            ScoringSettings shown = changes.isEmpty() ? settings.current() : settings.save(changes, context.actor(), ProgressMonitor.NONE);
            PrintWriter out = spec.commandLine().getOut();
            shown.asMap().forEach((key, value) -> out.println(key + " = " + value));
            out.flush();
            return CommandLineRunner.EXIT_DONE;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = {"Sets the minutes without input after which the window locks. Without options, prints them.",
                    "Once accounts exist, only an administrator may change them."})
    static final class Lock implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--minutes", paramLabel = "MINUTES", description = "Minutes from 0 (never lock) to "
                + UserService.MAX_LOCK_MINUTES + " (default " + UserService.DEFAULT_LOCK_MINUTES + ").")
        Integer minutes;

        Lock(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            UserService users = context.services().users();
            if (minutes != null) {
                users.setLockAfterMinutes(minutes, context.actor());
            }
            int stored = users.lockAfterMinutes();
            PrintWriter out = spec.commandLine().getOut();
            out.println(stored == 0 ? "Inactivity lock: off" : "Inactivity lock: after " + stored + " minutes");
            out.flush();
            return CommandLineRunner.EXIT_DONE;
        }
    }
}
