package org.patchdesk.common;

/**
 * Work that runs before an import changes the database, such as a backup of the data that the
 * import may change. It throws to stop the import before anything changes.
 */
@FunctionalInterface
public interface BeforeImport {

    /** Runs nothing. */
    BeforeImport NONE = description -> { };

    /**
     * Runs before the import described, such as "inventory import of devices.xlsx".
     *
     * @throws RuntimeException to stop the import; its message gives the reason
     */
    void run(String description);
}
