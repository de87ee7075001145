package org.patchdesk.playbooks;

import java.util.Locale;

/** The role that carries out a playbook step. */
public enum Role {
    HTM("htm", "HTM"),
    IT("it", "IT"),
    INFOSEC("infosec", "InfoSec"),
    CLINICAL("clinical", "Clinical"),
    VENDOR("vendor", "Vendor");

    private final String word;
    private final String label;

    Role(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** Returns the word stored in the database, such as "infosec". */
    public String word() {
        return word;
    }

    /** Returns the name shown on screens and work orders, such as "InfoSec". */
    public String label() {
        return label;
    }

    /**
     * Returns the role a stored word or a label names, ignoring case.
     *
     * @throws IllegalArgumentException when no role has that word or label
     */
    public static Role fromWord(String word) {
        String key = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.word.equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a playbook role; use HTM, IT, InfoSec, clinical or vendor");
    }
}
