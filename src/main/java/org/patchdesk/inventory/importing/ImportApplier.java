package org.patchdesk.inventory.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceDao;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceRows;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.InventoryReferences;

/**
 * Writes the accepted rows of one import inside its transaction, a chunk of rows at a time, and
 * counts what it did. New asset tags are inserted, and known ones updated with the non-empty values
 * of the row. Every change is audited under the import's batch. A software version that the patch
 * log set is kept when the row has a different one, and the row is reported as a conflict.
 */
final class ImportApplier {

    /** The number of rows written together; also the number of devices looked up in one query. */
    static final int CHUNK = 1000;

    private final Handle handle;
    private final AuditLog auditLog;
    private final Actor actor;
    private final Instant now;
    private final LocalDate today;
    private final long batchId;
    private final InventoryReferences references;
    private final DeviceDao dao;
    private final PatchLoggedVersions loggedVersions;
    private final List<PatchLoggedVersions.Conflict> conflicts = new ArrayList<>();
    private int added;
    private int updated;
    private int unchanged;

    ImportApplier(Handle handle, AuditLog auditLog, FdaProductClassification fda, Clock clock, Actor actor, Instant now, long batchId) {
        this.handle = handle;
        this.auditLog = auditLog;
        this.actor = actor;
        this.now = now;
        this.today = LocalDate.ofInstant(now, clock.getZone());
        this.batchId = batchId;
        this.references = new InventoryReferences(handle, fda, auditLog, actor, now, batchId);
        this.dao = handle.attach(DeviceDao.class);
        this.loggedVersions = PatchLoggedVersions.load(handle);
    }

    /** Writes one chunk of accepted rows; the caller keeps chunks at most {@link #CHUNK} rows long. */
    void apply(List<RowConverter.Accepted> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, Device> existing = existingDevices(chunk);
        List<DeviceValues> inserts = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (RowConverter.Accepted row : chunk) {
            DeviceValues incoming = references.canonicalize(row.values());
            Device current = existing.get(DeviceValues.assetTagKey(incoming.assetTag()));
            if (current == null) {
                inserts.add(newDevice(incoming));
                continue;
            }
            DeviceValues merged = merge(current.values(), incoming);
            PatchLoggedVersions.Conflict conflict = loggedVersions.keepLogged(row.rowNumber(), current, merged);
            if (conflict != null) {
                conflicts.add(conflict);
            }
            Set<DeviceField> changed = DeviceRows.changedFields(current.values(), merged);
            if (changed.isEmpty()) {
                unchanged++;
            } else {
                updates.add(new Update(current, merged, changed));
            }
        }
        insert(inserts);
        update(updates);
        added += inserts.size();
        updated += updates.size();
    }

    int added() {
        return added;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    /** Returns the rows whose software version stayed as the patch log set it, in file order. */
    List<PatchLoggedVersions.Conflict> conflicts() {
        return conflicts;
    }

    private record Update(Device current, DeviceValues merged, Set<DeviceField> changed) {
    }

    private Map<String, Device> existingDevices(List<RowConverter.Accepted> chunk) {
        List<String> keys = new ArrayList<>(chunk.size());
        for (RowConverter.Accepted row : chunk) {
            keys.add(DeviceValues.assetTagKey(row.values().assetTag()));
        }
        Map<String, Device> byKey = new HashMap<>();
        for (Device device : dao.findByAssetTagKeys(keys)) {
            byKey.put(DeviceValues.assetTagKey(device.assetTag()), device);
        }
        return byKey;
    }

    /**
     * Completes a new device: without a status it is Active. Its status date stays empty unless the
     * file gives one, because the import cannot know when the status last changed.
     */
    private DeviceValues newDevice(DeviceValues incoming) {
        DeviceValues values = incoming.copy();
        if (values.get(DeviceField.STATUS) == null) {
            values.set(DeviceField.STATUS, DeviceStatus.ACTIVE);
        }
        return values;
    }

    /** Overlays the values the row has on the stored ones; the stored spelling of the asset tag is kept. */
    private DeviceValues merge(DeviceValues stored, DeviceValues incoming) {
        DeviceValues merged = stored.copy();
        for (DeviceField field : incoming.fields()) {
            if (field != DeviceField.ASSET_TAG) {
                merged.set(field, incoming.get(field));
            }
        }
        DeviceService.stampStatusChange(stored, merged, today);
        return merged;
    }

    private void insert(List<DeviceValues> inserts) {
        if (inserts.isEmpty()) {
            return;
        }
        List<Map<String, Object>> columns = new ArrayList<>(inserts.size());
        for (DeviceValues values : inserts) {
            columns.add(DeviceRows.toColumns(null, values, references, now, actor.name(), now, actor.name()));
        }
        long[] ids = dao.insertAll(columns);
        List<AuditEntry> entries = new ArrayList<>(inserts.size());
        for (int i = 0; i < inserts.size(); i++) {
            entries.add(DeviceRows.createEntry(now, actor, ids[i], inserts.get(i), batchId, "Added by import"));
        }
        auditLog.appendAll(handle, entries);
    }

    private void update(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<Map<String, Object>> columns = new ArrayList<>(updates.size());
        List<AuditEntry> entries = new ArrayList<>(updates.size());
        for (Update update : updates) {
            Device current = update.current();
            columns.add(DeviceRows.toColumns(current.id(), update.merged(), references, current.createdAt(), current.createdBy(),
                    now, actor.name()));
            entries.add(DeviceRows.updateEntry(now, actor, current.id(), current.values(), update.merged(), update.changed(), batchId,
                    "Updated by import"));
        }
        dao.updateAll(columns);
        auditLog.appendAll(handle, entries);
    }
}
