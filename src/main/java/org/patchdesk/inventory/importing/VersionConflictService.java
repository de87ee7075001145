package org.patchdesk.inventory.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.inventory.DeviceService;

/**
 * The review of software-version conflicts: import rows whose version differed from one the patch
 * log set, which the import kept. A person takes the imported value (the device's version changes
 * and the patch log no longer protects it) or keeps the logged one. Both are audited.
 */
public final class VersionConflictService {

    public static final String RECORD_TYPE = "import_version_conflict";

    private static final String SELECT = "SELECT c.id, c.batch_id, b.file_name, c.row_number, c.device_id, c.asset_tag,"
            + " c.imported_value, c.patch_log_value, c.entry_id, c.resolution, c.resolved_by, c.resolved_at,"
            + " b.undone_at IS NOT NULL AS import_undone FROM import_version_conflict c JOIN import_batch b ON b.id = c.batch_id";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final DeviceService devices;
    private final Clock clock;

    public VersionConflictService(Jdbi jdbi, AuditLog auditLog, DeviceService devices, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.devices = devices;
        this.clock = clock;
    }

    /** Returns the conflicts waiting for review, or all of them, newest import first and in row order. */
    public List<VersionConflict> list(boolean includeResolved) {
        String where = includeResolved ? "" : " WHERE c.resolution IS NULL AND b.undone_at IS NULL";
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + where + " ORDER BY c.batch_id DESC, c.row_number, c.id")
                .map(mapper())
                .list());
    }

    /** Returns the conflicts of one import, in row order. */
    public List<VersionConflict> ofBatch(long batchId) {
        return jdbi.withHandle(handle -> ofBatch(handle, batchId));
    }

    static List<VersionConflict> ofBatch(Handle handle, long batchId) {
        return handle.createQuery(SELECT + " WHERE c.batch_id = :batch ORDER BY c.row_number, c.id")
                .bind("batch", batchId)
                .map(mapper())
                .list();
    }

    /**
     * Sets the device's software version to the imported value. The patch log no longer protects
     * the device's version afterwards, so later imports change it as they change any field.
     *
     * @throws IllegalArgumentException when the conflict does not exist or its device was deleted
     * @throws IllegalStateException when the conflict was already resolved or its import undone
     */
    public VersionConflict takeImported(long conflictId, Actor actor) {
        return jdbi.inTransaction(handle -> {
            VersionConflict conflict = pending(handle, conflictId);
            if (conflict.deviceId() == null) {
                throw new IllegalArgumentException("Device " + conflict.assetTag() + " no longer exists");
            }
            String summary = "Software version " + conflict.importedValue() + " taken from import #" + conflict.batchId() + " ("
                    + conflict.fileName() + ", row " + conflict.rowNumber() + ") in place of " + conflict.patchLogValue()
                    + " set by patch log entry #" + conflict.logEntryId();
            handle.createUpdate("DELETE FROM patch_log_version WHERE device_id = :device")
                    .bind("device", conflict.deviceId())
                    .execute();
            devices.setSoftwareVersion(handle, conflict.deviceId(), conflict.importedValue(), actor, summary);
            return resolve(handle, conflict, VersionConflict.Resolution.IMPORTED, summary, actor);
        });
    }

    /**
     * Keeps the software version the patch log set and closes the conflict.
     *
     * @throws IllegalArgumentException when the conflict does not exist
     * @throws IllegalStateException when the conflict was already resolved or its import undone
     */
    public VersionConflict keepLogged(long conflictId, Actor actor) {
        return jdbi.inTransaction(handle -> {
            VersionConflict conflict = pending(handle, conflictId);
            String summary = "Software version " + conflict.patchLogValue() + " from patch log entry #" + conflict.logEntryId()
                    + " kept over " + conflict.importedValue() + " in import #" + conflict.batchId() + " (" + conflict.fileName()
                    + ", row " + conflict.rowNumber() + ")";
            return resolve(handle, conflict, VersionConflict.Resolution.KEPT, summary, actor);
        });
    }

    /** Stores the conflicts an import found, inside the import's transaction. */
    static void insert(Handle handle, long batchId, List<PatchLoggedVersions.Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO import_version_conflict (batch_id, row_number, device_id, asset_tag,"
                + " imported_value, patch_log_value, entry_id) VALUES (:batch, :row, :device, :tag, :imported, :logged, :entry)");
        for (PatchLoggedVersions.Conflict conflict : conflicts) {
            batch.bind("batch", batchId)
                    .bind("row", conflict.rowNumber())
                    .bind("device", conflict.deviceId())
                    .bind("tag", conflict.assetTag())
                    .bind("imported", conflict.importedValue())
                    .bind("logged", conflict.patchLogValue())
                    .bind("entry", conflict.entryId())
                    .add();
        }
        batch.execute();
    }

    private static VersionConflict pending(Handle handle, long conflictId) {
        VersionConflict conflict = handle.createQuery(SELECT + " WHERE c.id = :id")
                .bind("id", conflictId)
                .map(mapper())
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("No version conflict has number " + conflictId));
        if (conflict.resolution() != null) {
            throw new IllegalStateException("The version conflict of " + conflict.assetTag() + " was already resolved by "
                    + conflict.resolvedBy() + ": " + conflict.resolution().label());
        }
        if (conflict.importUndone()) {
            throw new IllegalStateException("Import #" + conflict.batchId() + " (" + conflict.fileName()
                    + ") was undone; its version conflicts need no review");
        }
        return conflict;
    }

    private VersionConflict resolve(Handle handle, VersionConflict conflict, VersionConflict.Resolution resolution, String summary,
                                    Actor actor) {
        Instant now = clock.instant();
        handle.createUpdate("UPDATE import_version_conflict SET resolution = :resolution, resolved_by = :by, resolved_at = :at"
                        + " WHERE id = :id")
                .bind("resolution", resolution.stored())
                .bind("by", actor.name())
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("id", conflict.id())
                .execute();
        Map<String, String> newValues = new LinkedHashMap<>();
        newValues.put("resolution", resolution.stored());
        newValues.put("software_version", resolution == VersionConflict.Resolution.IMPORTED ? conflict.importedValue()
                : conflict.patchLogValue());
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, RECORD_TYPE, conflict.id(),
                conflict.assetTag(), null, Map.of(), newValues, summary));
        return handle.createQuery(SELECT + " WHERE c.id = :id").bind("id", conflict.id()).map(mapper()).one();
    }

    private static RowMapper<VersionConflict> mapper() {
        return (rs, ctx) -> {
            OffsetDateTime resolvedAt = rs.getObject("resolved_at", OffsetDateTime.class);
            long storedDevice = rs.getLong("device_id");
            Long deviceId = rs.wasNull() ? null : storedDevice;
            return new VersionConflict(rs.getLong("id"), rs.getLong("batch_id"), rs.getString("file_name"), rs.getInt("row_number"),
                    deviceId, rs.getString("asset_tag"), rs.getString("imported_value"),
                    rs.getString("patch_log_value"), rs.getLong("entry_id"), VersionConflict.Resolution.fromStored(rs.getString("resolution")),
                    rs.getString("resolved_by"), resolvedAt == null ? null : resolvedAt.toInstant(), rs.getBoolean("import_undone"));
        };
    }
}
