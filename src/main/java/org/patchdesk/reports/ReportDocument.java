package org.patchdesk.reports;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.patchdesk.common.AtomicFiles;

/**
 * A printable document on US Letter pages, written top to bottom: titles, headings, paragraphs,
 * key/value blocks, tables, images, check boxes, signature lines, and a table of contents whose page
 * numbers are filled in on saving. Every page gets a running header with the site
 * and the title, a demo mark under it when the site is the demo database, and a footer with an
 * optional note and "Page n of m". Text wraps to the width
 * it is given; characters the fonts cannot draw are replaced (see {@link ReportFonts}).
 *
 * <p>Content calls return the document, so that a report reads as one chain. {@link #save} adds
 * headers and footers and writes the file; the document takes no content after it.
 */
public final class ReportDocument implements AutoCloseable {

    /** One line of a key/value block; a null or blank value prints as an em dash. */
    public record KeyValue(String key, String value) {

        public static KeyValue of(String key, String value) {
            return new KeyValue(key, value);
        }
    }

    /**
     * A table column. {@code weight} sets its share of the table width. A check box column draws an
     * empty box in each row, followed by the cell's text, if any.
     */
    public record Column(String title, float weight, boolean checkBox) {

        public Column {
            Objects.requireNonNull(title, "title");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("Column '" + title + "' needs a positive weight, not " + weight);
            }
        }

        public static Column text(String title, float weight) {
            return new Column(title, weight, false);
        }

        public static Column checkBox(String title, float weight) {
            return new Column(title, weight, true);
        }
    }

    static final float PAGE_WIDTH = PDRectangle.LETTER.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();
    /** Three quarters of an inch on the left and right. */
    static final float MARGIN = 54;
    static final float CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final float CONTENT_TOP = PAGE_HEIGHT - 66;
    private static final float CONTENT_BOTTOM = 58;
    private static final float HEADER_BASELINE = PAGE_HEIGHT - 40;
    private static final float FOOTER_BASELINE = 34;

    private static final float BODY_SIZE = 10;
    private static final float BODY_LEADING = 13;
    private static final float TITLE_SIZE = 24;
    private static final float HEADING_SIZE = 14;
    private static final float SUBHEADING_SIZE = 11.5f;
    private static final float TABLE_SIZE = 9;
    private static final float TABLE_LEADING = 11;
    private static final float CELL_PADDING = 3;
    private static final float BOX_SIZE = 8;
    private static final float SMALL_SIZE = 8;
    private static final float SMALL_LEADING = 10;
    /** The outline stroked around bold glyphs, as a share of the font size. */
    private static final float BOLD_STROKE = 0.045f;
    private static final Color RULE_GRAY = new Color(0.55f, 0.55f, 0.55f);
    private static final Color HEADER_FILL = new Color(0.9f, 0.9f, 0.9f);
    /** The yellow behind the demo mark, the color of the demo banner in the window. */
    private static final Color DEMO_FILL = new Color(1f, 0.878f, 0.51f);

    private final String site;
    private final boolean demo;
    private final String title;
    private final PDDocument document = new PDDocument();
    private final ReportFonts fonts;
    private final LineWrapper wrapper;
    private String footerNote = "";
    /** The table of contents: each reserved title, in order, to the place its line is drawn and the section it names. */
    private final Map<String, ContentsLine> contents = new LinkedHashMap<>();
    private PDPageContentStream stream;
    private float y;
    private boolean saved;

    /** Starts a document whose running header shows {@code site} on the left and {@code title} on the right. */
    public ReportDocument(String site, String title) {
        this(ReportSite.of(site == null ? "" : site), title);
    }

    /**
     * Starts a document whose running header shows the site's name on the left and {@code title} on
     * the right. A demo site adds {@link ReportSite#DEMO_MARK} under the header of every page.
     */
    public ReportDocument(ReportSite site, String title) {
        this.site = site.name();
        this.demo = site.demo();
        this.title = title == null ? "" : title;
        this.fonts = new ReportFonts(document);
        this.wrapper = new LineWrapper(fonts);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(this.title);
        info.setSubject(this.site);
        info.setCreator("PatchDesk");
        newPage();
    }

    /** Sets the text printed at the left of every footer, such as who printed the document and when. */
    public ReportDocument footerNote(String note) {
        checkOpen();
        this.footerNote = note == null ? "" : note;
        return this;
    }

    /** A section of the document: its title and the page, counted from 1, on which its heading is. */
    public record Section(String title, int page) {
    }

    /** A reserved line of the table of contents: the page index and baseline it is drawn at, and the page its section starts on. */
    private static final class ContentsLine {
        private final int pageIndex;
        private final float baseline;
        private int sectionPage;

        ContentsLine(int pageIndex, float baseline) {
            this.pageIndex = pageIndex;
            this.baseline = baseline;
        }
    }

    /** Adds a large bold title, for a cover page; long titles wrap. */
    public ReportDocument title(String text) {
        return headingOf(text, TITLE_SIZE, 24);
    }

    /**
     * Reserves a table of contents here: one line per title, filled in with the section's page
     * number when the document is saved. Each title must later start a {@link #section}.
     *
     * @throws IllegalArgumentException when a title is blank or listed twice
     * @throws IllegalStateException    when the document already has a table of contents
     */
    public ReportDocument tableOfContents(List<String> titles) {
        checkOpen();
        if (!contents.isEmpty()) {
            throw new IllegalStateException("The document already has a table of contents");
        }
        for (String title : titles) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("A table of contents entry needs a title");
            }
            if (contents.containsKey(title)) {
                throw new IllegalArgumentException("The table of contents lists '" + title + "' twice");
            }
            ensureRoom(BODY_LEADING + 4);
            y -= BODY_LEADING + 4;
            contents.put(title, new ContentsLine(document.getNumberOfPages() - 1, y + 3));
        }
        y -= 6;
        return this;
    }

    /**
     * Starts a section: a heading, on a new page when {@code newPage} is true, whose page the table
     * of contents names when it lists {@code title}.
     */
    public ReportDocument section(String title, boolean newPage) {
        if (newPage) {
            pageBreak();
        }
        heading(title);
        ContentsLine line = contents.get(title);
        if (line != null) {
            line.sectionPage = document.getNumberOfPages();
        }
        return this;
    }

    /** Returns the sections listed in the table of contents, with their pages; a page is 0 while its section has not started. */
    public List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        contents.forEach((title, line) -> sections.add(new Section(title, line.sectionPage)));
        return sections;
    }

    /**
     * Adds an image scaled to fit {@code maxWidth} by {@code maxHeight} points, keeping its aspect
     * ratio, at the left margin; it moves to the next page when it does not fit on this one. A
     * bitmap drawn at twice the size it is shown prints sharp.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public ReportDocument image(BufferedImage image, float maxWidth, float maxHeight) {
        checkOpen();
        if (!(maxWidth > 0) || !(maxHeight > 0)) {
            throw new IllegalArgumentException("An image needs a positive width and height, not " + maxWidth + " by " + maxHeight);
        }
        float scale = Math.min(Math.min(maxWidth, CONTENT_WIDTH) / image.getWidth(), Math.min(maxHeight, usableHeight()) / image.getHeight());
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        ensureRoom(height + 4);
        y -= height + 4;
        try {
            PDImageXObject picture = LosslessFactory.createFromImage(document, image);
            stream.drawImage(picture, MARGIN, y, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("Adding an image to the PDF failed", e);
        }
        y -= 6;
        return this;
    }

    /** Adds a bold heading, moved to the next page when fewer than three lines of content would follow it. */
    public ReportDocument heading(String text) {
        return headingOf(text, HEADING_SIZE, 14);
    }

    /** Adds a smaller bold heading, for the parts of a section. */
    public ReportDocument subheading(String text) {
        return headingOf(text, SUBHEADING_SIZE, 8);
    }

    private ReportDocument headingOf(String text, float size, float spaceBefore) {
        checkOpen();
        List<String> lines = wrapper.wrap(text, size, CONTENT_WIDTH);
        float leading = size * 1.25f;
        if (!atPageTop()) {
            y -= spaceBefore;
        }
        ensureRoom(lines.size() * leading + 3 * BODY_LEADING);
        for (String line : lines) {
            y -= leading;
            showText(true, size, MARGIN, y + 0.25f * leading, line);
        }
        y -= 4;
        return this;
    }

    /** Adds a paragraph of wrapped text; line breaks in {@code text} start new lines. */
    public ReportDocument paragraph(String text) {
        checkOpen();
        for (String line : wrapper.wrap(text, BODY_SIZE, CONTENT_WIDTH)) {
            ensureRoom(BODY_LEADING);
            y -= BODY_LEADING;
            showText(false, BODY_SIZE, MARGIN, y + 3, line);
        }
        y -= 4;
        return this;
    }

    /**
     * Adds a paragraph in small print, for notes such as the assumptions under a one-page report;
     * line breaks in {@code text} start new lines.
     */
    public ReportDocument note(String text) {
        checkOpen();
        for (String line : wrapper.wrap(text, SMALL_SIZE, CONTENT_WIDTH)) {
            ensureRoom(SMALL_LEADING);
            y -= SMALL_LEADING;
            showText(false, SMALL_SIZE, MARGIN, y + 2.5f, line);
        }
        y -= 3;
        return this;
    }

    /** Adds key/value lines: bold keys in a column, values wrapped beside them. */
    public ReportDocument keyValues(List<KeyValue> pairs) {
        checkOpen();
        float keyWidth = CONTENT_WIDTH * 0.28f;
        float valueX = MARGIN + keyWidth + 8;
        float valueWidth = CONTENT_WIDTH - keyWidth - 8;
        for (KeyValue pair : pairs) {
            List<String> keyLines = wrapper.wrap(pair.key(), BODY_SIZE, keyWidth);
            String value = pair.value() == null || pair.value().isBlank() ? "—" : pair.value();
            List<String> valueLines = wrapper.wrap(value, BODY_SIZE, valueWidth);
            int count = Math.max(keyLines.size(), valueLines.size());
            if (count * BODY_LEADING <= usableHeight()) {
                ensureRoom(count * BODY_LEADING);
            }
            for (int i = 0; i < count; i++) {
                ensureRoom(BODY_LEADING);
                y -= BODY_LEADING;
                if (i < keyLines.size()) {
                    showText(true, BODY_SIZE, MARGIN, y + 3, keyLines.get(i));
                }
                if (i < valueLines.size()) {
                    showText(false, BODY_SIZE, valueX, y + 3, valueLines.get(i));
                }
            }
            y -= 2;
        }
        y -= 4;
        return this;
    }

    /**
     * Adds a table with a shaded header row that is repeated at the top of every page the table
     * continues on. Cells wrap to their column's width; a row taller than a page is split between pages.
     *
     * @throws IllegalArgumentException when a row has more cells than there are columns
     */
    public ReportDocument table(List<Column> columns, List<List<String>> rows) {
        checkOpen();
        new TableLayout(this, columns).draw(rows);
        y -= 8;
        return this;
    }

    /**
     * Adds wrapped lines inside a ruled box, the first line bold, for what a reader must not miss,
     * such as a failed check. A line break in a line starts a new line. The box moves to the next
     * page when it does not fit on this one; lines taller than a page print as paragraphs, unboxed.
     */
    public ReportDocument box(List<String> lines) {
        checkOpen();
        float padding = 6;
        float width = CONTENT_WIDTH - 2 * padding;
        List<String> wrapped = new ArrayList<>();
        List<Boolean> bold = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String line : wrapper.wrap(lines.get(i), BODY_SIZE, width)) {
                wrapped.add(line);
                bold.add(i == 0);
            }
        }
        float height = wrapped.size() * BODY_LEADING + 2 * padding;
        if (height > usableHeight()) {
            lines.forEach(this::paragraph);
            return this;
        }
        ensureRoom(height);
        float top = y;
        y -= padding;
        for (int i = 0; i < wrapped.size(); i++) {
            y -= BODY_LEADING;
            showText(bold.get(i), BODY_SIZE, MARGIN + padding, y + 3, wrapped.get(i));
        }
        y -= padding;
        strokeRectangle(MARGIN, y, CONTENT_WIDTH, top - y, 1.2f, Color.BLACK);
        y -= 8;
        return this;
    }

    /** Adds an empty check box followed by wrapped text. */
    public ReportDocument checkBox(String text) {
        checkOpen();
        float textX = MARGIN + BOX_SIZE + 8;
        List<String> lines = wrapper.wrap(text, BODY_SIZE, CONTENT_WIDTH - BOX_SIZE - 8);
        ensureRoom(Math.min(lines.size(), 2) * BODY_LEADING);
        for (int i = 0; i < lines.size(); i++) {
            ensureRoom(BODY_LEADING);
            y -= BODY_LEADING;
            if (i == 0) {
                drawBox(MARGIN, y + 2);
            }
            showText(false, BODY_SIZE, textX, y + 3, lines.get(i));
        }
        y -= 3;
        return this;
    }

    /**
     * Adds a signature block for each role: the role, then lines for the printed name, the
     * signer's own role or title, the date and time, and the signature. A block is never split
     * between pages.
     */
    public ReportDocument signatureLines(List<String> roles) {
        checkOpen();
        float blockHeight = 74;
        float half = (CONTENT_WIDTH - 24) / 2;
        for (String role : roles) {
            ensureRoom(blockHeight);
            y -= BODY_LEADING + 2;
            showText(true, BODY_SIZE, MARGIN, y + 3, role);
            y -= 24;
            signatureField("Printed name", MARGIN, half);
            signatureField("Role or title", MARGIN + half + 24, half);
            y -= 24;
            signatureField("Date and time", MARGIN, half);
            signatureField("Signature", MARGIN + half + 24, half);
            y -= 12;
        }
        return this;
    }

    private void signatureField(String label, float x, float width) {
        float labelWidth = fonts.width(SMALL_SIZE, label) + 6;
        showText(false, SMALL_SIZE, x, y + 2, label);
        line(x + labelWidth, y, x + width, y, 0.6f, Color.BLACK);
    }

    /** Adds vertical space, in points. */
    public ReportDocument space(float points) {
        checkOpen();
        if (points > 0) {
            y -= Math.min(points, y - CONTENT_BOTTOM);
        }
        return this;
    }

    /** Starts a new page, unless the current one is still empty. */
    public ReportDocument pageBreak() {
        checkOpen();
        if (!atPageTop()) {
            newPage();
        }
        return this;
    }

    /** Returns the number of pages so far. */
    public int pageCount() {
        return document.getNumberOfPages();
    }

    /**
     * Adds the headers and footers and writes the document to {@code target}, replacing it only
     * once the whole file is written.
     */
    public void save(Path target) throws IOException {
        finish();
        AtomicFiles.write(target, document::save);
    }

    /** Adds the headers and footers and writes the document to {@code out}, which stays open. */
    public void save(OutputStream out) throws IOException {
        finish();
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        closeStream();
        document.close();
    }

    // Layout helpers shared with TableLayout.

    ReportFonts fonts() {
        return fonts;
    }

    LineWrapper wrapper() {
        return wrapper;
    }

    float y() {
        return y;
    }

    void moveDown(float points) {
        y -= points;
    }

    boolean atPageTop() {
        return y >= CONTENT_TOP;
    }

    float usableHeight() {
        return CONTENT_TOP - CONTENT_BOTTOM;
    }

    float roomLeft() {
        return y - CONTENT_BOTTOM;
    }

    /** Starts a new page when less than {@code height} points are left on this one. */
    void ensureRoom(float height) {
        if (roomLeft() < height && !atPageTop()) {
            newPage();
        }
    }

    void newPage() {
        checkOpen();
        closeStream();
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException("Starting a PDF page failed", e);
        }
        y = CONTENT_TOP;
    }

    /** Draws one line of text, replacing the characters the font cannot draw. Bold text is filled and stroked. */
    void showText(boolean bold, float size, float x, float baseline, String text) {
        String drawable = fonts.drawable(text);
        if (drawable.isBlank()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(fonts.font(), size);
            if (bold) {
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
                stream.setStrokingColor(Color.BLACK);
                stream.setLineWidth(size * BOLD_STROKE);
            }
            stream.newLineAtOffset(x, baseline);
            stream.showText(drawable);
            stream.endText();
            if (bold) {
                stream.setRenderingMode(RenderingMode.FILL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing text to the PDF failed", e);
        }
    }

    void line(float x1, float y1, float x2, float y2, float width, Color color) {
        try {
            stream.setStrokingColor(color);
            stream.setLineWidth(width);
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException("Drawing a line in the PDF failed", e);
        }
    }

    void fillRectangle(float x, float bottom, float width, float height, Color color) {
        try {
            stream.setNonStrokingColor(color);
            stream.addRect(x, bottom, width, height);
            stream.fill();
            stream.setNonStrokingColor(Color.BLACK);
        } catch (IOException e) {
            throw new UncheckedIOException("Filling a box in the PDF failed", e);
        }
    }

    void strokeRectangle(float x, float bottom, float width, float height, float lineWidth, Color color) {
        try {
            stream.setStrokingColor(color);
            stream.setLineWidth(lineWidth);
            stream.addRect(x, bottom, width, height);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException("Drawing a box in the PDF failed", e);
        }
    }

    /** Draws an empty check box whose bottom edge is at {@code bottom}. */
    void drawBox(float x, float bottom) {
        strokeRectangle(x, bottom, BOX_SIZE, BOX_SIZE, 0.8f, Color.BLACK);
    }

    static float boxSize() {
        return BOX_SIZE;
    }

    static float tableSize() {
        return TABLE_SIZE;
    }

    static float tableLeading() {
        return TABLE_LEADING;
    }

    static float cellPadding() {
        return CELL_PADDING;
    }

    static Color ruleGray() {
        return RULE_GRAY;
    }

    static Color headerFill() {
        return HEADER_FILL;
    }

    private void finish() throws IOException {
        checkOpen();
        closeStream();
        for (Map.Entry<String, ContentsLine> entry : contents.entrySet()) {
            if (entry.getValue().sectionPage == 0) {
                throw new IllegalStateException("The table of contents lists '" + entry.getKey() + "', which no section starts");
            }
        }
        saved = true;
        int total = document.getNumberOfPages();
        for (int index = 0; index < total; index++) {
            PDPage page = document.getPage(index);
            try (PDPageContentStream decoration = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                stream = decoration;
                drawHeader();
                if (demo) {
                    drawDemoMark();
                }
                drawFooter(index + 1, total);
                drawContents(index);
            } finally {
                stream = null;
            }
        }
    }

    private void drawHeader() {
        float titleMax = CONTENT_WIDTH * 0.55f;
        String titleText = fit(SMALL_SIZE + 1, title, titleMax);
        float titleWidth = fonts.width(SMALL_SIZE + 1, titleText);
        String siteText = fit(SMALL_SIZE + 1, site, CONTENT_WIDTH - titleWidth - 16);
        showText(false, SMALL_SIZE + 1, MARGIN, HEADER_BASELINE, siteText);
        showText(true, SMALL_SIZE + 1, PAGE_WIDTH - MARGIN - titleWidth, HEADER_BASELINE, titleText);
        line(MARGIN, HEADER_BASELINE - 5, PAGE_WIDTH - MARGIN, HEADER_BASELINE - 5, 0.5f, RULE_GRAY);
    }

    /** Draws the demo mark centered in the gap between the header rule and the top of the content. */
    private void drawDemoMark() {
        float size = SMALL_SIZE + 2;
        float width = fonts.width(size, ReportSite.DEMO_MARK);
        float baseline = HEADER_BASELINE - 18;
        float left = (PAGE_WIDTH - width) / 2;
        fillRectangle(left - 6, baseline - 3, width + 12, size + 3, DEMO_FILL);
        showText(true, size, left, baseline, ReportSite.DEMO_MARK);
    }

    /** Draws the table of contents lines reserved on the page: the title, dot leaders and the page number. */
    private void drawContents(int pageIndex) {
        for (Map.Entry<String, ContentsLine> entry : contents.entrySet()) {
            ContentsLine line = entry.getValue();
            if (line.pageIndex != pageIndex) {
                continue;
            }
            String number = Integer.toString(line.sectionPage);
            float numberWidth = fonts.width(BODY_SIZE, number);
            String title = fit(BODY_SIZE, entry.getKey(), CONTENT_WIDTH - numberWidth - 40);
            float titleEnd = MARGIN + fonts.width(BODY_SIZE, title);
            showText(false, BODY_SIZE, MARGIN, line.baseline, title);
            float dotWidth = fonts.width(BODY_SIZE, ". ");
            int dots = (int) ((PAGE_WIDTH - MARGIN - numberWidth - 8 - titleEnd - 8) / dotWidth);
            if (dots > 0) {
                showText(false, BODY_SIZE, PAGE_WIDTH - MARGIN - numberWidth - 8 - dots * dotWidth, line.baseline, ". ".repeat(dots));
            }
            showText(false, BODY_SIZE, PAGE_WIDTH - MARGIN - numberWidth, line.baseline, number);
        }
    }

    private void drawFooter(int page, int total) {
        String pageText = "Page " + page + " of " + total;
        float pageWidth = fonts.width(SMALL_SIZE, pageText);
        line(MARGIN, FOOTER_BASELINE + 10, PAGE_WIDTH - MARGIN, FOOTER_BASELINE + 10, 0.5f, RULE_GRAY);
        showText(false, SMALL_SIZE, MARGIN, FOOTER_BASELINE,
                fit(SMALL_SIZE, footerNote, CONTENT_WIDTH - pageWidth - 16));
        showText(false, SMALL_SIZE, PAGE_WIDTH - MARGIN - pageWidth, FOOTER_BASELINE, pageText);
    }

    /** Returns {@code text} on one line, cut with an ellipsis where it is wider than {@code width}. */
    private String fit(float size, String text, float width) {
        String drawable = fonts.drawable(text).strip();
        if (fonts.width(size, drawable) <= width) {
            return drawable;
        }
        String ellipsis = fonts.drawable("…");
        int end = drawable.length();
        while (end > 0 && fonts.width(size, drawable.substring(0, end) + ellipsis) > width) {
            end = drawable.offsetByCodePoints(end, -1);
        }
        return drawable.substring(0, end).strip() + ellipsis;
    }

    private void closeStream() throws UncheckedIOException {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Finishing a PDF page failed", e);
            }
            stream = null;
        }
    }

    private void checkOpen() {
        if (saved) {
            throw new IllegalStateException("The document was saved; it takes no more content");
        }
    }

    /** Lists the widths of columns in points from their weights. */
    static List<Float> widths(List<Column> columns) {
        double total = columns.stream().mapToDouble(Column::weight).sum();
        List<Float> widths = new ArrayList<>(columns.size());
        for (Column column : columns) {
            widths.add((float) (CONTENT_WIDTH * column.weight() / total));
        }
        return widths;
    }
}
