package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.patchdesk.common.Actor;
import org.patchdesk.inventory.importing.VersionConflict;
import org.patchdesk.inventory.importing.VersionConflictService;
import org.patchdesk.patchlog.DecisionToSign;
import org.patchdesk.patchlog.NewDecision;
import org.patchdesk.patchlog.PatchDecision;
import org.patchdesk.patchlog.PatchLogEntry;
import org.patchdesk.patchlog.PatchLogQuery;
import org.patchdesk.patchlog.PatchLogService;
import org.patchdesk.patchlog.PatchOutcome;
import org.patchdesk.users.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "patches", mixinStandardHelpOptions = true,
        description = "Shows the patch log, records decisions to deploy, defer or reject updates, and reviews software versions"
                + " that an inventory import did not overwrite.",
        subcommands = {PatchesCommand.Log.class, PatchesCommand.Decide.class, PatchesCommand.Conflicts.class})
final class PatchesCommand extends CommandGroup {

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = {"Lists the patch log, most recent work first: what was applied to each device, when, by whom, and the"
                    + " outcome.",
                    "The CSV (UTF-8, comma) has ISO dates and times in the site's time zone (YYYY-MM-DD HH:MM)."})
    static final class Log implements Callable<Integer> {

        enum Format { table, csv }

        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--from", paramLabel = "DATE", description = "Only work performed on or after DATE (YYYY-MM-DD).")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Only work performed on or before DATE (YYYY-MM-DD).")
        String to;

        @Option(names = "--outcome", paramLabel = "O", split = ",",
                description = "Only entries with these outcomes: installed, failed, rolled-back, deferred (repeatable or comma-separated).")
        List<String> outcomes = new ArrayList<>();

        @Option(names = "--department", paramLabel = "NAME", description = "Only devices of this department.")
        String department;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only entries whose asset tag, update, CVE or person contains TEXT.")
        String search;

        Log(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            PatchLogQuery query = query();
            PatchLogService log = context.services().patchLog();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.csv) {
                log.writeCsv(query, out);
                out.flush();
                return 0;
            }
            List<PatchLogEntry> entries = log.search(query);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Entry", "Performed", "Asset Tag", "Update", "Version", "Outcome", "By", "Fixes", "Days From Validation",
                    "Reason"));
            for (PatchLogEntry entry : entries) {
                rows.add(List.of("#" + entry.id(),
                        MINUTES.format(LocalDateTime.ofInstant(entry.performedAt(), log.zone()).truncatedTo(ChronoUnit.MINUTES)),
                        entry.assetTag(), entry.update(), versions(entry), entry.outcome().word(), entry.performedBy(),
                        String.join(" ", entry.fixesCves()), entry.daysFromValidation() == null ? "" : entry.daysFromValidation().toString(),
                        entry.reason() == null ? "" : entry.reason()));
            }
            TextTable.print(rows, out);
            out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries"));
            out.flush();
            return 0;
        }

        private static String versions(PatchLogEntry entry) {
            String before = entry.versionBefore() == null ? "" : entry.versionBefore();
            String after = entry.versionAfter() == null ? "" : entry.versionAfter();
            return before.isEmpty() && after.isEmpty() ? "" : before + " -> " + after;
        }

        private PatchLogQuery query() {
            Set<PatchOutcome> outcomeSet = EnumSet.noneOf(PatchOutcome.class);
            for (String word : outcomes) {
                try {
                    outcomeSet.add(PatchOutcome.parse(word));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "Invalid --outcome: " + e.getMessage());
                }
            }
            LocalDate fromDay = date("--from", from);
            LocalDate toDay = date("--to", to);
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
                throw new ParameterException(spec.commandLine(), "Invalid --to " + toDay + ": it is before --from " + fromDay);
            }
            return PatchLogQuery.everything().withText(search).withOutcomes(outcomeSet).withDates(fromDay, toDay)
                    .withDepartment(department);
        }

        private LocalDate date(String option, String text) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "Invalid " + option + " '" + text + "': write the date as YYYY-MM-DD");
            }
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Records a decision to deploy, defer or reject an update for a device, a product, or a device of that"
                    + " product.",
                    "Once PatchDesk has user accounts, the --user account signs the decision electronically: it needs the role"
                    + " HTM manager or InfoSec/CISO, and its password is read again from PATCHDESK_PASSWORD or the prompt. Before"
                    + " that, --approver and --role name the approver."})
    static final class Decide implements Callable<Integer> {

        private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--device", paramLabel = "TAG", description = "The asset tag of the device the decision is for.")
        String device;

        @Option(names = "--product", paramLabel = "NAME",
                description = "The product the decision is for, as manufacturer and model, such as \"Baxter Life 2000\".")
        String product;

        @Option(names = "--update", paramLabel = "TEXT", required = true,
                description = "The update decided on, such as the firmware release or the KB number.")
        String update;

        @Option(names = "--decision", paramLabel = "CHOICE", required = true, description = "deploy, defer or reject.")
        String decision;

        @Option(names = "--rationale", paramLabel = "TEXT", required = true,
                description = "Why the update is deployed, deferred or rejected; the signature's comment once accounts exist.")
        String rationale;

        @Option(names = "--approver", paramLabel = "NAME", description = "The approver's name, on a site without user accounts.")
        String approver;

        @Option(names = "--role", paramLabel = "ROLE",
                description = "The approver's role, such as CISO, on a site without user accounts.")
        String role;

        @Option(names = "--date", paramLabel = "DATE",
                description = "The day of the decision (YYYY-MM-DD), on a site without user accounts; default today.")
        String date;

        Decide(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PatchLogService log = context.services().patchLog();
            PatchDecision.Choice choice = choice();
            Long deviceId = deviceId(log);
            Long productId = productId();
            PatchDecision recorded;
            if (log.decisionsAreSigned()) {
                if (approver != null || role != null || date != null) {
                    throw new ParameterException(spec.commandLine(), "--approver, --role and --date are for sites without user accounts;"
                            + " here the --user account signs the decision at the current time");
                }
                recorded = sign(log, new DecisionToSign(deviceId, productId, update, choice, rationale));
            } else {
                LocalDate day = date == null ? LocalDate.now(context.clock()) : parseDate(date);
                // A decision dated today keeps the current time, so that decisions of one day list in the order they were made.
                LocalTime time = day.equals(LocalDate.now(context.clock())) ? LocalTime.now(context.clock()) : LocalTime.NOON;
                NewDecision typed = new NewDecision(deviceId, productId, update, choice, approver, role, rationale,
                        day.atTime(time).atZone(context.clock().getZone()).toInstant());
                recorded = log.recordDecision(typed, context.actor());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Decision " + recorded.id() + " recorded: " + recorded.decision().word() + " " + recorded.update() + " for "
                    + recorded.subject() + ", approved by " + recorded.approverName() + " (" + recorded.approverRole() + ")"
                    + (recorded.signed() ? ", signed electronically as " + recorded.signature().userName() + " on "
                    + MINUTES.format(LocalDateTime.ofInstant(recorded.signature().signedAt(), log.zone())) : ""));
            out.flush();
            return 0;
        }

        private PatchDecision sign(PatchLogService log, DecisionToSign toSign) {
            log.check(toSign);
            Actor actor = context.actor();
            char[] password = context.signingPassword();
            try {
                return log.signDecision(toSign, actor.name(), password, actor);
            } finally {
                PasswordHasher.clear(password);
            }
        }

        private PatchDecision.Choice choice() {
            try {
                return PatchDecision.Choice.parse(decision);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid --decision: " + e.getMessage());
            }
        }

        private Long deviceId(PatchLogService log) {
            if (device == null) {
                return null;
            }
            return log.deviceByAssetTag(device).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "Invalid --device: no device has the asset tag " + device.strip())).id();
        }

        private Long productId() {
            if (product == null) {
                return null;
            }
            String name = product.strip();
            return context.services().patchability().products().stream()
                    .filter(candidate -> candidate.label().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "Invalid --product: no product is named '" + name
                            + "'; give the manufacturer and model as the Patchability screen lists them"))
                    .id();
        }

        private LocalDate parseDate(String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "Invalid --date '" + text + "': write the date as YYYY-MM-DD");
            }
        }
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true,
            description = {"Lists the software versions that inventory imports did not overwrite because the patch log set them,"
                    + " and resolves one.",
                    "Without --take or --keep, lists the conflicts waiting for review."})
    static final class Conflicts implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Option(names = "--all", description = "List resolved conflicts and those of undone imports too.")
        boolean all;

        @Option(names = "--take", paramLabel = "N", description = "Take the imported value of conflict N as the device's version.")
        Long take;

        @Option(names = "--keep", paramLabel = "N", description = "Keep the version the patch log set, closing conflict N.")
        Long keep;

        Conflicts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (take != null && keep != null) {
                throw new ParameterException(spec.commandLine(), "Use --take or --keep, not both");
            }
            VersionConflictService conflicts = context.services().versionConflicts();
            PrintWriter out = spec.commandLine().getOut();
            if (take != null || keep != null) {
                VersionConflict resolved = take != null ? conflicts.takeImported(take, context.actor())
                        : conflicts.keepLogged(keep, context.actor());
                out.println("Conflict " + resolved.id() + " of " + resolved.assetTag() + ": " + resolved.stateText());
                out.flush();
                return 0;
            }
            List<VersionConflict> listed = conflicts.list(all);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("N", "Import", "Row", "Asset Tag", "Imported", "Patch Log", "Entry", "State"));
            for (VersionConflict conflict : listed) {
                rows.add(List.of(Long.toString(conflict.id()), "#" + conflict.batchId() + " " + conflict.fileName(),
                        Integer.toString(conflict.rowNumber()), conflict.assetTag(), conflict.importedValue(), conflict.patchLogValue(),
                        "#" + conflict.logEntryId(), conflict.stateText()));
            }
            TextTable.print(rows, out);
            out.println(listed.size() + (listed.size() == 1 ? " conflict" : " conflicts"));
            out.flush();
            return 0;
        }
    }
}
