package org.patchdesk.inventory.importing;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.patchdesk.inventory.DeviceField;

/**
 * The column headers that CMMS exports and vendor spreadsheets use for each device field.
 * Headers are compared in a normalized form: lower case, "#" and "No." read as "number", other
 * punctuation dropped, and a trailing bracketed note such as "(Y/N)" ignored.
 */
public final class HeaderSynonyms {

    private static final Map<DeviceField, List<String>> SYNONYMS = synonyms();
    private static final Map<String, DeviceField> BY_NORMALIZED = index();

    private HeaderSynonyms() {
    }

    /** Returns the field a header names, if it is a known synonym. */
    public static Optional<DeviceField> fieldFor(String header) {
        DeviceField field = BY_NORMALIZED.get(normalize(header));
        if (field == null) {
            field = BY_NORMALIZED.get(normalize(stripBracketedNote(header)));
        }
        return Optional.ofNullable(field);
    }

    public static List<String> synonymsOf(DeviceField field) {
        return SYNONYMS.getOrDefault(field, List.of());
    }

    static String normalize(String header) {
        String text = header.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').strip();
        text = text.replace("#", " number ");
        text = text.replaceAll("\\bno\\.", " number ");
        text = text.replaceAll("\\bnum\\b", " number ");
        text = text.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
        text = text.replaceAll("\\bno$", "number");
        return text.replaceAll(" +", " ");
    }

    private static String stripBracketedNote(String header) {
        return header.replaceAll("\\s*[(\\[][^)\\]]*[)\\]]\\s*$", "");
    }

    private static Map<DeviceField, List<String>> synonyms() {
        Map<DeviceField, List<String>> map = new EnumMap<>(DeviceField.class);
        map.put(DeviceField.ASSET_TAG, List.of("asset tag", "asset tag #", "asset #", "asset no", "asset number", "asset id",
                "equipment #", "equipment no", "equipment number", "equipment id", "equip #", "equip no", "control #",
                "control no", "control number", "tag", "tag #", "tag number", "biomed #", "biomed tag", "property tag"));
        map.put(DeviceField.CMMS_ID, List.of("cmms id", "cmms #", "cmms no", "cmms number", "cmms record", "record id", "system id"));
        map.put(DeviceField.MANUFACTURER, List.of("manufacturer", "mfr", "mfg", "mfr name", "manufacturer name", "make", "vendor",
                "brand", "oem"));
        map.put(DeviceField.MODEL, List.of("model", "model #", "model no", "model number", "model name", "mdl", "model description"));
        map.put(DeviceField.SERIAL_NUMBER, List.of("serial", "serial #", "serial no", "serial number", "s/n", "sn", "serial num"));
        map.put(DeviceField.DEVICE_TYPE, List.of("device type", "equipment type", "description", "nomenclature", "device description",
                "equipment description", "type", "device category", "equipment class"));
        map.put(DeviceField.DEPARTMENT, List.of("department", "dept", "dept name", "department name", "cost center", "cost centre",
                "owning department", "clinical department", "unit"));
        map.put(DeviceField.LOCATION, List.of("location", "loc", "location description", "site location", "area"));
        map.put(DeviceField.BUILDING, List.of("building", "bldg", "building name", "facility"));
        map.put(DeviceField.FLOOR, List.of("floor", "level", "flr"));
        map.put(DeviceField.ROOM, List.of("room", "room #", "room no", "room number", "rm", "bed/room"));
        map.put(DeviceField.STATUS, List.of("status", "equipment status", "device status", "asset status", "state"));
        map.put(DeviceField.STATUS_CHANGED_ON, List.of("status date", "status changed", "status change date", "status as of"));
        map.put(DeviceField.ACQUISITION_DATE, List.of("acquisition date", "acquired", "date acquired", "acquired date", "purchase date",
                "install date", "installation date", "in service date", "in-service date", "received date", "date received"));
        map.put(DeviceField.SOFTWARE_VERSION, List.of("software version", "sw version", "sw ver", "software ver", "software rev",
                "software revision", "firmware", "firmware version", "fw version", "software", "version", "sw rev"));
        map.put(DeviceField.OS_NAME, List.of("os", "operating system", "os name", "o/s", "platform"));
        map.put(DeviceField.OS_VERSION, List.of("os version", "os ver", "os build", "os release", "operating system version",
                "os service pack"));
        map.put(DeviceField.NETWORKED, List.of("networked", "network connected", "connected", "on network", "network", "network capable",
                "network connection", "is networked"));
        map.put(DeviceField.IP_ADDRESSES, List.of("ip", "ip address", "ip addresses", "ip addr", "ipv4", "ipv4 address",
                "ipv6 address", "ip(s)"));
        map.put(DeviceField.MAC_ADDRESSES, List.of("mac", "mac address", "mac addresses", "mac addr", "hardware address",
                "physical address", "ethernet address"));
        map.put(DeviceField.HOSTNAME, List.of("hostname", "host name", "host", "computer name", "dns name", "network name",
                "netbios name", "fqdn"));
        map.put(DeviceField.NETWORK_SEGMENT, List.of("network segment", "segment", "vlan", "vlan id", "vlan name", "subnet",
                "network zone"));
        map.put(DeviceField.VENDOR_REMOTE_ACCESS, List.of("vendor remote access", "remote access", "remote service", "remote support",
                "vendor remote support", "remote connectivity"));
        map.put(DeviceField.STORES_PHI, List.of("stores phi", "phi", "ephi", "contains phi", "stores patient data", "patient data",
                "stores ephi"));
        map.put(DeviceField.CRITICALITY, List.of("clinical criticality", "criticality", "clinical risk", "patient risk"));
        map.put(DeviceField.MISSION_IMPACT, List.of("mission impact", "ssvc mission impact"));
        map.put(DeviceField.NETWORK_EXPOSURE, List.of("network exposure", "exposure", "system exposure"));
        map.put(DeviceField.NOTES, List.of("notes", "note", "comments", "comment", "remarks"));
        return map;
    }

    private static Map<String, DeviceField> index() {
        Map<String, DeviceField> index = new HashMap<>();
        for (Map.Entry<DeviceField, List<String>> entry : SYNONYMS.entrySet()) {
            index.put(normalize(entry.getKey().label()), entry.getKey());
            for (String synonym : entry.getValue()) {
                index.putIfAbsent(normalize(synonym), entry.getKey());
            }
        }
        return Map.copyOf(index);
    }
}
