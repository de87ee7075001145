package org.patchdesk.common;

import java.util.Objects;

/**
 * The person or process a change is recorded under. Until PatchDesk has user accounts, a person is
 * identified by the operating-system user name; automatic work is recorded as {@code system}.
 */
public record Actor(String name) {

    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name");
        }
    }

    /** Returns the actor for the user running this process, as the operating system names them. */
    public static Actor operatingSystemUser() {
        String name = System.getProperty("user.name", "");
        return new Actor(name.isBlank() ? "unknown" : name);
    }
}
