package org.patchdesk.inventory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;

/**
 * Turns device values into the column map that {@link DeviceDao} binds, and compares two sets of
 * values for the audit trail.
 */
public final class DeviceRows {

    public static final String RECORD_TYPE = "device";

    private DeviceRows() {
    }

    /** Builds the columns of an insert ({@code id} null) or an update, resolving names through {@code references}. */
    public static Map<String, Object> toColumns(Long id, DeviceValues values, InventoryReferences references,
                                                Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        Map<String, Object> row = new HashMap<>();
        for (DeviceField field : DeviceField.values()) {
            if (field == DeviceField.MANUFACTURER || field == DeviceField.DEVICE_TYPE) {
                continue;
            }
            Object value = values.get(field);
            row.put(field.key(), field.kind() == DeviceField.ValueKind.DATE ? value : FieldValues.toStored(field, value));
        }
        row.put("asset_tag_key", DeviceValues.assetTagKey(values.assetTag()));
        Long manufacturerId = references.manufacturerId(values.get(DeviceField.MANUFACTURER, String.class));
        row.put("manufacturer_id", manufacturerId);
        row.put("product_id", references.productId(manufacturerId, values.get(DeviceField.MODEL, String.class)));
        row.put("device_type_id", references.deviceTypeId(values.get(DeviceField.DEVICE_TYPE, String.class)));
        if (id != null) {
            row.put("id", id);
        }
        row.put("created_at", createdAt == null ? null : OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
        row.put("created_by", createdBy);
        row.put("updated_at", OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC));
        row.put("updated_by", updatedBy);
        return row;
    }

    /** Returns the fields whose values differ between {@code before} and {@code after}. */
    public static Set<DeviceField> changedFields(DeviceValues before, DeviceValues after) {
        Set<DeviceField> changed = EnumSet.noneOf(DeviceField.class);
        for (DeviceField field : DeviceField.values()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changed.add(field);
            }
        }
        return changed;
    }

    /** Returns the stored form of the given fields' values, keyed by field key, leaving out absent values. */
    public static Map<String, String> auditValues(DeviceValues values, Set<DeviceField> fields) {
        Map<String, String> result = new LinkedHashMap<>();
        for (DeviceField field : DeviceField.values()) {
            if (fields.contains(field) && values.get(field) != null) {
                result.put(field.key(), FieldValues.toStored(field, values.get(field)));
            }
        }
        return result;
    }

    /** Returns the audit entry of a device's creation, with all its values as new values. */
    public static AuditEntry createEntry(Instant now, Actor actor, long id, DeviceValues values, Long batchId, String summary) {
        return new AuditEntry(null, now, actor.name(), AuditAction.CREATE, RECORD_TYPE, id, values.assetTag(), batchId, Map.of(),
                auditValues(values, EnumSet.allOf(DeviceField.class)), summary);
    }

    /** Returns the audit entry of a device's update, with the old and new values of the changed fields. */
    public static AuditEntry updateEntry(Instant now, Actor actor, long id, DeviceValues before, DeviceValues after,
                                         Set<DeviceField> changed, Long batchId, String summary) {
        return new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, RECORD_TYPE, id, after.assetTag(), batchId,
                auditValues(before, changed), auditValues(after, changed), summary);
    }

    /** Returns the audit entry of a device's deletion, with all its values as old values. */
    public static AuditEntry deleteEntry(Instant now, Actor actor, Device device, Long batchId, String summary) {
        return new AuditEntry(null, now, actor.name(), AuditAction.DELETE, RECORD_TYPE, device.id(), device.assetTag(), batchId,
                auditValues(device.values(), EnumSet.allOf(DeviceField.class)), Map.of(), summary);
    }

    /** Reads values in the form {@link #auditValues} wrote them. */
    public static DeviceValues fromAuditValues(Map<String, String> stored) {
        DeviceValues values = new DeviceValues();
        for (DeviceField field : DeviceField.values()) {
            String text = stored.get(field.key());
            if (text != null) {
                values.set(field, FieldValues.fromStored(field, text));
            }
        }
        return values;
    }
}
