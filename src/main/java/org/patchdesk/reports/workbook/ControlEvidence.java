package org.patchdesk.reports.workbook;

/**
 * One row of the control mapping: a NIST SP 800-53 control or CSF 2.0 subcategory, a kind of record
 * that evidences it, the audit workbook sheet that lists those records, the filter on the sheet that
 * leaves exactly them, and how many there are.
 *
 * @param framework "NIST SP 800-53 Rev. 5" or "NIST CSF 2.0"
 * @param control   the control or subcategory id, such as SI-2 or ID.RA-01
 * @param filter    the conditions on the sheet's columns, such as {@code Status is "open"}, or "every row"
 */
public record ControlEvidence(String framework, String control, String title, String evidence, String sheet, String filter,
                              long records) {
}
