package org.patchdesk.inventory;

import java.util.Optional;

/**
 * The fields of a device record, in the order exports show them. The label is the export and
 * command-line header; the key names the database column and the field in audit entries.
 */
public enum DeviceField {
    ASSET_TAG("Asset Tag", "asset_tag", ValueKind.TEXT, 100),
    CMMS_ID("CMMS ID", "cmms_id", ValueKind.TEXT, 100),
    MANUFACTURER("Manufacturer", "manufacturer", ValueKind.TEXT, 200),
    MODEL("Model", "model", ValueKind.TEXT, 200),
    SERIAL_NUMBER("Serial Number", "serial_number", ValueKind.TEXT, 100),
    DEVICE_TYPE("Device Type", "device_type", ValueKind.TEXT, 200),
    DEPARTMENT("Department", "department", ValueKind.TEXT, 200),
    LOCATION("Location", "location", ValueKind.TEXT, 500),
    BUILDING("Building", "building", ValueKind.TEXT, 200),
    FLOOR("Floor", "floor", ValueKind.TEXT, 50),
    ROOM("Room", "room", ValueKind.TEXT, 100),
    STATUS("Status", "status", ValueKind.STATUS, 0),
    STATUS_CHANGED_ON("Status Date", "status_changed_on", ValueKind.DATE, 0),
    IP_ADDRESSES("IP Address", "ip_addresses", ValueKind.IP_LIST, 2000),
    MAC_ADDRESSES("MAC Address", "mac_addresses", ValueKind.MAC_LIST, 2000),
    HOSTNAME("Hostname", "hostname", ValueKind.TEXT, 255),
    NETWORK_SEGMENT("Network Segment", "network_segment", ValueKind.TEXT, 200),
    OS_NAME("Operating System", "os_name", ValueKind.TEXT, 200),
    OS_VERSION("OS Version", "os_version", ValueKind.TEXT, 200),
    SOFTWARE_VERSION("Software Version", "software_version", ValueKind.TEXT, 200),
    NETWORKED("Networked", "networked", ValueKind.YES_NO, 0),
    VENDOR_REMOTE_ACCESS("Vendor Remote Access", "vendor_remote_access", ValueKind.YES_NO, 0),
    STORES_PHI("Stores PHI", "stores_phi", ValueKind.YES_NO, 0),
    CRITICALITY("Clinical Criticality", "criticality", ValueKind.CRITICALITY, 0),
    MISSION_IMPACT("Mission Impact", "mission_impact", ValueKind.MISSION_IMPACT, 0),
    NETWORK_EXPOSURE("Network Exposure", "network_exposure", ValueKind.NETWORK_EXPOSURE, 0),
    ACQUISITION_DATE("Acquisition Date", "acquisition_date", ValueKind.DATE, 0),
    NOTES("Notes", "notes", ValueKind.TEXT, 4000);

    /** The type of value a field holds, which decides how text is parsed into it. */
    public enum ValueKind {
        TEXT, DATE, STATUS, YES_NO, CRITICALITY, MISSION_IMPACT, NETWORK_EXPOSURE, IP_LIST, MAC_LIST
    }

    private final String label;
    private final String key;
    private final ValueKind kind;
    private final int maxLength;

    DeviceField(String label, String key, ValueKind kind, int maxLength) {
        this.label = label;
        this.key = key;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    public String label() {
        return label;
    }

    public String key() {
        return key;
    }

    public ValueKind kind() {
        return kind;
    }

    /** Returns the maximum number of characters of a text or list value, or zero for other kinds. */
    public int maxLength() {
        return maxLength;
    }

    public boolean isList() {
        return kind == ValueKind.IP_LIST || kind == ValueKind.MAC_LIST;
    }

    /** Finds a field by its label or key, ignoring case and surrounding spaces. */
    public static Optional<DeviceField> byName(String name) {
        String requested = name.trim();
        for (DeviceField field : values()) {
            if (field.label.equalsIgnoreCase(requested) || field.key.equalsIgnoreCase(requested)
                    || field.name().equalsIgnoreCase(requested)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
