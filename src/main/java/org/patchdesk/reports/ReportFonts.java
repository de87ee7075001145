package org.patchdesk.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font of a report and the text it can draw. Reports use Liberation Sans, which PDFBox ships
 * under the SIL Open Font License and which covers Latin, Greek and Cyrillic; it is embedded as a
 * subset, and bold text is drawn by stroking its outline as well as filling it. One embedded font
 * keeps bold and regular text able to draw the same characters, and keeps PDFBox from searching
 * the system fonts, as it does on first use of a standard 14 font. Characters the font cannot draw
 * are replaced, never rejected.
 */
final class ReportFonts {

    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    /** The font file inside the PDFBox jar; PDFBox uses it to fill in form fields. */
    static final String REGULAR_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** Common characters outside WinAnsi, spelled with characters every font here draws. */
    private static final Map<Integer, String> SPELLED = Map.of(
            (int) '≤', "<=", (int) '≥', ">=", (int) '→', "->", (int) '←', "<-", (int) '≠', "!=", (int) '✓', "v", (int) '✔', "v",
            (int) '−', "-", (int) '′', "'", (int) '″', "\"");

    private final PDFont font;
    private final Map<Integer, Boolean> drawable = new HashMap<>();

    ReportFonts(PDDocument document) {
        this.font = load(document);
    }

    private static PDFont load(PDDocument document) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(REGULAR_RESOURCE)) {
            if (in != null) {
                return PDType0Font.load(document, in, true);
            }
            log.warn("{} is not on the class path; reports use Helvetica and replace characters outside WinAnsi", REGULAR_RESOURCE);
        } catch (IOException e) {
            log.warn("Loading {} failed; reports use Helvetica and replace characters outside WinAnsi", REGULAR_RESOURCE, e);
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    PDFont font() {
        return font;
    }

    /**
     * Returns {@code text} as the font can draw it on one line: tabs and other spaces become a
     * space, other control characters are dropped, and a character without a glyph becomes a
     * spelled-out form or "?".
     */
    String drawable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                out.append(' ');
            } else if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                return;
            } else if (canDraw(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                String spelled = SPELLED.get(codePoint);
                out.append(spelled != null && spelled.codePoints().allMatch(c -> canDraw(c)) ? spelled : "?");
            }
        });
        return out.toString();
    }

    /** Returns the width of already drawable text in points. */
    float width(float size, String drawableText) {
        try {
            return font.getStringWidth(drawableText) / 1000f * size;
        } catch (IOException e) {
            throw new IllegalStateException("Measuring text in " + font.getName() + " failed", e);
        }
    }

    private boolean canDraw(int codePoint) {
        return drawable.computeIfAbsent(codePoint, key -> {
            try {
                byte[] encoded = font.encode(new String(Character.toChars(codePoint)));
                return encoded.length > 0 && font.getStringWidth(new String(Character.toChars(codePoint))) >= 0;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        });
    }
}
