package org.patchdesk.inventory.importing;

/**
 * What an import would do with one preview row: {@code outcome} is a short phrase such as "New
 * device", "Updates BME-0042", "Skipped: totals row" or "Rejected", and {@code problems} gives the
 * reasons a row is rejected.
 */
public record RowCheck(SheetRow row, Kind kind, String outcome, String problems) {

    public enum Kind { NEW, UPDATE, SKIPPED, REJECTED }

    public boolean isImported() {
        return kind == Kind.NEW || kind == Kind.UPDATE;
    }
}
