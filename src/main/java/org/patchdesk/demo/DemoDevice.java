package org.patchdesk.demo;

import java.time.LocalDate;

/** One row of the demo CMMS export, with text cells as the export shows them. Empty text is a blank cell. */
record DemoDevice(AssetTag assetTag, String cmmsId, String manufacturer, String model, String serialNumber, String description,
        String department, String location, String building, String floor, String room, String status,
        AcquisitionDate acquisitionDate, String softwareVersion, String os, String osVersion, String ipAddresses,
        String macAddresses, String hostname, String vlan, String networked, String remoteAccess, String phi, String notes) {

    /** The cell forms of asset tags. */
    enum TagStyle {
        /** A number cell in the General format, such as 100234. */
        NUMBER,
        /** A number cell with the format 000000, which shows 4512 as 004512. */
        ZERO_PADDED,
        /** A text cell, such as BME-0042. */
        TEXT
    }

    /** An asset tag: {@code number} for the number styles, {@code text} for {@link TagStyle#TEXT}. */
    record AssetTag(TagStyle style, long number, String text) {

        static AssetTag number(TagStyle style, long number) {
            return new AssetTag(style, number, null);
        }

        static AssetTag text(String text) {
            return new AssetTag(TagStyle.TEXT, 0, text);
        }
    }

    /** The cell forms of acquisition dates. */
    enum DateStyle {
        /** A date cell (a serial day number with the format m/d/yyyy). */
        EXCEL_DATE,
        /** Text such as 3/14/2019. */
        US_TEXT,
        /** Text such as 14-Mar-2019. */
        DAY_MONTH_TEXT,
        /** A blank cell. */
        BLANK
    }

    record AcquisitionDate(LocalDate date, DateStyle style) {
    }
}
