package org.patchdesk.inventory.importing;

import java.util.List;

/** A row that was not imported, with its cells as the file had them and every problem found in it. */
public record RejectedRow(int rowNumber, List<String> cells, List<RowProblem> problems) {

    public RejectedRow {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    /** Returns all problems of the row in one line. */
    public String reasons() {
        return String.join("; ", problems.stream().map(RowProblem::describe).toList());
    }
}
