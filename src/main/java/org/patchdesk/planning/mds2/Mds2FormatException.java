package org.patchdesk.planning.mds2;

/** Thrown when a file cannot be read as an MDS2 form; the message names the file and, where it helps, the row. */
public class Mds2FormatException extends Exception {

    public Mds2FormatException(String message) {
        super(message);
    }

    public Mds2FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
