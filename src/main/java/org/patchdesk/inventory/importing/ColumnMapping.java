package org.patchdesk.inventory.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.patchdesk.common.Sha256;
import org.patchdesk.inventory.DeviceField;

/**
 * The device field that each column of a sheet fills: {@code fields.get(i)} is the field of column
 * {@code i}, or null when the column is not imported. No field is filled by two columns.
 */
public record ColumnMapping(List<String> headers, List<DeviceField> fields) {

    public ColumnMapping {
        headers = List.copyOf(headers);
        List<DeviceField> copy = new ArrayList<>(fields);
        while (copy.size() < headers.size()) {
            copy.add(null);
        }
        fields = Collections.unmodifiableList(copy);
    }

    /** Maps each header through the synonym list; when two headers name one field, the first wins. */
    public static ColumnMapping fromSynonyms(List<String> headers) {
        List<DeviceField> fields = new ArrayList<>();
        for (String header : headers) {
            DeviceField field = HeaderSynonyms.fieldFor(header).orElse(null);
            fields.add(field != null && fields.contains(field) ? null : field);
        }
        ColumnMapping mapping = new ColumnMapping(headers, fields);
        if (mapping.columnOf(DeviceField.ASSET_TAG).isEmpty() && mapping.columnOf(DeviceField.CMMS_ID).isPresent()) {
            // Many CMMS exports identify devices by their CMMS record number alone; it then serves as the asset tag.
            return mapping.with(mapping.columnOf(DeviceField.CMMS_ID).get(), DeviceField.ASSET_TAG);
        }
        return mapping;
    }

    public DeviceField fieldOf(int column) {
        return column < fields.size() ? fields.get(column) : null;
    }

    public Optional<Integer> columnOf(DeviceField field) {
        int index = fields.indexOf(field);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** Returns a copy in which {@code column} fills {@code field} (null to skip it); a column that filled that field before is skipped. */
    public ColumnMapping with(int column, DeviceField field) {
        List<DeviceField> copy = new ArrayList<>(fields);
        if (field != null) {
            int previous = copy.indexOf(field);
            if (previous >= 0) {
                copy.set(previous, null);
            }
        }
        copy.set(column, field);
        return new ColumnMapping(headers, copy);
    }

    public boolean isMapped(DeviceField field) {
        return fields.contains(field);
    }

    public int mappedCount() {
        return (int) fields.stream().filter(Objects::nonNull).count();
    }

    /** Identifies a header row, so that the mapping confirmed for one file is offered for the next with the same headers. */
    public String headerKey() {
        return headerKey(headers);
    }

    public static String headerKey(List<String> headers) {
        StringBuilder text = new StringBuilder();
        for (String header : headers) {
            text.append(HeaderSynonyms.normalize(header)).append('\n');
        }
        return Sha256.ofBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
