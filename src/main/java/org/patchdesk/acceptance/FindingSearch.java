package org.patchdesk.acceptance;

/**
 * The filters of the scope picker's finding search. Every filter that is set must match; a search
 * with none set lists the first findings by asset tag.
 *
 * @param cveText    part of the CVE ID, ignoring case, or blank for any
 * @param kevOnly    true to list only findings whose CVE is in the CISA KEV catalog
 * @param deviceText part of the asset tag, department, manufacturer or model, ignoring case, or blank for any
 * @param deviceId   the one device whose findings to list, or null for any
 * @param openOnly   true to list only open findings, which an acceptance can set to risk accepted
 */
public record FindingSearch(String cveText, boolean kevOnly, String deviceText, Long deviceId, boolean openOnly) {
}
