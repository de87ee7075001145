package org.patchdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.reports.ReportDocument.Column;
import org.patchdesk.reports.ReportDocument.KeyValue;

class ReportDocumentTest {

    @TempDir
    Path folder;

    @Test
    void longTableRepeatsHeaderAndKeepsEveryRow() throws IOException {
        Path pdf = folder.resolve("table.pdf");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            rows.add(List.of(String.format("R%03d", i), "A value long enough to wrap onto a second line inside this narrow cell " + i,
                    "x"));
        }

        try (ReportDocument document = new ReportDocument("Site", "Table")) {
            document.heading("Rows").table(List.of(Column.text("Key", 1), Column.text("Wrapped value", 2), Column.checkBox("Done", 0.6f)),
                    rows);
            assertThat(document.pageCount()).isGreaterThan(3);
            document.save(pdf);
        }

        List<String> pages = WorkOrderPdfTest.pages(pdf);
        for (int page = 0; page < pages.size(); page++) {
            assertThat(pages.get(page)).as("page %d", page + 1).contains("Key Wrapped value Done")
                    .contains("Page " + (page + 1) + " of " + pages.size());
        }
        String all = String.join(" ", pages);
        for (int i = 1; i <= 150; i++) {
            assertThat(all).contains(String.format("R%03d", i));
        }
    }

    @Test
    void notesTakeLessRoomThanParagraphs() throws IOException {
        String text = "An assumption written in small print under the figures of a one-page report, long enough to wrap once.";
        int paragraphPages;
        try (ReportDocument document = new ReportDocument("Site", "Paragraphs")) {
            for (int i = 0; i < 80; i++) {
                document.paragraph(text);
            }
            paragraphPages = document.pageCount();
        }
        Path pdf = folder.resolve("notes.pdf");

        try (ReportDocument document = new ReportDocument("Site", "Notes")) {
            for (int i = 0; i < 80; i++) {
                document.note(text + " Note " + i + ".");
            }
            assertThat(document.pageCount()).isLessThan(paragraphPages);
            document.save(pdf);
        }

        String all = String.join(" ", WorkOrderPdfTest.pages(pdf));
        assertThat(all).contains("Note 0.").contains("Note 79.");
    }

    @Test
    void demoSiteMarksEveryPage() throws IOException {
        Path demo = folder.resolve("demo.pdf");
        Path real = folder.resolve("real.pdf");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("Row " + i, "value " + i));
        }

        for (ReportSite site : List.of(new ReportSite("Demo Hospital", true), ReportSite.of("General Hospital"))) {
            try (ReportDocument document = new ReportDocument(site, "Marked")) {
                document.table(List.of(Column.text("Key", 1), Column.text("Value", 2)), rows);
                document.save(site.demo() ? demo : real);
            }
        }

        List<String> demoPages = WorkOrderPdfTest.pages(demo);
        assertThat(demoPages).hasSizeGreaterThan(1);
        for (int page = 0; page < demoPages.size(); page++) {
            assertThat(demoPages.get(page)).as("page %d", page + 1).contains(ReportSite.DEMO_MARK);
        }
        assertThat(String.join(" ", WorkOrderPdfTest.pages(real))).doesNotContain("Demo data");
    }

    @Test
    void rowTallerThanAPageContinuesOnTheNext() throws IOException {
        Path pdf = folder.resolve("tall.pdf");
        String tall = String.join("\n", java.util.Collections.nCopies(90, "line")) + "\nlast line of the tall cell";

        try (ReportDocument document = new ReportDocument("Site", "Tall")) {
            document.table(List.of(Column.text("Name", 1), Column.text("Notes", 3)), List.of(List.of("first", tall), List.of("second", "")));
            document.save(pdf);
        }

        List<String> pages = WorkOrderPdfTest.pages(pdf);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("Name Notes").contains("first");
        assertThat(pages.get(1)).contains("Name Notes").contains("last line of the tall cell").contains("second");
    }

    @Test
    void charactersTheFontsLackAreReplaced() throws IOException {
        Path pdf = folder.resolve("characters.pdf");

        try (ReportDocument document = new ReportDocument("Clínica São José", "Ω check ≥ 2")) {
            document.heading("Gerät ≥ 2 → 中文")
                    .paragraph("Résumé: Ω 5 kΩ, “quoted”, tab\there, emoji 💉 and 中文 end.")
                    .keyValues(List.of(KeyValue.of("Empty", " "), KeyValue.of("Model", "Infusomat® Space")))
                    .checkBox("Checked ✓")
                    .signatureLines(List.of("Biomed ✓"));
            document.save(pdf);
        }

        String all = String.join(" ", WorkOrderPdfTest.pages(pdf));
        assertThat(all).contains("Clínica São José").contains("Gerät ≥ 2 → ??")
                .contains("Résumé: Ω 5 kΩ, “quoted”, tab here, emoji ? and ?? end.")
                .contains("Empty —").contains("Model Infusomat® Space").contains("Checked v").contains("Biomed v")
                .contains("Clínica São José Ω check ≥ 2").contains("Printed name Role or title Date and time Signature");
    }

    @Test
    void wordsWiderThanACellAreBroken() throws IOException {
        Path pdf = folder.resolve("narrow.pdf");
        String word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        try (ReportDocument document = new ReportDocument("Site", "Narrow")) {
            document.table(List.of(Column.text("N", 0.3f), Column.text("Rest", 5)), List.of(List.of(word, "rest")));
            document.save(pdf);
        }

        String all = WorkOrderPdfTest.pages(pdf).get(0).replace(" ", "");
        assertThat(all).contains(word);
    }

    @Test
    void rowWithTooManyCellsIsRejected() throws IOException {
        try (ReportDocument document = new ReportDocument("Site", "Bad")) {
            assertThatThrownBy(() -> document.table(List.of(Column.text("One", 1)), List.of(List.of("a"), List.of("b", "c"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Table row 2 has 2 cells but the table has 1 columns");
        }
    }

    @Test
    void savedDocumentTakesNoMoreContent() throws IOException {
        try (ReportDocument document = new ReportDocument("Site", "Once")) {
            document.paragraph("text").pageBreak().paragraph("second page");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);

            assertThat(out.toByteArray()).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(document.pageCount()).isEqualTo(2);
            assertThatThrownBy(() -> document.paragraph("more").pageBreak()).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.list(folder)).isEmpty();
    }

    @Test
    void contentsNamePagesOfSections() throws IOException {
        Path pdf = folder.resolve("contents.pdf");
        List<String> titles = List.of("First part", "Second part", "Third part");

        try (ReportDocument document = new ReportDocument("Site", "Contents")) {
            document.title("A report").tableOfContents(titles);
            document.section("First part", true).paragraph("One");
            document.section("Second part", false).paragraph("Two\n".repeat(120));
            document.section("Third part", true).paragraph("Three");
            assertThat(document.sections()).extracting(ReportDocument.Section::page).containsExactly(2, 2, 5);
            document.save(pdf);
        }

        List<String> pages = WorkOrderPdfTest.pages(pdf);
        assertThat(pages.get(0)).contains("First part").contains("Third part");
        assertThat(pages.get(0).replaceAll("[ .]+", " ")).contains("First part 2").contains("Second part 2").contains("Third part 5");
        assertThat(pages.get(4)).contains("Third part").contains("Three");
    }

    @Test
    void contentsWithoutSectionRejected() {
        try (ReportDocument document = new ReportDocument("Site", "Contents")) {
            document.tableOfContents(List.of("Never started"));

            assertThatThrownBy(() -> document.save(new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Never started");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void contentsTitleListedTwiceRejected() throws IOException {
        try (ReportDocument document = new ReportDocument("Site", "Contents")) {
            assertThatThrownBy(() -> document.tableOfContents(List.of("Part", "Part")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Part' twice");
        }
    }

    @Test
    void imageScaledIntoItsBox() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (ReportDocument document = new ReportDocument("Site", "Image")) {
            document.image(image, 200, 200);
            document.save(out);
        }

        try (org.apache.pdfbox.pdmodel.PDDocument read = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
            var resources = read.getPage(0).getResources();
            var name = resources.getXObjectNames().iterator().next();
            var picture = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) resources.getXObject(name);
            assertThat(picture.getWidth()).isEqualTo(400);
            assertThat(picture.getHeight()).isEqualTo(100);
        }
        try (ReportDocument document = new ReportDocument("Site", "Image")) {
            assertThatThrownBy(() -> document.image(image, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
