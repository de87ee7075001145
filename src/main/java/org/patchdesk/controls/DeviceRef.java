package org.patchdesk.controls;

/** A device as the control screens show it: asset tag, manufacturer, model and department (each may be empty). */
public record DeviceRef(long id, String assetTag, String manufacturer, String model, String department) {

    /** Returns a label such as "ICU-PUMP-07 (BD Alaris 8015, ICU)". */
    public String label() {
        String product = (nullToEmpty(manufacturer) + " " + nullToEmpty(model)).strip();
        String where = nullToEmpty(department);
        String details = product.isEmpty() ? where : where.isEmpty() ? product : product + ", " + where;
        return details.isEmpty() ? assetTag : assetTag + " (" + details + ")";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
