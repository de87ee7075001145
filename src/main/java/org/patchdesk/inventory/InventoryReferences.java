package org.patchdesk.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * Resolves manufacturer names, models and device type names to row ids inside one transaction,
 * creating (and auditing) the manufacturers, products and device types that do not exist yet.
 * Manufacturer names go through the alias list; new device types take their defaults from the FDA
 * product classification. Lookups are cached by the name as given, so one instance serves a
 * whole import without normalizing the same name twice.
 */
public final class InventoryReferences {

    private final Handle handle;
    private final FdaProductClassification fda;
    private final AuditLog auditLog;
    private final Actor actor;
    private final Instant now;
    private final Long batchId;

    private final Map<String, Long> manufacturerIdsByAliasKey;
    private final Map<Long, String> manufacturerNames = new HashMap<>();
    private final Map<Long, String> deviceTypeNames = new HashMap<>();
    private final Map<String, Long> manufacturerIdsByName = new HashMap<>();
    private final Map<String, Long> deviceTypeIdsByName = new HashMap<>();
    private final Map<String, Long> productIds = new HashMap<>();
    private final Map<String, Long> deviceTypeIds = new HashMap<>();

    public InventoryReferences(Handle handle, FdaProductClassification fda, AuditLog auditLog, Actor actor, Instant now, Long batchId) {
        this.handle = handle;
        this.fda = fda;
        this.auditLog = auditLog;
        this.actor = actor;
        this.now = now;
        this.batchId = batchId;
        this.manufacturerIdsByAliasKey = new HashMap<>(handle.attach(ManufacturerDao.class).aliasKeyToId());
    }

    /** Returns the manufacturer the name or one of its aliases leads to, creating it when none does; null for null. */
    public Long manufacturerId(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Long known = manufacturerIdsByName.get(name);
        if (known != null) {
            return known;
        }
        Long id = resolveManufacturer(name);
        manufacturerIdsByName.put(name, id);
        return id;
    }

    private Long resolveManufacturer(String name) {
        String key = ManufacturerNames.key(name);
        if (key.isEmpty()) {
            key = name.strip().toLowerCase(Locale.ROOT);
        }
        Long id = manufacturerIdsByAliasKey.get(key);
        if (id != null) {
            return id;
        }
        String cleaned = ManufacturerNames.clean(name);
        ManufacturerDao dao = handle.attach(ManufacturerDao.class);
        long created = dao.insert(cleaned, key);
        dao.insertAlias(key, cleaned, created);
        manufacturerIdsByAliasKey.put(key, created);
        manufacturerNames.put(created, cleaned);
        audit("manufacturer", created, cleaned, Map.of("name", cleaned), "Manufacturer first seen");
        return created;
    }

    /** Returns the canonical name of the manufacturer that {@code name} leads to, creating it when none does; null for null. */
    public String canonicalManufacturer(String name) {
        Long id = manufacturerId(name);
        if (id == null) {
            return null;
        }
        return manufacturerNames.computeIfAbsent(id, key -> handle.attach(ManufacturerDao.class).findName(key).orElseThrow());
    }

    /** Returns the name under which the device type {@code name} is stored, creating the type when new; null for null. */
    public String canonicalDeviceType(String name) {
        Long id = deviceTypeId(name);
        if (id == null) {
            return null;
        }
        return deviceTypeNames.computeIfAbsent(id, key -> handle.createQuery("SELECT name FROM device_type WHERE id = :id")
                .bind("id", key).mapTo(String.class).one());
    }

    /** Replaces the manufacturer and device type in {@code values} by their canonical names. */
    public DeviceValues canonicalize(DeviceValues values) {
        DeviceValues result = values.copy();
        result.set(DeviceField.MANUFACTURER, canonicalManufacturer(values.get(DeviceField.MANUFACTURER, String.class)));
        result.set(DeviceField.DEVICE_TYPE, canonicalDeviceType(values.get(DeviceField.DEVICE_TYPE, String.class)));
        return result;
    }

    /** Returns the product for a manufacturer's model, creating it when new; null unless both are given. */
    public Long productId(Long manufacturerId, String model) {
        if (manufacturerId == null || model == null || model.isBlank()) {
            return null;
        }
        String rawKey = manufacturerId + "\u0001" + model;
        Long known = productIds.get(rawKey);
        if (known != null) {
            return known;
        }
        Long id = resolveProduct(manufacturerId, model);
        productIds.put(rawKey, id);
        return id;
    }

    private Long resolveProduct(long manufacturerId, String model) {
        String modelKey = ModelNames.key(model);
        if (modelKey.isEmpty()) {
            modelKey = model.strip().toLowerCase(Locale.ROOT);
        }
        String cacheKey = manufacturerId + "\u0000" + modelKey;
        Long cached = productIds.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        ProductDao dao = handle.attach(ProductDao.class);
        String finalKey = modelKey;
        long id = dao.findId(manufacturerId, modelKey).orElseGet(() -> {
            long created = dao.insert(manufacturerId, model.strip(), finalKey);
            String manufacturer = handle.attach(ManufacturerDao.class).findName(manufacturerId).orElse("?");
            audit("product", created, manufacturer + " " + model.strip(),
                    Map.of("manufacturer", manufacturer, "model", model.strip()), "Product first seen");
            return created;
        });
        productIds.put(cacheKey, id);
        return id;
    }

    /** Returns the device type with this name, creating it with its FDA-derived defaults when new; null for null. */
    public Long deviceTypeId(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Long known = deviceTypeIdsByName.get(name);
        if (known != null) {
            return known;
        }
        Long id = resolveDeviceType(name);
        deviceTypeIdsByName.put(name, id);
        return id;
    }

    private Long resolveDeviceType(String name) {
        String key = FdaProductClassification.typeKey(name);
        if (key.isEmpty()) {
            key = name.strip().toLowerCase(Locale.ROOT);
        }
        Long cached = deviceTypeIds.get(key);
        if (cached != null) {
            return cached;
        }
        DeviceTypeDao dao = handle.attach(DeviceTypeDao.class);
        String finalKey = key;
        long id = dao.findIdByKey(key).orElseGet(() -> createDeviceType(dao, name.strip(), finalKey));
        deviceTypeIds.put(key, id);
        return id;
    }

    private long createDeviceType(DeviceTypeDao dao, String name, String key) {
        FdaProductCode code = fda.forDeviceType(name).orElse(null);
        TypeDefaults defaults = code == null ? TypeDefaults.NONE : TypeDefaults.fromFda(code);
        long created = dao.insert(name, key, code == null ? null : code.code(), enumName(defaults.criticality()),
                enumName(defaults.missionImpact()), defaults.source());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        if (code != null) {
            values.put("fda_product_code", code.code());
        }
        if (defaults.criticality() != null) {
            values.put("default_criticality", defaults.criticality().name());
            values.put("default_mission_impact", defaults.missionImpact().name());
        }
        audit("device_type", created, name, values, "Device type first seen");
        return created;
    }

    private static String enumName(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private void audit(String recordType, long id, String label, Map<String, String> newValues, String summary) {
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.CREATE, recordType, id, label, batchId,
                Map.of(), newValues, summary));
    }
}
