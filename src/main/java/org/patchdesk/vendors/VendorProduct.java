package org.patchdesk.vendors;

/** A product of a manufacturer, with its number of devices, for choosing the product of a request. */
public record VendorProduct(long id, String manufacturer, String model, int devices) {

    public String label() {
        return manufacturer + " " + model;
    }
}
