package org.patchdesk.risk;

import org.patchdesk.controls.CoveringControl;

/**
 * What one compensating control did to a finding's score: whether it counted (verified and not
 * overdue), whether it lowered System Exposure, and the effect in words, such as "counted: lowers
 * System Exposure from open to controlled" or "not counted: verification overdue since 2026-12-02".
 */
public record ControlEffect(CoveringControl control, boolean counted, boolean loweredExposure, String effect) {
}
