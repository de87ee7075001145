package org.patchdesk.inventory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field values of one device, some of which may be absent. Values have the Java type their
 * field's kind implies: {@code String}, {@code LocalDate}, one of the field enums, or an
 * unmodifiable {@code List<String>} of addresses.
 */
public final class DeviceValues {

    private final EnumMap<DeviceField, Object> values;

    public DeviceValues() {
        this.values = new EnumMap<>(DeviceField.class);
    }

    private DeviceValues(EnumMap<DeviceField, Object> values) {
        this.values = values;
    }

    public DeviceValues copy() {
        return new DeviceValues(new EnumMap<>(values));
    }

    public Object get(DeviceField field) {
        return values.get(field);
    }

    public <T> T get(DeviceField field, Class<T> type) {
        return type.cast(values.get(field));
    }

    public String text(DeviceField field) {
        return FieldValues.display(values.get(field));
    }

    public boolean has(DeviceField field) {
        return values.containsKey(field);
    }

    /** Sets a value; null, an empty string or an empty list removes it. */
    public DeviceValues set(DeviceField field, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
            values.remove(field);
        } else {
            values.put(field, value instanceof List<?> list ? List.copyOf(list) : value);
        }
        return this;
    }

    public Set<DeviceField> fields() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public Map<DeviceField, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public String assetTag() {
        return get(DeviceField.ASSET_TAG, String.class);
    }

    /** Returns the form of an asset tag that uniqueness is checked on: trimmed and upper case. */
    public static String assetTagKey(String assetTag) {
        return assetTag.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
