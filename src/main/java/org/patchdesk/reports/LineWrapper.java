package org.patchdesk.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width: at spaces where possible, inside a word only when the
 * word alone is wider than the line. Line breaks in the text start a new line.
 */
final class LineWrapper {

    private final ReportFonts fonts;

    LineWrapper(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** Returns the drawable lines of {@code text}; empty text gives one empty line. */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        String source = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        for (String paragraph : source.split("\n", -1)) {
            wrapParagraph(fonts.drawable(paragraph).strip(), size, width, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, float size, float width, List<String> lines) {
        if (paragraph.isEmpty()) {
            lines.add("");
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fonts.width(size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (fonts.width(size, rest) > width) {
                int cut = longestFittingPrefix(rest, size, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
    }

    /** Returns the length of the longest prefix of {@code word} that fits, at least one character. */
    private int longestFittingPrefix(String word, float size, float width) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (fonts.width(size, word.substring(0, next)) > width) {
                break;
            }
            end = next;
        }
        return end;
    }
}
