package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.app.Launcher;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Workspace;

class CommandLineTest {

    @TempDir
    Path folder;

    /** The output of one command-line run. */
    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(environment, TestSites.CLOCK, Workspace::open);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private String dataDir() {
        return folder.resolve("data").toString();
    }

    @Test
    void importPrintsSummaryAndRejectedRows() throws Exception {
        Path file = TestSites.copyResource("/import/cmms-messy.xlsx", folder);

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "Imported cmms-messy.xlsx: 5 added, 0 updated, 0 unchanged, 4 rejected (2 blank or totals rows skipped)",
                "Row 10, column 'IP Address': '10.40.1.300' is not a valid IP address",
                "Row 11, column 'MAC Address': '00:1A:2B:3C:4D' is not a valid MAC address",
                "Row 12, column 'Equipment #': '100234' repeats the asset tag of row 5",
                "Row 13, column 'Equipment #': the asset tag is missing");
    }

    @Test
    void dataDirComesFromEnvironment() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        Run imported = run(Map.of("PATCHDESK_DATA_DIR", dataDir()), "import", "inventory", file.toString());
        Run listed = run("devices", "list", "--data-dir", dataDir());

        assertThat(imported.exitCode()).isZero();
        assertThat(listed.out()).contains("LAB-100").contains("LAB-101").endsWith("2 devices\n");
    }

    @Test
    void mapOptionCorrectsAColumn() throws Exception {
        Path file = folder.resolve("vendor.csv");
        Files.writeString(file, "Tag No,Vendor Name,Build\nA-1,Baxter,06.10\n");

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString(), "--map", "Tag No=Asset Tag",
                "--map", "Vendor Name=Manufacturer", "--map", "build=software version");
        Run csv = run("--data-dir", dataDir(), "devices", "list", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(csv.out().lines().toList().get(1)).startsWith("A-1,,Baxter,,").contains(",06.10,");
    }

    @Test
    void mapOptionWithUnknownHeaderIsUsageError() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString(), "--map", "Colour=Notes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has no column headed 'Colour'");
    }

    @Test
    void mapOptionStealingFieldIsUsageError() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString(), "--map", "Make=Model");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid --map 'Make=Model': column 'Model No.' already fills Model;");
    }

    @Test
    void mapOptionCanMoveAFieldBetweenColumns() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString(), "--map", "Make=Model", "--map", "Model No.=");
        Run csv = run("--data-dir", dataDir(), "devices", "list", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(csv.out().lines().toList().get(1)).startsWith("LAB-100,,,Beckman Coulter,");
    }

    @Test
    void emptyDataDirIsUsageError() {
        Run run = run("--data-dir", "", "devices", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--data-dir needs a folder; it was empty");
    }

    @Test
    void helpCommandShowsCommandUsage() {
        Run run = run("help", "import");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: patchdesk import ");
    }

    @Test
    void mapOptionWithUnknownFieldIsUsageError() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString(), "--map", "Tag=Colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'Colour' is not a PatchDesk field");
    }

    @Test
    void fileWithoutImportableRowsFails() throws Exception {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "Asset Tag,MAC Address\nA-1,not-a-mac\n");

        Run run = run("--data-dir", dataDir(), "import", "inventory", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No row of bad.csv could be imported (1 rejected)")
                .contains("Row 2, column 'MAC Address': 'not-a-mac' is not a valid MAC address");
    }

    @Test
    void unreadableFileFails() {
        Run run = run("--data-dir", dataDir(), "import", "inventory", folder.resolve("missing.xlsx").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("missing.xlsx does not exist");
    }

    @Test
    void unknownCommandIsUsageError() {
        Run run = run("--data-dir", dataDir(), "frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument");
    }

    @Test
    void groupWithoutCommandIsUsageError() {
        Run run = run("--data-dir", dataDir(), "import");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: choose one of inventory");
    }

    @Test
    void everyCommandHasHelp() {
        List<String[]> commands = List.of(new String[] {"--help"}, new String[] {"import", "--help"},
                new String[] {"import", "inventory", "--help"}, new String[] {"export", "inventory", "--help"},
                new String[] {"devices", "list", "--help"}, new String[] {"demo", "generate", "--help"});
        for (String[] command : commands) {
            Run run = run(command);

            String name = String.join(" ", List.of(command).subList(0, command.length - 1));
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.out()).as(name).startsWith(("Usage: patchdesk " + name).strip() + " ");
        }
    }

    @Test
    void exportWritesWorkbook() throws Exception {
        Path file = TestSites.copyResource("/import/lab-pipe.csv", folder);
        run("--data-dir", dataDir(), "import", "inventory", file.toString());
        Path target = folder.resolve("out.xlsx");

        Run run = run("--data-dir", dataDir(), "export", "inventory", target.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Exported 2 devices to " + target + "\n");
        OPCPackage pkg = OPCPackage.open(target.toFile(), PackageAccess.READ);
        try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            assertThat(workbook.getSheet("Inventory").getLastRowNum()).isEqualTo(2);
        } finally {
            pkg.revert();
        }
    }

    @Test
    void exportToNonXlsxIsUsageError() {
        Run run = run("--data-dir", dataDir(), "export", "inventory", folder.resolve("out.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must end in .xlsx");
    }

    @Test
    void devicesListTableShowsMainColumns() throws Exception {
        Path file = TestSites.copyResource("/import/legacy-devices.xls", folder);
        run("--data-dir", dataDir(), "import", "inventory", file.toString());

        Run run = run("--data-dir", dataDir(), "devices", "list");

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Asset Tag  Manufacturer").contains("Clinical Criticality");
        assertThat(lines.get(1)).startsWith("00777").contains("Hamilton Medical").contains("Life-sustaining (assumed)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("2 devices");
    }

    @Test
    void lockedDataFolderExitsWithThree() throws Exception {
        Path data = folder.resolve("data");
        try (Workspace held = Workspace.open(data, TestSites.CLOCK)) {

            Run run = run("--data-dir", data.toString(), "devices", "list");

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("PatchDesk is already open on " + data + "\n");
            assertThat(held.folder()).isEqualTo(data);
        }
    }

    @Test
    void damagedDatabaseExitsWithThree() throws Exception {
        Path data = folder.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("patchdesk.mv.db"), "a file that was overwritten by accident and is no database");

        Run run = run("--data-dir", data.toString(), "devices", "list");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("patchdesk.mv.db");
    }

    @Test
    void secondProcessOnSameFolderChangesNothing() throws Exception {
        Path data = folder.resolve("data");
        try (Workspace held = Workspace.open(data, TestSites.CLOCK); var site = held.openSite()) {
            List<Path> before = listFiles(data);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                    "--data-dir", data.toString(), "import", "inventory", TestSites.copyResource("/import/lab-pipe.csv", folder).toString()));

            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);

            assertThat(finished).isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(err).contains("PatchDesk is already open on " + data);
            assertThat(listFiles(data)).isEqualTo(before);
            assertThat(site.devices().count()).isZero();
        }
    }

    private static List<Path> listFiles(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.sorted().toList();
        }
    }
}
