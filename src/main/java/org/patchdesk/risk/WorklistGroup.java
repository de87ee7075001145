package org.patchdesk.risk;

/**
 * One group of the worklist, such as one device or one CVE: its key, its label, how many findings
 * it has, how many of them are overdue, and its most urgent decision and highest priority.
 */
public record WorklistGroup(String key, String label, int findings, int overdue, String topDecision, double topPriority) {
}
