package org.patchdesk.tabular;

/** Thrown when a spreadsheet or text file cannot be read; the message names the file and the reason. */
public class TabularFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public TabularFileException(String message) {
        super(message);
    }

    public TabularFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
