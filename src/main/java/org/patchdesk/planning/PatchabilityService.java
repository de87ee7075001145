package org.patchdesk.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.versions.Applicability;
import org.patchdesk.intel.versions.VersionSpec;

/**
 * Records patchability per product (for all software versions or a range of them) and per device,
 * and works out a device's patchability with its reason. The order: the device's own value, then
 * an operating system past its end of support, then a product past its end of support, then its
 * product's value for a range that covers the device's software version, then its product's value
 * for all versions, else unknown.
 */
public final class PatchabilityService {

    public static final String PRODUCT_RECORD = "product_patchability";
    public static final String DEVICE_RECORD = "device_patchability";

    /** The origin of a patchability value. */
    public enum Source {
        MDS2("MDS2 form"), VENDOR_LETTER("vendor letter"), USER("user"), OPERATING_SYSTEM("operating system"),
        PRODUCT_END_OF_SUPPORT("product end of support"), NONE("nothing recorded");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A device's resolved patchability with its reason and source. */
    public record Resolved(Patchability patchability, String reason, Source source) {
    }

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final OsSupportService osSupport;
    private final Clock clock;

    public PatchabilityService(Jdbi jdbi, AuditLog auditLog, OsSupportService osSupport, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.osSupport = osSupport;
        this.clock = clock;
    }

    /**
     * Sets the patchability of a product, for every software version when {@code versionRange} is
     * blank, or for a range such as "<=3.0".
     *
     * @throws IllegalArgumentException when the reason is missing or the range cannot be read
     */
    public void setForProduct(long productId, String versionRange, Patchability patchability, String reason, Source source,
                              String sourceRef, Actor actor) {
        jdbi.useTransaction(handle -> setForProduct(handle, productId, versionRange, patchability, reason, source, sourceRef, actor));
    }

    void setForProduct(Handle handle, long productId, String versionRange, Patchability patchability, String reason, Source source,
                       String sourceRef, Actor actor) {
        requireReason(reason);
        String range = versionRange == null || versionRange.isBlank() ? null : versionRange.strip();
        if (range != null && !VersionSpec.range(range).isParsed()) {
            throw new IllegalArgumentException("'" + range + "' is not a version range; write it as <=3.0, >=2.0|<3.0 or =2.4.1");
        }
        OffsetDateTime now = now();
        String key = range == null ? "" : range;
        Map<String, Object> old = handle.createQuery("SELECT patchability, reason, source FROM product_patchability"
                        + " WHERE product_id = :product AND version_key = :key")
                .bind("product", productId).bind("key", key).mapToMap().findOne().orElse(Map.of());
        handle.createUpdate("MERGE INTO product_patchability (product_id, version_range, version_key, patchability, reason, source,"
                        + " source_ref, set_by, set_at) KEY (product_id, version_key) VALUES (:product, :range, :key, :patchability,"
                        + " :reason, :source, :ref, :by, :at)")
                .bind("product", productId).bind("range", range).bind("key", key).bind("patchability", patchability.word())
                .bind("reason", reason.strip()).bind("source", source.word()).bind("ref", sourceRef).bind("by", actor.name())
                .bind("at", now).execute();
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), old.isEmpty() ? AuditAction.CREATE : AuditAction.UPDATE,
                PRODUCT_RECORD, productId, productLabel(handle, productId) + (range == null ? "" : ", versions " + range), null,
                strings(old), Map.of("patchability", patchability.word(), "reason", reason.strip(), "source", source.word()),
                "Patchability " + patchability.label()));
    }

    /**
     * Sets a device's own patchability, which overrides its product's.
     *
     * @throws IllegalArgumentException when the reason is missing
     */
    public void setForDevice(long deviceId, Patchability patchability, String reason, Source source, Actor actor) {
        requireReason(reason);
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            Map<String, Object> old = ownValues(handle, deviceId);
            handle.createUpdate("MERGE INTO device_patchability (device_id, patchability, reason, source, set_by, set_at)"
                            + " KEY (device_id) VALUES (:id, :patchability, :reason, :source, :by, :at)")
                    .bind("id", deviceId).bind("patchability", patchability.word()).bind("reason", reason.strip())
                    .bind("source", source.word()).bind("by", actor.name()).bind("at", now).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), old.isEmpty() ? AuditAction.CREATE
                    : AuditAction.UPDATE, DEVICE_RECORD, deviceId, assetTag(handle, deviceId), null, strings(old),
                    Map.of("patchability", patchability.word(), "reason", reason.strip(), "source", source.word()),
                    "Patchability " + patchability.label()));
        });
    }

    /** Removes a device's own patchability, so its product's applies again. */
    public void clearForDevice(long deviceId, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            Map<String, Object> old = ownValues(handle, deviceId);
            if (old.isEmpty()) {
                return;
            }
            handle.createUpdate("DELETE FROM device_patchability WHERE device_id = :id").bind("id", deviceId).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.DELETE, DEVICE_RECORD, deviceId,
                    assetTag(handle, deviceId), null, strings(old), Map.of(), "Own patchability removed; the product's applies"));
        });
    }

    /**
     * A device with its patchability, for the patchability screen and reports. {@code supportEnding}
     * names the operating system or product whose support ends within 12 months, with the date,
     * such as "Windows 10 IoT Enterprise LTSC 2021 on 2027-06-01", or is null.
     */
    public record DevicePatchability(long deviceId, String assetTag, String manufacturer, String model, String softwareVersion,
                                     String osName, Long productId, Resolved resolved, String supportEnding) {
    }

    private record Own(Patchability patchability, String reason, Source source) {
    }

    private record ProductEntry(String range, Patchability patchability, String reason, Source source) {
    }

    /** The recorded values and dates, loaded once to resolve many devices. */
    private record Records(Map<Long, Own> own, Map<Long, List<ProductEntry>> products, List<OsSupport> os,
                           Map<Long, ProductSupport> productSupport, LocalDate today) {

        /** Names what ends within 12 months: the operating system, the product or both, with the dates; null when nothing does. */
        String supportEnding(Long productId, String osName) {
            List<String> ending = new java.util.ArrayList<>();
            OsSupportService.match(os, osName).filter(entry -> entry.stateOn(today) == OsSupport.State.ENDING)
                    .ifPresent(entry -> ending.add(osName.strip() + " on " + entry.endOfSupport()));
            ProductSupport product = productId == null ? null : productSupport.get(productId);
            if (product != null && product.stateOn(today) == OsSupport.State.ENDING) {
                ending.add(product.label() + " on " + product.endOfSupport());
            }
            return ending.isEmpty() ? null : String.join("; ", ending);
        }

        Resolved resolve(long deviceId, Long productId, String softwareVersion, String osName) {
            Own mine = own.get(deviceId);
            if (mine != null) {
                return new Resolved(mine.patchability(), mine.reason() + " (set for this device)", mine.source());
            }
            Optional<OsSupport> support = OsSupportService.match(os, osName);
            if (support.isPresent() && support.get().stateOn(today) == OsSupport.State.UNSUPPORTED) {
                return new Resolved(Patchability.UNSUPPORTED, osName.strip() + " reached its end of support on "
                        + support.get().endOfSupport() + " (" + support.get().source() + ")", Source.OPERATING_SYSTEM);
            }
            if (productId == null) {
                return new Resolved(Patchability.UNKNOWN, "the device has no model recorded", Source.NONE);
            }
            ProductSupport ended = productSupport.get(productId);
            if (ended != null && ended.stateOn(today) == OsSupport.State.UNSUPPORTED) {
                return new Resolved(Patchability.UNSUPPORTED, ended.label() + " reached its end of support on " + ended.endOfSupport()
                        + " (" + ended.source() + ")", Source.PRODUCT_END_OF_SUPPORT);
            }
            List<ProductEntry> entries = products.getOrDefault(productId, List.of());
            for (ProductEntry entry : entries) {
                if (entry.range() != null && softwareVersion != null
                        && VersionSpec.range(entry.range()).test(softwareVersion) == Applicability.AFFECTED) {
                    return new Resolved(entry.patchability(), entry.reason() + " (for software versions " + entry.range() + ")",
                            entry.source());
                }
            }
            for (ProductEntry entry : entries) {
                if (entry.range() == null) {
                    return new Resolved(entry.patchability(), entry.reason(), entry.source());
                }
            }
            return new Resolved(Patchability.UNKNOWN, "nothing is recorded for this product", Source.NONE);
        }
    }

    private Records records(Handle handle) {
        Map<Long, Own> own = new HashMap<>();
        handle.createQuery("SELECT device_id, patchability, reason, source FROM device_patchability")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Own(Patchability.fromWord(rs.getString(2)), rs.getString(3),
                        sourceOf(rs.getString(4)))))
                .forEach(entry -> own.put(entry.getKey(), entry.getValue()));
        Map<Long, List<ProductEntry>> products = new HashMap<>();
        handle.createQuery("SELECT product_id, version_range, patchability, reason, source FROM product_patchability"
                        + " ORDER BY set_at DESC, id DESC")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new ProductEntry(rs.getString(2), Patchability.fromWord(rs.getString(3)),
                        rs.getString(4), sourceOf(rs.getString(5)))))
                .forEach(entry -> products.computeIfAbsent(entry.getKey(), key -> new java.util.ArrayList<>()).add(entry.getValue()));
        return new Records(own, products, osSupport.list(), ProductSupportService.byProduct(handle), LocalDate.now(clock));
    }

    /** An inventory product with its number of in-service devices. */
    public record ProductRef(long id, String manufacturer, String model, int devices) {

        public String label() {
            return manufacturer + " " + model;
        }
    }

    /** Lists the products that have in-service devices, by manufacturer and model. */
    public List<ProductRef> products() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT p.id, m.name, p.model, COUNT(d.id) FROM product p"
                        + " JOIN manufacturer m ON m.id = p.manufacturer_id JOIN device d ON d.product_id = p.id AND d.status <> 'RETIRED'"
                        + " GROUP BY p.id, m.name, p.model ORDER BY LOWER(m.name), LOWER(p.model)")
                .map((rs, ctx) -> new ProductRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list());
    }

    /** Works out the patchability of a device, with the reason. */
    public Resolved resolve(long deviceId) {
        return jdbi.withHandle(handle -> {
            Records records = records(handle);
            return handle.createQuery("SELECT product_id, software_version, os_name FROM device WHERE id = :id")
                    .bind("id", deviceId)
                    .map((rs, ctx) -> records.resolve(deviceId, (Long) rs.getObject(1), rs.getString(2), rs.getString(3)))
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Device " + deviceId + " not found"));
        });
    }

    /** Works out the patchability of every in-service device, in asset tag order. */
    public List<DevicePatchability> resolveAll() {
        return jdbi.withHandle(handle -> {
            Records records = records(handle);
            return handle.createQuery("SELECT d.id, d.asset_tag, m.name, d.model, d.software_version, d.os_name, d.product_id"
                            + " FROM device d LEFT JOIN manufacturer m ON m.id = d.manufacturer_id WHERE d.status <> 'RETIRED'"
                            + " ORDER BY d.asset_tag_key")
                    .map((rs, ctx) -> {
                        long id = rs.getLong(1);
                        Long productId = (Long) rs.getObject(7);
                        return new DevicePatchability(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), productId, records.resolve(id, productId, rs.getString(5), rs.getString(6)),
                                records.supportEnding(productId, rs.getString(6)));
                    })
                    .list();
        });
    }

    /** Returns the ids of the devices whose patchability is set for the device itself. */
    public java.util.Set<Long> devicesWithOwnValue() {
        return jdbi.withHandle(handle -> java.util.Set.copyOf(handle.createQuery("SELECT device_id FROM device_patchability")
                .mapTo(Long.class).list()));
    }

    private static Source sourceOf(String word) {
        for (Source source : Source.values()) {
            if (source.word().equals(word)) {
                return source;
            }
        }
        return Source.NONE;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required, such as the vendor's statement or the MDS2 question IDs");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Returns a device's own patchability, reason and source by column name, or an empty map when it has none. */
    private static Map<String, Object> ownValues(Handle handle, long deviceId) {
        return handle.createQuery("SELECT patchability, reason, source FROM device_patchability WHERE device_id = :id")
                .bind("id", deviceId).mapToMap().findOne().orElse(Map.of());
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> text = new HashMap<>();
        values.forEach((key, value) -> text.put(key, String.valueOf(value)));
        return text;
    }

    /**
     * Returns a product's manufacturer and model, such as "BD Alaris 8100".
     *
     * @throws IllegalArgumentException when the product is not found
     */
    static String productLabel(Handle handle, long productId) {
        return handle.createQuery("SELECT m.name || ' ' || p.model FROM product p JOIN manufacturer m ON m.id = p.manufacturer_id"
                + " WHERE p.id = :id").bind("id", productId).mapTo(String.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("Product " + productId + " not found"));
    }

    private static String assetTag(Handle handle, long deviceId) {
        return handle.createQuery("SELECT asset_tag FROM device WHERE id = :id").bind("id", deviceId).mapTo(String.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("Device " + deviceId + " not found"));
    }
}
