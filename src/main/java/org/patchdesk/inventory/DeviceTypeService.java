package org.patchdesk.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;

/**
 * The editable table of device types and their default clinical criticality and mission impact,
 * which apply to devices that state neither.
 */
public final class DeviceTypeService {

    public static final String RECORD_TYPE = "device_type";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final FdaProductClassification fda;
    private final Clock clock;
    private final InventoryChangeListener listener;

    public DeviceTypeService(Jdbi jdbi, AuditLog auditLog, FdaProductClassification fda, Clock clock, InventoryChangeListener listener) {
        this.listener = listener;
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.fda = fda;
        this.clock = clock;
    }

    public List<DeviceType> list() {
        return jdbi.withExtension(DeviceTypeDao.class, DeviceTypeDao::listAll);
    }

    public FdaProductClassification fdaClassification() {
        return fda;
    }

    /** Links a device type to an FDA product code and takes that code's defaults. */
    public DeviceType applyFdaProductCode(long typeId, String productCode, Actor actor) {
        FdaProductCode code = fda.byCode(productCode)
                .orElseThrow(() -> new IllegalArgumentException("'" + productCode + "' is not an FDA product code"));
        TypeDefaults defaults = TypeDefaults.fromFda(code);
        return save(typeId, code.code(), defaults, actor);
    }

    /** Sets a device type's defaults by hand; either may be null for no default. */
    public DeviceType setDefaults(long typeId, ClinicalCriticality criticality, MissionImpact missionImpact, Actor actor) {
        DeviceType current = find(typeId);
        String source = "set by " + actor.name() + " on " + LocalDate.now(clock);
        return save(typeId, current.fdaProductCode(), new TypeDefaults(criticality, missionImpact, source), actor);
    }

    private DeviceType save(long typeId, String code, TypeDefaults defaults, Actor actor) {
        return jdbi.inTransaction(handle -> {
            DeviceTypeDao dao = handle.attach(DeviceTypeDao.class);
            DeviceType current = dao.findById(typeId).orElseThrow(() -> new IllegalArgumentException("No device type has id " + typeId));
            dao.updateDefaults(typeId, code, name(defaults.criticality()), name(defaults.missionImpact()), defaults.source());
            Map<String, String> before = describe(current.fdaProductCode(), current.defaults());
            Map<String, String> after = describe(code, defaults);
            if (!Objects.equals(before, after)) {
                auditLog.append(handle, new AuditEntry(null, clock.instant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, typeId,
                        current.name(), null, before, after, "Device type defaults changed"));
                List<Long> devices = handle.createQuery("SELECT id FROM device WHERE device_type_id = :type")
                        .bind("type", typeId).mapTo(Long.class).list();
                if (!devices.isEmpty()) {
                    listener.devicesChanged(handle, devices, ProgressMonitor.NONE);
                }
            }
            return dao.findById(typeId).orElseThrow();
        });
    }

    private DeviceType find(long typeId) {
        return jdbi.withExtension(DeviceTypeDao.class, dao -> dao.findById(typeId))
                .orElseThrow(() -> new IllegalArgumentException("No device type has id " + typeId));
    }

    private static Map<String, String> describe(String code, TypeDefaults defaults) {
        Map<String, String> values = new LinkedHashMap<>();
        if (code != null) {
            values.put("fda_product_code", code);
        }
        if (defaults.criticality() != null) {
            values.put("default_criticality", defaults.criticality().name());
        }
        if (defaults.missionImpact() != null) {
            values.put("default_mission_impact", defaults.missionImpact().name());
        }
        return values;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
