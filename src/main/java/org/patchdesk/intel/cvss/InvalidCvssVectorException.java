package org.patchdesk.intel.cvss;

/** Thrown when a CVSS vector is malformed. The message names the part at fault and the whole vector. */
public class InvalidCvssVectorException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidCvssVectorException(String message) {
        super(message);
    }

    public InvalidCvssVectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
