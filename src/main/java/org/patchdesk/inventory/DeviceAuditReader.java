package org.patchdesk.inventory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditRowMapper;
import org.patchdesk.audit.AuditedRecordReader;

/**
 * Reads devices for the audit check: every device field in the stored form that
 * {@link DeviceRows#auditValues} records. A device's manufacturer is recorded by name, so a
 * manufacturer renamed or merged later changes the name the device is expected to show.
 */
public final class DeviceAuditReader implements AuditedRecordReader {

    private static final List<String> FIELDS = EnumSet.allOf(DeviceField.class).stream().map(DeviceField::key).toList();

    @Override
    public String recordType() {
        return DeviceRows.RECORD_TYPE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public String fieldLabel(String field) {
        return DeviceField.byName(field).map(DeviceField::label).orElse(field);
    }

    @Override
    public boolean createsAreAudited() {
        return true;
    }

    @Override
    public void readCurrent(Handle handle, Consumer<CurrentRecord> sink) {
        handle.createQuery(DeviceDao.SELECT + " ORDER BY d.id")
                .map(new DeviceRowMapper())
                .forEach(device -> sink.accept(new CurrentRecord(device.id(), device.assetTag(),
                        DeviceRows.auditValues(device.values(), EnumSet.allOf(DeviceField.class)))));
    }

    @Override
    public RecordedValueAdjuster adjuster(Handle handle) {
        List<Rename> renames = new ArrayList<>();
        for (AuditEntry entry : handle.createQuery("SELECT * FROM audit_entry WHERE record_type = 'manufacturer' ORDER BY id")
                .map(new AuditRowMapper()).list()) {
            String from = entry.oldValues().get("name");
            String to = entry.action() == AuditAction.DELETE ? entry.newValues().get("merged_into") : entry.newValues().get("name");
            if (from != null && to != null) {
                renames.add(new Rename(entry.id(), ManufacturerNames.key(from), to));
            }
        }
        String manufacturer = DeviceField.MANUFACTURER.key();
        return (field, value, entryId) -> {
            if (!manufacturer.equals(field) || value == null) {
                return value;
            }
            String name = value;
            for (Rename rename : renames) {
                if (rename.entryId() > entryId && ManufacturerNames.key(name).equals(rename.fromKey())) {
                    name = rename.to();
                }
            }
            return name;
        };
    }

    /** A manufacturer's name change, or its merge into another, recorded by entry {@code entryId}. */
    private record Rename(long entryId, String fromKey, String to) {
    }
}
