package org.patchdesk.inventory.importing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.audit.AuditRowMapper;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceDao;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceRows;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.InventoryReferences;

/**
 * Reverts one import inside a transaction, using the audit entries the import wrote. A device
 * that has any audit entry after the import's own (an edit, a later import, a deletion) is left
 * as it is and reported.
 */
final class ImportUndo {

    private final Handle handle;
    private final AuditLog auditLog;
    private final FdaProductClassification fda;
    private final Actor actor;
    private final Instant now;

    ImportUndo(Handle handle, AuditLog auditLog, FdaProductClassification fda, Actor actor, Instant now) {
        this.handle = handle;
        this.auditLog = auditLog;
        this.fda = fda;
        this.actor = actor;
        this.now = now;
    }

    UndoResult undo(long batchId) {
        ImportBatchDao batches = handle.attach(ImportBatchDao.class);
        ImportBatch batch = batches.findById(batchId)
                .orElseThrow(() -> new IllegalArgumentException("No import has number " + batchId));
        if (batch.isUndone()) {
            throw new IllegalStateException("Import #" + batchId + " (" + batch.fileName() + ") was already undone on "
                    + batch.undoneAt() + " by " + batch.undoneBy());
        }

        List<AuditEntry> entries = handle.attach(AuditDao.class).listByBatch(batchId).stream()
                .filter(entry -> DeviceRows.RECORD_TYPE.equals(entry.recordType()))
                .toList();
        Map<Long, AuditEntry> laterChanges = laterChanges(batchId, entries);
        String summary = "Undo of import #" + batchId + " (" + batch.fileName() + ")";
        InventoryReferences references = new InventoryReferences(handle, fda, auditLog, actor, now, null);
        DeviceDao devices = handle.attach(DeviceDao.class);

        List<UndoResult.KeptDevice> kept = new ArrayList<>();
        int deleted = 0;
        int restored = 0;
        for (AuditEntry entry : entries) {
            AuditEntry later = laterChanges.get(entry.recordId());
            if (later != null && later.id() > entry.id()) {
                kept.add(new UndoResult.KeptDevice(entry.recordLabel(), later.actor(), later.occurredAt(), later.summary()));
                continue;
            }
            Optional<Device> current = devices.findById(entry.recordId());
            if (current.isEmpty()) {
                continue;
            }
            if (entry.action() == AuditAction.CREATE) {
                delete(devices, current.get(), summary);
                deleted++;
            } else if (entry.action() == AuditAction.UPDATE) {
                restore(devices, references, current.get(), entry, summary);
                restored++;
            }
        }
        int reverted = deleted + restored;

        batches.markUndone(batchId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor.name(), reverted, kept.size());
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UNDO, InventoryImportService.BATCH_RECORD_TYPE,
                batchId, batch.fileName(), null, Map.of(),
                Map.of("reverted", Integer.toString(reverted), "kept", Integer.toString(kept.size())), summary));
        return new UndoResult(batches.findById(batchId).orElseThrow(), deleted, restored, kept);
    }

    /** Returns, for each device the batch touched, the first audit entry about it written after the batch. */
    private Map<Long, AuditEntry> laterChanges(long batchId, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Set<Long> touched = new HashSet<>();
        long firstId = Long.MAX_VALUE;
        for (AuditEntry entry : entries) {
            touched.add(entry.recordId());
            firstId = Math.min(firstId, entry.id());
        }
        List<AuditEntry> later = handle.createQuery("SELECT * FROM audit_entry WHERE record_type = :type AND id > :firstId"
                        + " AND (batch_id IS NULL OR batch_id <> :batchId) ORDER BY id")
                .bind("type", DeviceRows.RECORD_TYPE)
                .bind("firstId", firstId)
                .bind("batchId", batchId)
                .map(new AuditRowMapper())
                .list();
        Map<Long, AuditEntry> firstLater = new HashMap<>();
        for (AuditEntry entry : later) {
            if (touched.contains(entry.recordId())) {
                firstLater.putIfAbsent(entry.recordId(), entry);
            }
        }
        return firstLater;
    }

    private void delete(DeviceDao devices, Device device, String summary) {
        devices.delete(device.id());
        auditLog.append(handle, DeviceRows.deleteEntry(now, actor, device, null, summary));
    }

    private void restore(DeviceDao devices, InventoryReferences references, Device device, AuditEntry entry, String summary) {
        DeviceValues before = DeviceRows.fromAuditValues(entry.oldValues());
        Set<DeviceField> fields = EnumSet.noneOf(DeviceField.class);
        for (DeviceField field : DeviceField.values()) {
            if (entry.oldValues().containsKey(field.key()) || entry.newValues().containsKey(field.key())) {
                fields.add(field);
            }
        }
        DeviceValues restored = device.values().copy();
        for (DeviceField field : fields) {
            restored.set(field, before.get(field));
        }
        devices.update(DeviceRows.toColumns(device.id(), restored, references, device.createdAt(), device.createdBy(), now, actor.name()));
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, DeviceRows.RECORD_TYPE, device.id(),
                device.assetTag(), null, DeviceRows.auditValues(device.values(), fields), DeviceRows.auditValues(restored, fields), summary));
    }
}
