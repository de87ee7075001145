package org.patchdesk.reports.workbook;

import java.nio.file.Path;
import java.util.List;

import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.ChainHead;

/**
 * The workbook written: its file, the rows of each record sheet, the audit chain's head it names,
 * and the result of the audit trail check its Summary states.
 */
public record WorkbookResult(Path file, List<SheetCount> sheets, ChainHead chainHead, AuditVerification check) {

    /** The rows written under one sheet's header, and the numbered sheets it continued on past Excel's row limit. */
    public record SheetCount(String sheet, long rows, List<String> continuedOn) {
    }

    public WorkbookResult {
        sheets = List.copyOf(sheets);
    }

    /** Returns the rows written to the named sheet, or -1 when the workbook has no such sheet. */
    public long rows(String sheet) {
        return sheets.stream().filter(count -> count.sheet().equals(sheet)).mapToLong(SheetCount::rows).findFirst().orElse(-1);
    }
}
