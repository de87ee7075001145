package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchdesk.controls.ControlFixtures;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** Bad dates, targets and departments given to the report commands, on a site whose today is 2026-12-04. */
class ReportInputsTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void site() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            ControlFixtures.pump(services, "ICU-1", "ICU");
            ControlFixtures.pump(services, "NICU-1", "NICU");
            ControlFixtures.vulnerabilities(services);
        }
    }

    private Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), TestSites.CLOCK,
                Workspace::open);
        int code = CommandLineRunner.run(args.toArray(String[]::new), context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Returns the arguments of a report command that needs only a target and extra options. */
    private static List<String> command(String name, Path target, String... options) {
        List<String> args = new ArrayList<>(List.of("report", name));
        switch (name) {
            case "metrics" -> {
            }
            case "department" -> args.addAll(List.of("--department", "ICU", target.toString()));
            case "segmentation" -> args.addAll(List.of("--department", "ICU", "--exposure", "small", target.toString()));
            default -> args.add(target.toString());
        }
        args.addAll(List.of(options));
        return args;
    }

    private static String fileName(String command) {
        return command.equals("workbook") ? "report.xlsx" : "report.pdf";
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "workbook", "packet"})
    void badDateNamesOptionAndForm(String name) {
        Run run = run(command(name, folder.resolve(fileName(name)), "--from", "2026-13-01"));

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).startsWith("--from '2026-13-01' is not a date; write it as YYYY-MM-DD, such as 2026-01-31");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "workbook", "packet"})
    void fromAfterTodayNamesOnlyFrom(String name) {
        Run run = run(command(name, folder.resolve(fileName(name)), "--from", "2027-01-01"));

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).startsWith("--from 2027-01-01 is after today, 2026-12-04; reports describe the past");
        assertThat(run.err()).doesNotContain("--to");
        assertThat(folder.resolve(fileName(name))).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "workbook", "packet"})
    void toAfterTodayIsRejected(String name) {
        Run run = run(command(name, folder.resolve(fileName(name)), "--from", "2026-01-01", "--to", "2026-12-31"));

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).startsWith("--to 2026-12-31 is after today, 2026-12-04; reports describe the past, so leave out --to"
                + " to end the range today");
        assertThat(folder.resolve(fileName(name))).doesNotExist();
    }

    @Test
    void toTodayIsAccepted() {
        Run run = run(command("metrics", null, "--from", "2026-01-01", "--to", "2026-12-04"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Metrics for PatchDesk, 2026-01-01 to 2026-12-04, all departments");
    }

    @ParameterizedTest
    @ValueSource(strings = {"workbook", "packet", "department", "segmentation"})
    void missingFolderIsNotCreated(String name) {
        Path missing = folder.resolve("nonexistent").resolve("dir");

        Run run = run(command(name, missing.resolve(fileName(name))));

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(run.err()).isEqualTo("The folder " + missing + " does not exist; create it first or choose another"
                + System.lineSeparator());
        assertThat(folder.resolve("nonexistent")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"workbook", "packet", "department", "segmentation"})
    void fileAsFolderIsNamed(String name) throws Exception {
        Path file = Files.writeString(folder.resolve("notes.txt"), "notes");
        Path target = file.resolve(fileName(name));

        Run run = run(command(name, target));

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(run.err()).startsWith("Cannot write " + target + ": " + file + " is a file, not a folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"workbook", "packet", "department", "segmentation"})
    void folderRejectingFilesNamesTargetAndReason(String name) {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "needs the Linux /proc file system, which accepts no new files");
        Path target = proc.resolve(fileName(name));

        Run run = run(command(name, target));

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(run.err()).isEqualTo("Cannot write " + target + ": the folder does not accept new files" + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "department", "segmentation"})
    void unknownDepartmentWordedAlike(String name) {
        List<String> args = new ArrayList<>(List.of("report", name, "--department", "Burn  Unit"));
        if (name.equals("segmentation")) {
            args.addAll(List.of("--exposure", "small"));
        }
        if (!name.equals("metrics")) {
            args.add(folder.resolve("burn.pdf").toString());
        }

        Run run = run(args);

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).startsWith("--department 'Burn  Unit' is not a department of the inventory; departments: ICU, NICU"
                + System.lineSeparator());
        assertThat(folder.resolve("burn.pdf")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "department", "segmentation"})
    void departmentMatchesIgnoringCaseAndSpaces(String name) {
        List<String> args = new ArrayList<>(List.of("report", name, "--department", "  icu "));
        if (name.equals("segmentation")) {
            args.addAll(List.of("--exposure", "small"));
        }
        if (!name.equals("metrics")) {
            args.add(folder.resolve("icu.pdf").toString());
        }

        Run run = run(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ICU");
    }
}
