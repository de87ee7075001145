package org.patchdesk.users;

import java.util.Set;

/**
 * An account to create.
 *
 * @param userName   the sign-in name: letters, digits, dot, hyphen, underscore or @, up to 100 characters
 * @param fullName   the printed name for records and signatures; when blank, the user name is used
 * @param department optional
 * @param roles      at least one role
 */
public record NewUser(String userName, String fullName, String department, Set<Role> roles) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
