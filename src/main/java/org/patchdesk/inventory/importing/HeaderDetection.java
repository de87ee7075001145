package org.patchdesk.inventory.importing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.patchdesk.inventory.DeviceField;

/**
 * Finds the header row below any title rows: the row among the first ones whose cells name the
 * most distinct device fields (at least two). Without such a row, the first row with two or more
 * filled cells is taken.
 */
final class HeaderDetection {

    static final int ROWS_SEARCHED = 30;

    private HeaderDetection() {
    }

    static int detect(List<SheetRow> rows) {
        int best = -1;
        int bestScore = 1;
        for (int i = 0; i < Math.min(rows.size(), ROWS_SEARCHED); i++) {
            int score = fieldsNamed(rows.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best >= 0) {
            return best;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).cells().stream().filter(cell -> !cell.isBlank()).count() >= 2) {
                return i;
            }
        }
        return 0;
    }

    /** Returns the number of device fields that the best header candidate among the rows names. */
    static int bestScore(List<SheetRow> rows) {
        int best = 0;
        for (int i = 0; i < Math.min(rows.size(), ROWS_SEARCHED); i++) {
            best = Math.max(best, fieldsNamed(rows.get(i)));
        }
        return best;
    }

    private static int fieldsNamed(SheetRow row) {
        Set<DeviceField> fields = EnumSet.noneOf(DeviceField.class);
        for (String cell : row.cells()) {
            HeaderSynonyms.fieldFor(cell).ifPresent(fields::add);
        }
        return fields.size();
    }
}
