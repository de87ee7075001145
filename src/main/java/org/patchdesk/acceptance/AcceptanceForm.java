package org.patchdesk.acceptance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.patchdesk.controls.CompensatingControl;
import org.patchdesk.recovery.RecoveryProtocol;
import org.patchdesk.users.Role;

/**
 * Everything the printed form of a risk acceptance shows: the acceptance, its linked controls with
 * the warnings about their verification dates, the recovery protocols of its devices, the findings
 * it covers and holds with their facts, the signatures given, the required roles still unsigned,
 * and the settings and day it was read with.
 *
 * @param deviceTypes     the device type name of each device in scope, by device id, for devices that have one
 * @param coveredFindings every finding the acceptance covers: those chosen one by one and those of the devices in scope
 */
public record AcceptanceForm(RiskAcceptance acceptance, List<CompensatingControl> controls, List<String> controlWarnings,
                             List<RecoveryProtocol> protocols, Map<Long, String> deviceTypes, List<ScopeFinding> coveredFindings,
                             List<ScopeFinding> heldFindings, List<AcceptanceSignature> signatures, List<Role> missingRoles,
                             AcceptanceSettings settings, LocalDate today) {

    public AcceptanceForm {
        controls = List.copyOf(controls);
        controlWarnings = List.copyOf(controlWarnings);
        deviceTypes = Map.copyOf(deviceTypes);
        coveredFindings = List.copyOf(coveredFindings);
        heldFindings = List.copyOf(heldFindings);
        protocols = List.copyOf(protocols);
        signatures = List.copyOf(signatures);
        missingRoles = List.copyOf(missingRoles);
    }

    /** Returns the state on the day the form was read, "expiring" included. */
    public AcceptanceState state() {
        return acceptance.state(today, settings.warningDays());
    }
}
