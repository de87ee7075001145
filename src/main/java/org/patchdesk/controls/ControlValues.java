package org.patchdesk.controls;

import java.time.LocalDate;

/**
 * The values of a control that a person enters. {@code verifiedOn} and {@code nextVerificationOn}
 * are both empty for a control not yet verified; {@code evidenceRuleIds} is free text such as
 * firewall rule or IPS signature IDs.
 */
public record ControlValues(String typeCode, String title, String description, String owner, LocalDate verifiedOn,
                            LocalDate nextVerificationOn, String evidenceRuleIds) {
}
