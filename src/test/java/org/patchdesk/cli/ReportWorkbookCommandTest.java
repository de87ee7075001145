package org.patchdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.reports.workbook.AuditWorkbook;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/** The report workbook command, run as a user runs it. */
class ReportWorkbookCommandTest {

    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void addDevice() {
        try (Services services = TestSites.open(folder.resolve("data"))) {
            services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-0001").set(DeviceField.DEPARTMENT, "ICU"),
                    TestSites.TECHNICIAN);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), TestSites.CLOCK,
                Workspace::open);
        int code = CommandLineRunner.run(args, context, dataFolder -> {
            throw new AssertionError("The window must not open in a command-line test");
        }, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void workbookWrittenWithEverySheet() throws Exception {
        Path target = folder.resolve("audit.xlsx");

        Run run = run("report", "workbook", target.toString(), "--from", "2026-01-01", "--to", "2026-12-04");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote the audit workbook to " + target).containsPattern("Inventory\\s+1 row\\R");
        try (XSSFWorkbook book = new XSSFWorkbook(OPCPackage.open(target.toFile(), PackageAccess.READ))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactlyElementsOf(AuditWorkbook.SHEETS);
        }
    }

    @Test
    void badDateNamesOption() {
        Run run = run("report", "workbook", folder.resolve("audit.xlsx").toString(), "--from", "2026-13-01");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--from '2026-13-01' is not a date");
        assertThat(folder.resolve("audit.xlsx")).doesNotExist();
    }

    @Test
    void reversedRangeIsUsageError() {
        Run run = run("report", "workbook", folder.resolve("audit.xlsx").toString(), "--from", "2026-12-01", "--to", "2026-11-01");

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("--to 2026-11-01 is before --from 2026-12-01");
    }

    @Test
    void wrongExtensionIsUsageError() {
        Run run = run("report", "workbook", folder.resolve("audit.csv").toString());

        assertThat(run.exitCode()).isEqualTo(CommandLineRunner.EXIT_USAGE);
        assertThat(run.err()).contains("must end in .xlsx");
    }
}
