package org.patchdesk.acceptance;

import org.patchdesk.users.Role;
import org.patchdesk.users.Signature;

/**
 * An electronic signature given on a risk acceptance, with the required role it covers, or a null
 * role for a signature that covers none (a review).
 */
public record AcceptanceSignature(Signature signature, Role role) {

    /** Returns the role as the signature block prints it, or "" when the signature covers no role. */
    public String roleLabel() {
        return role == null ? "" : role.label();
    }
}
