package org.patchdesk.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;

/** Lists, adds, edits and deletes devices one at a time; every change goes to the audit trail. */
public final class DeviceService {

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final FdaProductClassification fda;
    private final Clock clock;
    private final InventoryChangeListener listener;

    public DeviceService(Jdbi jdbi, AuditLog auditLog, FdaProductClassification fda, Clock clock, InventoryChangeListener listener) {
        this.listener = listener;
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.fda = fda;
        this.clock = clock;
    }

    public List<Device> list() {
        return jdbi.withExtension(DeviceDao.class, DeviceDao::listAll);
    }

    public long count() {
        return jdbi.withExtension(DeviceDao.class, DeviceDao::count);
    }

    public Optional<Device> findByAssetTag(String assetTag) {
        return jdbi.withExtension(DeviceDao.class, dao -> dao.findByAssetTagKey(DeviceValues.assetTagKey(assetTag)));
    }

    /** Fields whose values are offered as choices in the device form. */
    private static final List<DeviceField> SUGGESTED_FIELDS = List.of(DeviceField.DEPARTMENT, DeviceField.BUILDING,
            DeviceField.OS_NAME, DeviceField.NETWORK_SEGMENT);

    /**
     * Returns the values already in use for the fields the device form offers as choices: every
     * manufacturer and device type, and the distinct departments, buildings, operating systems and
     * network segments of the devices.
     */
    public Map<DeviceField, List<String>> knownValues() {
        return jdbi.withExtension(DeviceDao.class, dao -> {
            Map<DeviceField, List<String>> values = new EnumMap<>(DeviceField.class);
            values.put(DeviceField.MANUFACTURER, dao.manufacturerNames());
            values.put(DeviceField.DEVICE_TYPE, dao.deviceTypeNames());
            for (DeviceField field : SUGGESTED_FIELDS) {
                values.put(field, dao.distinctValues(field.key()));
            }
            return values;
        });
    }

    public Optional<Device> findById(long id) {
        return jdbi.withExtension(DeviceDao.class, dao -> dao.findById(id));
    }

    /**
     * Returns the problems that would stop {@code values} from being saved, by field: a missing asset
     * tag, or one that another device already has. {@code id} is the device being edited, or null for a new one.
     */
    public Map<DeviceField, String> validate(Long id, DeviceValues values) {
        Map<DeviceField, String> problems = new EnumMap<>(DeviceField.class);
        String assetTag = values.assetTag();
        if (assetTag == null || assetTag.isBlank()) {
            problems.put(DeviceField.ASSET_TAG, "An asset tag is required");
            return problems;
        }
        findByAssetTag(assetTag)
                .filter(other -> id == null || other.id() != id)
                .ifPresent(other -> problems.put(DeviceField.ASSET_TAG, "Asset tag " + other.assetTag() + " is already used by another device"));
        return problems;
    }

    /** Adds a device; a missing status is Active, and the status date defaults to today. */
    public Device create(DeviceValues values, Actor actor) {
        requireValid(null, values);
        Instant now = clock.instant();
        DeviceValues toSave = values.copy();
        if (toSave.get(DeviceField.STATUS) == null) {
            toSave.set(DeviceField.STATUS, DeviceStatus.ACTIVE);
        }
        if (toSave.get(DeviceField.STATUS_CHANGED_ON) == null) {
            toSave.set(DeviceField.STATUS_CHANGED_ON, LocalDate.now(clock));
        }
        return jdbi.inTransaction(handle -> {
            InventoryReferences references = new InventoryReferences(handle, fda, auditLog, actor, now, null);
            DeviceValues canonical = references.canonicalize(toSave);
            long id = handle.attach(DeviceDao.class).insert(DeviceRows.toColumns(null, canonical, references, now, actor.name(), now, actor.name()));
            auditLog.append(handle, DeviceRows.createEntry(now, actor, id, canonical, null, "Device added"));
            listener.devicesChanged(handle, List.of(id), ProgressMonitor.NONE);
            return handle.attach(DeviceDao.class).findById(id).orElseThrow();
        });
    }

    /**
     * Replaces a device's values. When the status changes and the status date does not, the status
     * date becomes today. Returns the device unchanged when nothing differs.
     */
    public Device update(long id, DeviceValues values, Actor actor) {
        requireValid(id, values);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            DeviceDao dao = handle.attach(DeviceDao.class);
            Device current = dao.findById(id).orElseThrow(() -> new IllegalArgumentException("No device has id " + id));
            InventoryReferences references = new InventoryReferences(handle, fda, auditLog, actor, now, null);
            DeviceValues toSave = references.canonicalize(values);
            if (toSave.get(DeviceField.STATUS) == null) {
                toSave.set(DeviceField.STATUS, current.values().get(DeviceField.STATUS));
            }
            stampStatusChange(current.values(), toSave, LocalDate.now(clock));
            Set<DeviceField> changed = DeviceRows.changedFields(current.values(), toSave);
            if (changed.isEmpty()) {
                return current;
            }
            dao.update(DeviceRows.toColumns(id, toSave, references, current.createdAt(), current.createdBy(), now, actor.name()));
            auditLog.append(handle, DeviceRows.updateEntry(now, actor, id, current.values(), toSave, changed, null, "Device edited"));
            listener.devicesChanged(handle, List.of(id), ProgressMonitor.NONE);
            return dao.findById(id).orElseThrow();
        });
    }

    /** A new software version for a device, with the summary its audit entry gets. */
    public record VersionChange(long deviceId, String version, String summary) {
    }

    /**
     * Sets a device's software version inside the caller's transaction, audits the change with
     * {@code summary} and refreshes the device's findings, as an edit in the device form does. A
     * blank version clears it. Returns the device as it is afterwards, unchanged when the version
     * was already the same.
     *
     * @throws IllegalArgumentException when no device has the id
     */
    public Device setSoftwareVersion(Handle handle, long id, String version, Actor actor, String summary) {
        setSoftwareVersions(handle, List.of(new VersionChange(id, version, summary)), actor);
        return handle.attach(DeviceDao.class).findById(id).orElseThrow();
    }

    /**
     * Sets the software versions of several devices inside the caller's transaction, with one audit
     * entry per changed device, then refreshes the changed devices' findings once for all of them.
     *
     * @throws IllegalArgumentException when no device has one of the ids
     */
    public void setSoftwareVersions(Handle handle, List<VersionChange> changes, Actor actor) {
        Instant now = clock.instant();
        DeviceDao dao = handle.attach(DeviceDao.class);
        InventoryReferences references = new InventoryReferences(handle, fda, auditLog, actor, now, null);
        Set<Long> changedDevices = new java.util.LinkedHashSet<>();
        for (VersionChange change : changes) {
            long id = change.deviceId();
            Device current = dao.findById(id).orElseThrow(() -> new IllegalArgumentException("No device has id " + id));
            DeviceValues changedValues = current.values().copy();
            changedValues.set(DeviceField.SOFTWARE_VERSION, change.version() == null ? null : change.version().strip());
            Set<DeviceField> changed = DeviceRows.changedFields(current.values(), changedValues);
            if (changed.isEmpty()) {
                continue;
            }
            dao.update(DeviceRows.toColumns(id, changedValues, references, current.createdAt(), current.createdBy(), now, actor.name()));
            auditLog.append(handle, DeviceRows.updateEntry(now, actor, id, current.values(), changedValues, changed, null,
                    change.summary()));
            changedDevices.add(id);
        }
        if (!changedDevices.isEmpty()) {
            listener.devicesChanged(handle, List.copyOf(changedDevices), ProgressMonitor.NONE);
        }
    }

    public void delete(long id, Actor actor) {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            DeviceDao dao = handle.attach(DeviceDao.class);
            Device current = dao.findById(id).orElseThrow(() -> new IllegalArgumentException("No device has id " + id));
            dao.delete(id);
            auditLog.append(handle, DeviceRows.deleteEntry(now, actor, current, null, "Device deleted"));
            listener.devicesChanged(handle, List.of(id), ProgressMonitor.NONE);
        });
    }

    /** Sets the status date to {@code today} when the status changed and the date was not changed with it. */
    public static void stampStatusChange(DeviceValues before, DeviceValues after, LocalDate today) {
        boolean statusChanged = before.get(DeviceField.STATUS) != after.get(DeviceField.STATUS);
        boolean dateChanged = !Objects.equals(before.get(DeviceField.STATUS_CHANGED_ON), after.get(DeviceField.STATUS_CHANGED_ON));
        if (statusChanged && !dateChanged) {
            after.set(DeviceField.STATUS_CHANGED_ON, today);
        }
    }

    private void requireValid(Long id, DeviceValues values) {
        Map<DeviceField, String> problems = validate(id, values);
        if (!problems.isEmpty()) {
            throw new DeviceValidationException(problems);
        }
    }
}
