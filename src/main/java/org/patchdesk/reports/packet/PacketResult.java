package org.patchdesk.reports.packet;

import java.nio.file.Path;
import java.util.List;

import org.patchdesk.audit.AuditVerification;
import org.patchdesk.audit.ChainHead;
import org.patchdesk.governance.MetricsReport;
import org.patchdesk.reports.ReportDocument.Section;

/**
 * The packet written: its file and page count, the sections with the pages the table of contents
 * names, the audit chain's head on its cover, the site's metrics it prints, and the result of the
 * audit trail check on its cover.
 */
public record PacketResult(Path file, int pages, List<Section> sections, ChainHead chainHead, MetricsReport metrics,
                           AuditVerification check) {

    public PacketResult {
        sections = List.copyOf(sections);
    }
}
