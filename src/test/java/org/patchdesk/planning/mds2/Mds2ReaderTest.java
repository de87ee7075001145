package org.patchdesk.planning.mds2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.planning.Patchability;
import org.patchdesk.testing.TestSites;

class Mds2ReaderTest {

    @TempDir
    Path folder;

    private final Mds2Reader reader = new Mds2Reader();

    private Mds2Form read(String name) throws Exception {
        return reader.read(TestSites.copyResource("/mds2/" + name, folder));
    }

    private static Map<Mds2Answer.Kind, Integer> kinds(Mds2Form form) {
        Map<Mds2Answer.Kind, Integer> counts = new TreeMap<>();
        form.sections().forEach(section -> section.answers().forEach(answer -> counts.merge(answer.kind(), 1, Integer::sum)));
        return counts;
    }

    private static Mds2Suggestion suggestion(List<Mds2Suggestion> suggestions, Mds2Suggestion.Topic topic) {
        return suggestions.stream().filter(suggestion -> suggestion.topic() == topic).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion about " + topic));
    }

    @Test
    void nemaExampleReadsEveryAnswer() throws Exception {
        Path file = TestSites.copyResource("/mds2/Example-MDS2-Worksheet.xlsx", folder);
        byte[] before = Files.readAllBytes(file);

        Mds2Form form = reader.read(file);

        assertThat(Files.readAllBytes(file)).as("the workbook is left as it was").isEqualTo(before);

        assertThat(form.sheet()).isEqualTo("mds2-form");
        assertThat(form.questionCount()).isEqualTo(240);
        assertThat(form.sections()).extracting(Mds2Section::code).containsExactly("DOC", "MPII", "ALOF", "AUDT", "AUTH", "CSUP", "DIDT",
                "DTBK", "EMRG", "IGAU", "MLDP", "NAUT", "CONN", "PAUT", "PLOK", "RDMP", "SBOM", "SAHD", "SGUD", "STCF", "TXCF", "TXIG",
                "RMOT");
        assertThat(kinds(form)).containsExactlyEntriesOf(new TreeMap<>(Map.of(Mds2Answer.Kind.YES, 29, Mds2Answer.Kind.NO, 112,
                Mds2Answer.Kind.NOT_APPLICABLE, 90, Mds2Answer.Kind.SEE_NOTE, 2, Mds2Answer.Kind.TEXT, 7)));
        assertThat(form.notes()).hasSize(8);
        assertThat(form.manufacturer()).as("DOC-1 is Hidden").isEmpty();
        assertThat(form.answer("DOC-2").orElseThrow().answer()).isEqualTo("Handheld Blood Glucose Monitor");
        assertThat(form.releaseDate()).contains("2019-10-09");
    }

    @Test
    void notesAndTyposStayWithTheirQuestions() throws Exception {
        Mds2Form form = read("Example-MDS2-Worksheet.xlsx");

        Mds2Answer diagram = form.answer("DOC-10").orElseThrow();
        assertThat(diagram.kind()).isEqualTo(Mds2Answer.Kind.SEE_NOTE);
        assertThat(diagram.noteRef()).isEqualTo("1");
        assertThat(diagram.note()).startsWith("The device is a battery powered, hand held, personal blood glucose monitor.");
        Mds2Section hardening = form.sections().stream().filter(section -> section.code().equals("SAHD")).findFirst().orElseThrow();
        assertThat(hardening.title()).isEqualTo("SYSTEM AND APPLICATION HARDENING (SAHD)");
        assertThat(hardening.answers()).extracting(Mds2Answer::id).contains("SHAD-15");
        assertThat(form.answer("MLDP-3").orElseThrow().note()).isEqualTo(
                "Firmware can only be modified by use of proprietary cable and software from a PC.");
    }

    @Test
    void nemaExampleSuggestsNoPatchPath() throws Exception {
        List<Mds2Suggestion> suggestions = Mds2Suggestions.derive(read("Example-MDS2-Worksheet.xlsx"));

        assertThat(suggestions).extracting(Mds2Suggestion::topic).doesNotContain(Mds2Suggestion.Topic.PATCHABILITY);
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.REMOTE_SERVICE).value()).isEqualTo("no");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.EXTERNAL_CONNECTIONS).value()).isEqualTo("none");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.SBOM).value()).isEqualTo("no");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.COMPENSATING_CONTROLS).questionIds()).containsExactly("MLDP-3");
    }

    @Test
    void filledExampleSuggestsVendorInstalledPatches() throws Exception {
        Mds2Form form = read("Example-MDS2-Worksheet-filled.xlsx");
        List<Mds2Suggestion> suggestions = Mds2Suggestions.derive(form);

        assertThat(form.manufacturer()).contains("Example Medical Systems");
        assertThat(form.model()).contains("EMS-900");
        assertThat(form.documentId()).contains("EMS-900-MDS2-r3");
        assertThat(kinds(form)).containsExactlyEntriesOf(new TreeMap<>(Map.of(Mds2Answer.Kind.YES, 40, Mds2Answer.Kind.NO, 111,
                Mds2Answer.Kind.NOT_APPLICABLE, 80, Mds2Answer.Kind.SEE_NOTE, 2, Mds2Answer.Kind.TEXT, 7)));
        Mds2Suggestion patchability = suggestion(suggestions, Mds2Suggestion.Topic.PATCHABILITY);
        assertThat(patchability.value()).isEqualTo(Patchability.VENDOR_ONLY.word());
        assertThat(patchability.questionIds()).containsExactly("CSUP-2.2", "CSUP-2.3");
        assertThat(patchability.reason()).contains("operating system").contains("remotely");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.REMOTE_SERVICE).value()).isEqualTo("yes");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.EXTERNAL_CONNECTIONS).questionIds()).containsExactly("CONN-4");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.SBOM).value()).isEqualTo("yes");
        assertThat(suggestion(suggestions, Mds2Suggestion.Topic.ANTI_MALWARE).value()).isEqualTo("no");
    }

    @Test
    void movedColumnsAndExtraSheetsAreRead() throws Exception {
        Path file = folder.resolve("vendor-mds2.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Cover").createRow(0).createCell(0).setCellValue("Vendor X security disclosure");
            Sheet form = workbook.createSheet("Form");
            String[][] rows = {
                {"", "Question ID", "Question", "Answer", "See note"},
                {"", "DOC-1", "Manufacturer Name", "Vendor X", ""},
                {"", "DOC-3", "Device Model", "VX-1", ""},
                {"", "", "CYBER SECURITY PRODUCT UPGRADES (CSUP)", "", ""},
                {"", "CSUP-1", "Software that may require security updates?", "Yes", ""},
                {"", "CSUP-2", "Operating system?", "Yes", ""},
                {"", "CSUP-2.1", "Instructions for owner installation?", "Yes", "See Note 1"},
                {"", "CSUP-2.2", "Vendor installation required?", "No", ""},
                {"", "CSUP-2.3", "Remote installation?", "", ""},
                {"", "CSUP-11.1", "Review and approval status of updates?", "yes ", ""},
                {"", "", "REMOTE SERVICE (RMOT)", "", ""},
                {"", "RMOT-1", "Remote service connections?", "No", ""},
                {"", "SBOM-1", "SBOM available?", "See notes", ""},
                {"", "Note 1", "Install only updates listed on the vendor portal.", "", ""},
            };
            for (int i = 0; i < rows.length; i++) {
                Row row = form.createRow(i + 2);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            workbook.write(out);
        }

        Mds2Form form = reader.read(file);
        List<Mds2Suggestion> suggestions = Mds2Suggestions.derive(form);

        assertThat(form.sheet()).isEqualTo("Form");
        assertThat(form.questionCount()).isEqualTo(10);
        assertThat(form.model()).contains("VX-1");
        assertThat(form.answer("CSUP-2.1").orElseThrow().note()).isEqualTo("Install only updates listed on the vendor portal.");
        assertThat(form.answer("CSUP-2.3").orElseThrow().kind()).isEqualTo(Mds2Answer.Kind.EMPTY);
        assertThat(form.answer("SBOM-1").orElseThrow().kind()).isEqualTo(Mds2Answer.Kind.SEE_NOTE);
        Mds2Suggestion patchability = suggestion(suggestions, Mds2Suggestion.Topic.PATCHABILITY);
        assertThat(patchability.value()).isEqualTo(Patchability.OWNER_AFTER_VALIDATION.word());
        assertThat(patchability.questionIds()).containsExactly("CSUP-2.1", "CSUP-11.1");
        assertThat(suggestions).extracting(Mds2Suggestion::topic).doesNotContain(Mds2Suggestion.Topic.SBOM);
    }

    @Test
    void otherWorkbookIsRejected() throws Exception {
        Path kev = TestSites.copyResource("/intel/kev/known_exploited_vulnerabilities.csv", folder);

        assertThatThrownBy(() -> reader.read(kev)).isInstanceOf(Mds2FormatException.class)
                .hasMessageStartingWith("known_exploited_vulnerabilities.csv is not an MDS2 form");
    }
}
