package org.patchdesk.reports;

import java.util.ArrayList;
import java.util.List;

import org.patchdesk.reports.ReportDocument.Column;

/**
 * Draws one table of a {@link ReportDocument}: the header row, then each row with its cells
 * wrapped to the column widths. A row that does not fit the rest of the page starts the next page,
 * where the header row is drawn again. A row taller than a whole page is split line by line.
 */
final class TableLayout {

    private final ReportDocument document;
    private final List<Column> columns;
    private final List<Float> widths;
    private final float padding = ReportDocument.cellPadding();
    private final float leading = ReportDocument.tableLeading();
    private final float size = ReportDocument.tableSize();
    private final List<List<String>> headerLines;
    private final float headerHeight;

    TableLayout(ReportDocument document, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        this.document = document;
        this.columns = List.copyOf(columns);
        this.widths = ReportDocument.widths(columns);
        this.headerLines = new ArrayList<>();
        int tallest = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<String> lines = document.wrapper().wrap(columns.get(i).title(), size,
                    widths.get(i) - 2 * padding);
            headerLines.add(lines);
            tallest = Math.max(tallest, lines.size());
        }
        this.headerHeight = tallest * leading + 2 * padding;
    }

    void draw(List<List<String>> rows) {
        List<List<List<String>>> wrapped = new ArrayList<>(rows.size());
        for (int index = 0; index < rows.size(); index++) {
            wrapped.add(wrapRow(rows.get(index), index + 1));
        }
        float firstRow = wrapped.isEmpty() ? 0 : rowHeight(wrapped.get(0));
        document.ensureRoom(headerHeight + Math.min(firstRow, 3 * leading + 2 * padding));
        drawHeader();
        for (List<List<String>> row : wrapped) {
            drawRow(row);
        }
    }

    private List<List<String>> wrapRow(List<String> cells, int rowNumber) {
        if (cells.size() > columns.size()) {
            throw new IllegalArgumentException("Table row " + rowNumber + " has " + cells.size() + " cells but the table has "
                    + columns.size() + " columns");
        }
        List<List<String>> lines = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String text = i < cells.size() ? cells.get(i) : "";
            lines.add(document.wrapper().wrap(text, size, textWidth(i)));
        }
        return lines;
    }

    private float textWidth(int column) {
        float width = widths.get(column) - 2 * padding;
        return columns.get(column).checkBox() ? width - ReportDocument.boxSize() - 4 : width;
    }

    private float textX(float cellX, int column) {
        return cellX + padding + (columns.get(column).checkBox() ? ReportDocument.boxSize() + 4 : 0);
    }

    private static int lineCount(List<List<String>> row) {
        return row.stream().mapToInt(List::size).max().orElse(1);
    }

    private float rowHeight(List<List<String>> row) {
        return lineCount(row) * leading + 2 * padding;
    }

    private void drawHeader() {
        float top = document.y();
        float bottom = top - headerHeight;
        document.fillRectangle(ReportDocument.MARGIN, bottom, ReportDocument.CONTENT_WIDTH, headerHeight, ReportDocument.headerFill());
        float x = ReportDocument.MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            List<String> lines = headerLines.get(i);
            for (int line = 0; line < lines.size(); line++) {
                document.showText(true, size, x + padding, baseline(top, line), lines.get(line));
            }
            document.strokeRectangle(x, bottom, widths.get(i), headerHeight, 0.5f, ReportDocument.ruleGray());
            x += widths.get(i);
        }
        document.moveDown(headerHeight);
    }

    /** Draws a row, continuing it on following pages, under a repeated header, as long as it does not fit. */
    private void drawRow(List<List<String>> row) {
        int total = lineCount(row);
        int from = 0;
        boolean first = true;
        while (from < total) {
            int fitting = (int) Math.floor((document.roomLeft() - 2 * padding) / leading);
            boolean wholeRowFitsAPage = rowHeight(row) <= document.usableHeight() - headerHeight;
            if (fitting < total - from && (wholeRowFitsAPage || fitting < 1)) {
                document.newPage();
                drawHeader();
                continue;
            }
            int count = Math.min(fitting, total - from);
            drawSlice(row, from, count, first);
            from += count;
            first = false;
        }
    }

    private void drawSlice(List<List<String>> row, int from, int count, boolean first) {
        float top = document.y();
        float height = count * leading + 2 * padding;
        float bottom = top - height;
        float x = ReportDocument.MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            if (first && columns.get(i).checkBox()) {
                document.drawBox(x + padding, top - padding - leading + 1.5f);
            }
            List<String> lines = row.get(i);
            for (int line = from; line < Math.min(from + count, lines.size()); line++) {
                document.showText(false, size, textX(x, i), baseline(top, line - from), lines.get(line));
            }
            document.strokeRectangle(x, bottom, widths.get(i), height, 0.5f, ReportDocument.ruleGray());
            x += widths.get(i);
        }
        document.moveDown(height);
    }

    private float baseline(float top, int line) {
        return top - padding - (line + 1) * leading + 2.5f;
    }
}
