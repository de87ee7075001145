package org.patchdesk.inventory;

/** A value with the word that screens, exports and the command line show for it. */
public interface Labeled {
    String label();
}
