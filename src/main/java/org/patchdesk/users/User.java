package org.patchdesk.users;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user account as the application shows it; the password hash never leaves {@link UserService}.
 *
 * @param userName   the name the user signs in with, unique regardless of case
 * @param fullName   the printed name shown in records and signatures
 * @param department the user's department, or null
 * @param roles      at least one role
 * @param active     false once an administrator deactivated the account; it can no longer sign in
 */
public record User(long id, String userName, String fullName, String department, Set<Role> roles, boolean active,
                   Instant createdAt, Instant passwordChangedAt) {

    public User {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Returns true when the account may change nothing: it has no role but the auditor role. */
    public boolean isReadOnly() {
        return roles.isEmpty() || roles.equals(Set.of(Role.AUDITOR));
    }

    /** Returns the printed name, user name and roles, as reports name their author: "Sam Info (sinfo), InfoSec/CISO". */
    public String describe() {
        return displayName() + ", " + Role.labels(roles);
    }

    /** Returns the printed name with the user name, as the window's status area shows it: "Dana Reyes (dreyes)". */
    public String displayName() {
        return fullName.equals(userName) ? userName : fullName + " (" + userName + ")";
    }
}
