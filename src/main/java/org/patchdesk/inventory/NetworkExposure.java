package org.patchdesk.inventory;

/**
 * SSVC system exposure: small (local or tightly controlled network), controlled (reachable with
 * restricted access such as a segmented VLAN with ACLs), open (internet or broadly reachable).
 */
public enum NetworkExposure implements Labeled {
    SMALL("small"),
    CONTROLLED("controlled"),
    OPEN("open");

    private final String ssvcValue;

    NetworkExposure(String ssvcValue) {
        this.ssvcValue = ssvcValue;
    }

    @Override
    public String label() {
        return ssvcValue;
    }
}
