package org.patchdesk.storage;

/**
 * Thrown when the site's database cannot be opened: another PatchDesk has it open, a newer
 * PatchDesk wrote it, or the file is damaged. The message is written for the user.
 */
public class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
