package org.patchdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.cli.CliContext;
import org.patchdesk.cli.CommandLineRunner;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.planning.mds2.Mds2FormatException;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

class Mds2ServiceTest {

    @TempDir
    Path folder;

    private Services services;
    private Device pumpServer;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        pumpServer = services.devices().create(new DeviceValues()
                .set(DeviceField.ASSET_TAG, "EMS-1")
                .set(DeviceField.MANUFACTURER, "Example Medical Systems")
                .set(DeviceField.MODEL, "EMS-900"), TestSites.TECHNICIAN);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private long productId() {
        return services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT product_id FROM device WHERE id = :id")
                .bind("id", pumpServer.id()).mapTo(Long.class).one());
    }

    private int count(String sql) {
        return services.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void filledFormIsStoredWithProposedSuggestions() throws Exception {
        Path file = TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", folder);

        Mds2Service.ImportResult result = services.mds2().importForm(file, "example medical systems", "EMS 900", null,
                TestSites.TECHNICIAN);

        List<Mds2Dao.FormRow> forms = services.mds2().formsOf(productId());
        assertThat(forms).singleElement().satisfies(form -> {
            assertThat(form.documentId()).isEqualTo("EMS-900-MDS2-r3");
            assertThat(form.questions()).isEqualTo(240);
            assertThat(form.fileSha256()).hasSize(64);
        });
        assertThat(count("SELECT COUNT(*) FROM mds2_answer")).isEqualTo(240);
        assertThat(services.mds2().suggestionsOf(result.formId())).hasSize(6)
                .allSatisfy(suggestion -> assertThat(suggestion.decision()).isEqualTo("proposed"))
                .anySatisfy(suggestion -> {
                    assertThat(suggestion.topic()).isEqualTo("PATCHABILITY");
                    assertThat(suggestion.suggested()).isEqualTo(Patchability.VENDOR_ONLY.word());
                    assertThat(suggestion.questionIds()).isEqualTo("CSUP-2.2, CSUP-2.3");
                });
        assertThat(result.describe()).startsWith("Imported the MDS2 form EMS-900-MDS2-r3 from Example-MDS2-Worksheet-filled.xlsx for"
                + " Example Medical Systems EMS-900: 240 questions in 23 sections, 8 notes.")
                .contains("Patchability: vendor-only (CSUP-2.2, CSUP-2.3)")
                .doesNotContain("Check the form");
        assertThat(result.mismatch()).isNull();
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'mds2_form'")).isEqualTo(1);
    }

    @Test
    void formOfAnotherProductIsFlagged() throws Exception {
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, "PUMP-1").set(DeviceField.MANUFACTURER, "Fresenius Kabi")
                .set(DeviceField.MODEL, "Agilia Link+"), TestSites.TECHNICIAN);
        Path file = TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", folder);

        Mds2Service.ImportResult result = services.mds2().importForm(file, "Fresenius Kabi", "Agilia Link+", null, TestSites.TECHNICIAN);

        assertThat(result.mismatch()).isEqualTo("Check the form: it names Example Medical Systems EMS-900, not Fresenius Kabi Agilia"
                + " Link+. Accept its suggestions only if it describes this product.");
        assertThat(result.describe().lines()).element(1).isEqualTo(result.mismatch());
    }

    @Test
    void unknownProductOrFileChangesNothing() throws Exception {
        Path form = TestSites.copyResource("/mds2/Example-MDS2-Worksheet.xlsx", folder);
        Path other = TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities.csv", folder);

        assertThatThrownBy(() -> services.mds2().importForm(form, "Example Medical Systems", "EMS-9000", null, TestSites.TECHNICIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No inventory product is Example Medical Systems EMS-9000");
        assertThatThrownBy(() -> services.mds2().importForm(other, "Example Medical Systems", "EMS-900", null, TestSites.TECHNICIAN))
                .isInstanceOf(Mds2FormatException.class)
                .hasMessageContaining("known_exploited_vulnerabilities.csv is not an MDS2 form");
        assertThat(count("SELECT COUNT(*) FROM mds2_form")).isZero();
        assertThat(count("SELECT COUNT(*) FROM mds2_answer")).isZero();
    }

    @Test
    void commandPrintsTheSuggestions() throws Exception {
        Path file = TestSites.copyResource("/mds2/Example-MDS2-Worksheet-filled.xlsx", folder);
        services.close();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of("PATCHDESK_DATA_DIR", folder.resolve("data").toString()), TestSites.CLOCK,
                Workspace::open);

        int code = CommandLineRunner.run(new String[] {"import", "mds2", file.toString(), "--manufacturer", "Example Medical Systems",
                "--model", "EMS-900", "--version", "3.x"}, context, dataFolder -> {
                    throw new AssertionError("The window must not open in a command-line test");
                }, new PrintWriter(out), new PrintWriter(err));
        int missing = CommandLineRunner.run(new String[] {"import", "mds2", folder.resolve("none.xlsx").toString(), "--manufacturer",
                "Example Medical Systems", "--model", "EMS-900"}, context, dataFolder -> {
                    throw new AssertionError("The window must not open in a command-line test");
                }, new PrintWriter(out), new PrintWriter(err));
        services = TestSites.open(folder.resolve("data"));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Suggestions, applied only once accepted:").contains("SBOM: yes (SBOM-1)");
        assertThat(services.mds2().formsOf(productId())).singleElement()
                .satisfies(form -> assertThat(form.versionText()).isEqualTo("3.x"));
        assertThat(missing).isEqualTo(1);
        assertThat(err.toString()).contains("none.xlsx");
    }
}
