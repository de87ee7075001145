package org.patchdesk.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchdesk.backup.RestoreCandidate;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replaces the site database with a backup. The backup is checked first (a PatchDesk backup, of a schema this"
                + " PatchDesk knows, with an intact audit trail) and its summary printed; the current database is backed up"
                + " (\"before restore\") before it is replaced, and the restore is recorded in the audit trail.",
                "Once accounts exist, only an administrator may restore: add --user NAME."})
final class RestoreCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup zip file, or the name `backup --list` shows for a backup in the backup folder.")
    Path file;

    @Option(names = "--yes", description = "Restores without asking for confirmation.")
    boolean yes;

    RestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Services current = context.services();
        Actor actor = context.actor();
        Optional<String> rejection = current.backups().administratorRejection(actor);
        if (rejection.isPresent()) {
            throw new IllegalStateException(rejection.get());
        }
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = context.workspace();
        Path backup = inBackupFolder(file, current.backups().settings().folder());
        RestoreCandidate checked;
        try {
            checked = workspace.checkBackup(backup, ProgressMonitor.NONE);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            throw new IllegalArgumentException(problem + " Nothing was changed.", e);
        }
        try (RestoreCandidate candidate = checked) {
            out.println("The backup passed its checks:");
            candidate.summaryLines(context.clock().getZone()).forEach(line -> out.println("  " + line));
            List<String> losses = current.backups().lossesOnRestore(candidate);
            if (!losses.isEmpty()) {
                out.println("Check before restoring:");
                losses.forEach(line -> out.println("  " + line));
            }
            out.println("Restoring replaces the site database in " + workspace.folder() + " ("
                    + current.auditChain().head().describe() + "); it is backed up first.");
            out.flush();
            if (!yes && !confirmed()) {
                out.println("Not restored; nothing was changed.");
                out.flush();
                return CommandLineRunner.EXIT_FAILED;
            }
            Workspace.Restored restored = context.restore(candidate, actor);
            if (restored.replacedBackup() != null) {
                out.println("The replaced database is kept in the backup " + restored.replacedBackup().file());
            }
            out.println("Restored " + backup + ": " + restored.services().auditChain().head().describe()
                    + " (the last entry records the restore)");
            out.flush();
        }
        return CommandLineRunner.EXIT_DONE;
    }

    /** Returns a bare file name that does not exist here as the backup of that name in the backup folder, as `backup --list` shows it. */
    static Path inBackupFolder(Path file, Path folder) {
        if (Files.exists(file) || file.getParent() != null) {
            return file;
        }
        Path listed = folder.resolve(file);
        return Files.exists(listed) ? listed : file;
    }

    private static boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("No terminal to confirm the restore; add --yes to restore without asking");
        }
        String answer = console.readLine("Type yes to replace the site database: ");
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }
}
