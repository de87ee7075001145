package org.patchdesk.reports.packet;

import java.util.List;

/**
 * The first rows of a list the packet prints, and how many rows the whole list has; the packet
 * prints at most {@link AuditPacket#ROW_LIMIT} rows and refers to the audit workbook for the rest.
 */
record PacketTable(List<List<String>> rows, long total) {

    PacketTable {
        rows = List.copyOf(rows);
    }

    long left() {
        return total - rows.size();
    }
}
