package org.patchdesk.acceptance;

import java.time.LocalDate;
import java.util.List;

import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.users.Role;

/**
 * Everything the printed form of a risk acceptance shows: the acceptance, its linked controls, the
 * recovery protocols of its devices, the signatures given, the required roles still unsigned, and
 * the settings and day it was read with.
 */
public record AcceptanceForm(RiskAcceptance acceptance, List<CompensatingControl> controls, List<RecoveryProtocol> protocols,
                             List<AcceptanceSignature> signatures, List<Role> missingRoles, AcceptanceSettings settings, LocalDate today) {

    public AcceptanceForm {
        controls = List.copyOf(controls);
        protocols = List.copyOf(protocols);
        signatures = List.copyOf(signatures);
        missingRoles = List.copyOf(missingRoles);
    }

    /** Returns the state on the day the form was read, "expiring" included. */
    public AcceptanceState state() {
        return acceptance.state(today, settings.warningDays());
    }
}
