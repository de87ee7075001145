package org.patchdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchdesk.backup.BackupFile;
import org.patchdesk.backup.BackupReason;
import org.patchdesk.backup.BackupResult;
import org.patchdesk.backup.BackupService;
import org.patchdesk.backup.BackupSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Backs up the site database into a zip file: the database as an H2 SQL script and a manifest.",
                "Without FILE, the backup goes to the backup folder (and its second folder, when set). Manual backups are never"
                        + " deleted by pruning."})
final class BackupCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The zip file to write, instead of the backup folder.")
    Path file;

    @Option(names = "--list", description = "Lists the backups in the backup folder, newest first, instead of making one.")
    boolean list;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (list && file != null) {
            throw new ParameterException(spec.commandLine(), "--list and FILE cannot be used together");
        }
        BackupService backups = context.services().backups();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printList(out, backups.settings(), backups.list(), context.clock().getZone());
            return CommandLineRunner.EXIT_DONE;
        }
        BackupResult result = file == null ? backups.backUp(BackupReason.MANUAL, context.printedBy())
                : backups.backUpTo(file, context.printedBy());
        out.println("Backup written: " + result.file());
        out.println("Audit trail: " + result.manifest().auditHead().describe());
        if (result.secondCopy() != null) {
            out.println("Copy: " + result.secondCopy());
        }
        out.flush();
        if (result.secondCopyProblem() != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(result.secondCopyProblem());
            err.flush();
        }
        return CommandLineRunner.EXIT_DONE;
    }

    private static void printList(PrintWriter out, BackupSettings settings, List<BackupFile> backups, ZoneId zone) {
        out.println("Backup folder: " + settings.folder() + " (keeps " + settings.keep() + " automatic backups; daily backup "
                + (settings.daily() ? "on" : "off") + ")");
        if (settings.secondFolder() != null) {
            out.println("Second folder: " + settings.secondFolder());
        }
        if (backups.isEmpty()) {
            out.println("No backups yet.");
            out.flush();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Created", "Reason", "By", "Devices", "Audit entries", "File"));
        for (BackupFile backup : backups) {
            rows.add(List.of(WHEN.format(backup.manifest().createdAt().atZone(zone)), backup.manifest().reason().label(),
                    backup.manifest().createdBy(), Long.toString(backup.manifest().count("device")),
                    Long.toString(backup.manifest().auditHead().entryCount()), backup.file().getFileName().toString()));
        }
        TextTable.print(rows, out);
        out.flush();
    }
}
