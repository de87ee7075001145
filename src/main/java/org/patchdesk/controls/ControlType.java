package org.patchdesk.controls;

import java.util.List;

/**
 * A kind of compensating control from the catalog, with the NIST SP 800-53 Rev. 5 controls and the
 * NIST CSF 2.0 subcategories it supports (empty where PatchDesk ships no mapping), and whether a
 * verified control of this kind lowers a finding's SSVC System Exposure from open to controlled.
 */
public record ControlType(String code, String name, String description, List<String> nist80053, List<String> csfSubcategories,
                          boolean lowersExposure) {

    public ControlType {
        nist80053 = List.copyOf(nist80053);
        csfSubcategories = List.copyOf(csfSubcategories);
    }

    /** Returns the effect on scoring in words, as the catalog shows it. */
    public String scoringEffect() {
        return lowersExposure ? "lowers System Exposure from open to controlled" : "shown in explanations; changes no SSVC decision point";
    }
}
