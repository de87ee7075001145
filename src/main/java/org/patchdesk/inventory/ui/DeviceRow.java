package org.patchdesk.inventory.ui;

import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;

/**
 * A device as the inventory grid shows it: the text of every column, computed once, and the
 * lower-case text that the search box matches against.
 */
public final class DeviceRow {

    private static final DeviceField[] FIELDS = DeviceField.values();

    private final Device device;
    private final String[] texts;
    private final String searchText;

    public DeviceRow(Device device) {
        this.device = device;
        this.texts = new String[FIELDS.length];
        StringBuilder search = new StringBuilder(256);
        for (DeviceField field : FIELDS) {
            String text = device.display(field);
            texts[field.ordinal()] = text;
            if (!text.isEmpty()) {
                search.append(text).append('\u0001');
            }
        }
        this.searchText = SearchText.normalize(search.toString());
    }

    public Device device() {
        return device;
    }

    public long id() {
        return device.id();
    }

    public String text(DeviceField field) {
        return texts[field.ordinal()];
    }

    /** True when every term occurs in some column; terms are lower case. */
    boolean containsAll(String[] terms) {
        for (String term : terms) {
            if (!searchText.contains(term)) {
                return false;
            }
        }
        return true;
    }

    boolean isAssumed(DeviceField field) {
        return switch (field) {
            case CRITICALITY -> device.criticality().assumed();
            case MISSION_IMPACT -> device.missionImpact().assumed();
            default -> false;
        };
    }
}
