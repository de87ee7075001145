package org.patchdesk.users;

/**
 * Thrown when a user name and password do not match an active account. Its message names the
 * user but never the password.
 */
public final class AuthenticationException extends IllegalArgumentException {

    public AuthenticationException(String message) {
        super(message);
    }
}
