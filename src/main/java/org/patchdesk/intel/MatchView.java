package org.patchdesk.intel;

/**
 * A match as screens and the command line show it. The id starts with P for a product match and O
 * for an operating-system match. {@code target} names the inventory side: a product such as "BD
 * Alaris PCU 8015", or the devices running an operating system.
 */
public record MatchView(String id, Target target, String sourceVendor, String sourceProduct, String inventorySide, int devices,
                        int cves, String kind, double score, String reason, MatchDecision decision, String decidedBy) {

    public enum Target { PRODUCT, OPERATING_SYSTEM }
}
