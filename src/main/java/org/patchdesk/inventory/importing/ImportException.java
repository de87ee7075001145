package org.patchdesk.inventory.importing;

import java.util.List;

/**
 * Thrown when an import cannot go ahead; nothing was changed. When the file was read but no row
 * could be imported, {@link #rejected()} lists every row and why.
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<RejectedRow> rejected;

    public ImportException(String message) {
        this(message, List.of());
    }

    public ImportException(String message, List<RejectedRow> rejected) {
        super(message);
        this.rejected = List.copyOf(rejected);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
        this.rejected = List.of();
    }

    public List<RejectedRow> rejected() {
        return rejected;
    }
}
