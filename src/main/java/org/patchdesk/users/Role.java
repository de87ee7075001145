package org.patchdesk.users;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** A role of a user account. A role is stored and typed on the command line as its {@link #word()}. */
public enum Role {
    HTM_TECHNICIAN("htm-technician", "HTM technician"),
    HTM_MANAGER("htm-manager", "HTM manager"),
    IT_NETWORK("it-network", "IT/network"),
    INFOSEC("infosec", "InfoSec/CISO"),
    CLINICAL_LEADER("clinical-leader", "Clinical leader"),
    ADMINISTRATOR("administrator", "Administrator"),
    AUDITOR("auditor", "Auditor (read-only)");

    private final String word;
    private final String label;

    Role(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** Returns the word stored in the database and typed after {@code --role}. */
    public String word() {
        return word;
    }

    /** Returns the name shown in the window and in signatures. */
    public String label() {
        return label;
    }

    /**
     * Parses a role from its word or its enum name, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid words when {@code text} is not a role
     */
    public static Role parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.word.equals(key) || role.name().toLowerCase(Locale.ROOT).equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a role; use one of " + Arrays.stream(values()).map(Role::word)
                .collect(Collectors.joining(", ")));
    }

    /** Returns the labels of {@code roles} in declaration order, joined by commas, as signatures and lists show them. */
    public static String labels(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
