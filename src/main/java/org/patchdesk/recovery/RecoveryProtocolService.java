package org.patchdesk.recovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;
import org.patchdesk.planning.PatchabilityService.DevicePatchability;

/**
 * Keeps the incident recovery protocols of products and devices and lists the gaps: products and
 * devices the owner cannot patch that have no protocol, and protocols whose review is overdue.
 * Every create, update and delete appends an audit entry with record type {@value #RECORD} in the
 * same transaction.
 *
 * <p>A device the owner cannot patch is an in-service device whose resolved patchability is
 * anything but {@link Patchability#OWNER_AFTER_VALIDATION}: vendor-installed only, awaiting
 * validation, prohibited or none, unsupported, and unknown, because until someone records how
 * updates reach a device nobody has shown that the hospital can patch it.
 */
public final class RecoveryProtocolService {

    public static final String RECORD = "recovery_protocol";

    static final int MAX_TEXT = 8000;
    static final int MAX_SHORT = 200;
    static final int MAX_PATH = 4000;

    private static final String SELECT = "SELECT r.id, r.product_id, r.device_id, r.downtime_procedure, r.isolation_steps,"
            + " r.restore_steps, r.backup_location, r.vendor_emergency_contact, r.return_decider_role, r.return_decider_name,"
            + " r.last_reviewed_on, r.last_reviewed_by, r.next_review_on, r.updated_at, r.updated_by, d.asset_tag,"
            + " COALESCE(pm.name || ' ' || p.model, dm.name || ' ' || dp.model) AS product_label"
            + " FROM recovery_protocol r"
            + " LEFT JOIN product p ON p.id = r.product_id LEFT JOIN manufacturer pm ON pm.id = p.manufacturer_id"
            + " LEFT JOIN device d ON d.id = r.device_id LEFT JOIN product dp ON dp.id = d.product_id"
            + " LEFT JOIN manufacturer dm ON dm.id = dp.manufacturer_id";

    /** A product to choose in an editor, labeled by manufacturer and model. */
    public record ProductChoice(long id, String label) {
    }

    /** Both gap lists, worked out from one pass over the inventory's patchability. */
    public record Gaps(List<ProductWithoutProtocol> products, List<DeviceWithoutProtocol> devices) {
    }

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PatchabilityService patchability;
    private final Clock clock;

    public RecoveryProtocolService(Jdbi jdbi, AuditLog auditLog, PatchabilityService patchability, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.patchability = patchability;
        this.clock = clock;
    }

    /** Returns true when the hospital may install updates itself: only owner-installable after vendor validation. */
    public static boolean ownerCanPatch(Patchability value) {
        return value == Patchability.OWNER_AFTER_VALIDATION;
    }

    /**
     * Creates a protocol for a product or for one device.
     *
     * @throws IllegalArgumentException when a value is missing, too long or inconsistent, the product or device does not
     *                                  exist, or it already has a protocol
     */
    public RecoveryProtocol create(RecoveryProtocolValues values, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            RecoveryProtocolValues clean = clean(handle, values, null);
            long id = handle.createUpdate("INSERT INTO recovery_protocol (product_id, device_id, downtime_procedure,"
                            + " isolation_steps, restore_steps, backup_location, vendor_emergency_contact, return_decider_role,"
                            + " return_decider_name, last_reviewed_on, last_reviewed_by, next_review_on, created_at, created_by,"
                            + " updated_at, updated_by) VALUES (:product, :device, :downtime, :isolation, :restore, :backups, :vendor,"
                            + " :role, :name, :reviewedOn, :reviewedBy, :nextReview, :at, :by, :at, :by)")
                    .bindMap(columns(clean)).bind("at", now).bind("by", actor.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            writeDocuments(handle, id, clean.documentPaths());
            RecoveryProtocol created = require(handle, id);
            append(handle, now, actor, AuditAction.CREATE, created, Map.of(), auditValues(created), "Recovery protocol created");
            return created;
        });
    }

    /**
     * Changes a protocol, including what it is for and its document paths. Nothing is written when
     * no value changes.
     *
     * @throws IllegalArgumentException when the protocol does not exist, or as for {@link #create}
     */
    public RecoveryProtocol update(long id, RecoveryProtocolValues values, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            RecoveryProtocol old = require(handle, id);
            RecoveryProtocolValues clean = clean(handle, values, id);
            if (clean.equals(old.values())) {
                return old;
            }
            handle.createUpdate("UPDATE recovery_protocol SET product_id = :product, device_id = :device,"
                            + " downtime_procedure = :downtime, isolation_steps = :isolation, restore_steps = :restore,"
                            + " backup_location = :backups, vendor_emergency_contact = :vendor, return_decider_role = :role,"
                            + " return_decider_name = :name, last_reviewed_on = :reviewedOn, last_reviewed_by = :reviewedBy,"
                            + " next_review_on = :nextReview, updated_at = :at, updated_by = :by WHERE id = :id")
                    .bindMap(columns(clean)).bind("at", now).bind("by", actor.name()).bind("id", id).execute();
            handle.createUpdate("DELETE FROM recovery_protocol_document WHERE protocol_id = :id").bind("id", id).execute();
            writeDocuments(handle, id, clean.documentPaths());
            RecoveryProtocol updated = require(handle, id);
            Map<String, String> before = auditValues(old);
            Map<String, String> after = auditValues(updated);
            append(handle, now, actor, AuditAction.UPDATE, updated, changed(before, after), changed(after, before),
                    "Recovery protocol changed");
            return updated;
        });
    }

    /**
     * Deletes a protocol. The audit entry keeps all of its values.
     *
     * @throws IllegalArgumentException when the protocol does not exist
     */
    public void delete(long id, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            RecoveryProtocol old = require(handle, id);
            handle.createUpdate("DELETE FROM recovery_protocol WHERE id = :id").bind("id", id).execute();
            append(handle, now, actor, AuditAction.DELETE, old, auditValues(old), Map.of(), "Recovery protocol deleted");
        });
    }

    /** Returns a protocol, or empty when none has that id. */
    public Optional<RecoveryProtocol> get(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /** Returns the protocol of a product itself, or empty when it has none. */
    public Optional<RecoveryProtocol> forProduct(long productId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM recovery_protocol WHERE product_id = :id")
                .bind("id", productId).mapTo(Long.class).findOne().flatMap(id -> find(handle, id)));
    }

    /**
     * Returns the protocol that applies to a device: its own, else its product's, else empty.
     *
     * @throws IllegalArgumentException when the device does not exist
     */
    public Optional<RecoveryProtocol> protocolFor(long deviceId) {
        return jdbi.withHandle(handle -> {
            Long productId = handle.createQuery("SELECT product_id FROM device WHERE id = :id").bind("id", deviceId)
                    .map((rs, ctx) -> (Long) rs.getObject(1)).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Device " + deviceId + " not found; it may have been deleted"));
            Optional<Long> id = handle.createQuery("SELECT id FROM recovery_protocol WHERE device_id = :device")
                    .bind("device", deviceId).mapTo(Long.class).findOne();
            if (id.isEmpty() && productId != null) {
                id = handle.createQuery("SELECT id FROM recovery_protocol WHERE product_id = :product")
                        .bind("product", productId).mapTo(Long.class).findOne();
            }
            return id.flatMap(found -> find(handle, found));
        });
    }

    /** Lists every protocol: the products' by manufacturer and model, then the devices' by asset tag. */
    public List<RecoveryProtocol> list() {
        return jdbi.withHandle(handle -> {
            Map<Long, List<String>> documents = documents(handle, null);
            return handle.createQuery(SELECT + " ORDER BY r.device_id IS NOT NULL, LOWER(pm.name), LOWER(p.model), d.asset_tag_key")
                    .map((rs, ctx) -> protocol(rs, documents.getOrDefault(rs.getLong("id"), List.of())))
                    .list();
        });
    }

    /** Lists the protocols whose next review date has passed, the longest overdue first. */
    public List<RecoveryProtocol> overdueReviews() {
        LocalDate today = LocalDate.now(clock);
        return list().stream().filter(protocol -> protocol.isReviewOverdue(today))
                .sorted(Comparator.comparing(RecoveryProtocol::nextReviewOn))
                .toList();
    }

    /**
     * Lists the products that have in-service devices the owner cannot patch (see the class
     * comment) with neither a protocol of the product nor one of the device, by manufacturer and
     * model, with the number of such devices.
     */
    public List<ProductWithoutProtocol> productsWithoutProtocol() {
        return gaps().products();
    }

    /**
     * Lists the in-service devices the owner cannot patch that have no protocol of their own or of
     * their product, and that the product list does not show as they are: those whose patchability
     * was set for the device itself, and those with no model recorded. By asset tag.
     */
    public List<DeviceWithoutProtocol> devicesWithoutProtocol() {
        return gaps().devices();
    }

    /** Returns both gap lists, resolving the patchability of every in-service device once. */
    public Gaps gaps() {
        List<DevicePatchability> resolved = patchability.resolveAll();
        Set<Long> ownValue = patchability.devicesWithOwnValue();
        Covered covered = covered();
        Map<Long, ProductCounts> products = new LinkedHashMap<>();
        List<DeviceWithoutProtocol> devices = new ArrayList<>();
        for (DevicePatchability device : resolved) {
            Patchability value = device.resolved().patchability();
            if (ownerCanPatch(value) || covered.covers(device.deviceId(), device.productId())) {
                continue;
            }
            if (device.productId() != null) {
                products.computeIfAbsent(device.productId(), id -> new ProductCounts(device.manufacturer(), device.model()))
                        .add(value);
            }
            boolean setForDevice = ownValue.contains(device.deviceId());
            if (setForDevice || device.productId() == null) {
                devices.add(new DeviceWithoutProtocol(device.deviceId(), device.assetTag(), device.productId(),
                        device.productId() == null ? null : device.manufacturer() + " " + device.model(), value,
                        device.resolved().reason(), setForDevice));
            }
        }
        return new Gaps(productList(products), List.copyOf(devices));
    }

    /** Lists every product by manufacturer and model, for choosing what a protocol is for. */
    public List<ProductChoice> productChoices() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT p.id, m.name || ' ' || p.model FROM product p"
                        + " JOIN manufacturer m ON m.id = p.manufacturer_id ORDER BY m.name_key, p.model_key")
                .map((rs, ctx) -> new ProductChoice(rs.getLong(1), rs.getString(2)))
                .list());
    }

    /**
     * Returns the id of the device with this asset tag, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException when the tag is blank or no device has it
     */
    public long deviceIdForAssetTag(String assetTag) {
        String tag = assetTag == null ? "" : assetTag.strip();
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("Enter the asset tag of the device the protocol is for");
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM device WHERE asset_tag_key = :key")
                .bind("key", tag.toUpperCase(Locale.ROOT)).mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("No device has asset tag '" + tag + "'; check the tag in the inventory")));
    }

    /** The products and devices that have a protocol of their own. */
    private record Covered(Set<Long> products, Set<Long> devices) {

        boolean covers(long deviceId, Long productId) {
            return devices.contains(deviceId) || productId != null && products.contains(productId);
        }
    }

    private Covered covered() {
        return jdbi.withHandle(handle -> {
            Set<Long> products = new HashSet<>();
            Set<Long> devices = new HashSet<>();
            handle.createQuery("SELECT product_id, device_id FROM recovery_protocol")
                    .map((rs, ctx) -> new Long[] {(Long) rs.getObject(1), (Long) rs.getObject(2)})
                    .forEach(row -> {
                        if (row[0] != null) {
                            products.add(row[0]);
                        } else {
                            devices.add(row[1]);
                        }
                    });
            return new Covered(products, devices);
        });
    }

    /** Counts a product's uncovered devices by patchability. */
    private static final class ProductCounts {
        private final String manufacturer;
        private final String model;
        private final Map<Patchability, Integer> counts = new EnumMap<>(Patchability.class);

        ProductCounts(String manufacturer, String model) {
            this.manufacturer = manufacturer;
            this.model = model;
        }

        void add(Patchability value) {
            counts.merge(value, 1, Integer::sum);
        }
    }

    private static List<ProductWithoutProtocol> productList(Map<Long, ProductCounts> products) {
        List<ProductWithoutProtocol> list = new ArrayList<>();
        products.forEach((id, counts) -> list.add(new ProductWithoutProtocol(id, counts.manufacturer, counts.model,
                counts.counts.values().stream().mapToInt(Integer::intValue).sum(), counts.counts)));
        list.sort(Comparator.comparing((ProductWithoutProtocol product) -> product.manufacturer().toLowerCase(Locale.ROOT))
                .thenComparing(product -> product.model().toLowerCase(Locale.ROOT)));
        return List.copyOf(list);
    }

    // Validation.

    private RecoveryProtocolValues clean(Handle handle, RecoveryProtocolValues values, Long selfId) {
        Objects.requireNonNull(values, "values");
        requireTarget(handle, values, selfId);
        String downtime = text(values.downtimeProcedure(), RecoveryProtocol.DOWNTIME_PROCEDURE, MAX_TEXT);
        if (downtime == null) {
            throw new IllegalArgumentException("The clinical downtime procedure is required: how the unit cares for patients"
                    + " while the device is out of use");
        }
        String role = text(values.returnDeciderRole(), "Return to service role", MAX_SHORT);
        String name = text(values.returnDeciderName(), "Return to service name", MAX_SHORT);
        if (role == null && name == null) {
            throw new IllegalArgumentException("Enter who decides that the device returns to clinical use: a role such as"
                    + " ICU nurse manager, a name, or both");
        }
        String reviewedBy = text(values.lastReviewedBy(), "Last reviewed by", MAX_SHORT);
        requireReview(values.lastReviewedOn(), reviewedBy, values.nextReviewOn());
        return new RecoveryProtocolValues(values.productId(), values.deviceId(), downtime,
                text(values.isolationSteps(), RecoveryProtocol.ISOLATION, MAX_TEXT),
                text(values.restoreSteps(), RecoveryProtocol.RESTORE, MAX_TEXT),
                text(values.backupLocation(), RecoveryProtocol.BACKUPS, MAX_TEXT),
                text(values.vendorEmergencyContact(), RecoveryProtocol.VENDOR_CONTACT, MAX_TEXT),
                role, name, values.lastReviewedOn(), reviewedBy, values.nextReviewOn(), paths(values.documentPaths()));
    }

    private static void requireTarget(Handle handle, RecoveryProtocolValues values, Long selfId) {
        if (values.productId() == null && values.deviceId() == null) {
            throw new IllegalArgumentException("Choose the product or the device the recovery protocol is for");
        }
        if (values.productId() != null && values.deviceId() != null) {
            throw new IllegalArgumentException("A recovery protocol is for a product or for one device, not both; choose one");
        }
        String column = values.productId() != null ? "product_id" : "device_id";
        long targetId = values.productId() != null ? values.productId() : values.deviceId();
        String label = values.productId() != null ? productLabel(handle, targetId) : "Device " + assetTag(handle, targetId);
        Optional<Long> holder = handle.createQuery("SELECT id FROM recovery_protocol WHERE " + column + " = :id")
                .bind("id", targetId).mapTo(Long.class).findOne();
        if (holder.isPresent() && !holder.get().equals(selfId)) {
            throw new IllegalArgumentException(label + " already has a recovery protocol; edit that one instead");
        }
    }

    private void requireReview(LocalDate reviewedOn, String reviewedBy, LocalDate nextReview) {
        if (reviewedOn != null && reviewedBy == null) {
            throw new IllegalArgumentException("Enter who reviewed the protocol on " + reviewedOn);
        }
        if (reviewedOn == null && reviewedBy != null) {
            throw new IllegalArgumentException("Enter the date " + reviewedBy + " reviewed the protocol, or clear the reviewer");
        }
        LocalDate today = LocalDate.now(clock);
        if (reviewedOn != null && reviewedOn.isAfter(today)) {
            throw new IllegalArgumentException("The last review date " + reviewedOn + " is in the future; enter the day the review"
                    + " took place");
        }
        if (reviewedOn != null && nextReview != null && !nextReview.isAfter(reviewedOn)) {
            throw new IllegalArgumentException("The next review date " + nextReview + " must be after the last review on "
                    + reviewedOn);
        }
    }

    /**
     * Returns the stripped text, or null when blank.
     *
     * @throws IllegalArgumentException naming {@code field} when the text is longer than {@code max}
     */
    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new IllegalArgumentException("'" + field + "' has " + text.length() + " characters; at most " + max
                    + " are allowed");
        }
        return text;
    }

    /** Returns the document paths stripped, without blanks and repeats, in their order. */
    private static List<String> paths(List<String> paths) {
        Set<String> clean = new LinkedHashSet<>();
        for (String path : paths) {
            if (path == null || path.isBlank()) {
                continue;
            }
            String stripped = path.strip();
            if (stripped.length() > MAX_PATH) {
                throw new IllegalArgumentException("The document path '" + stripped.substring(0, 60) + "…' has " + stripped.length()
                        + " characters; at most " + MAX_PATH + " are allowed");
            }
            clean.add(stripped);
        }
        return List.copyOf(clean);
    }

    // Reading and writing rows.

    private static Map<String, Object> columns(RecoveryProtocolValues values) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("product", values.productId());
        columns.put("device", values.deviceId());
        columns.put("downtime", values.downtimeProcedure());
        columns.put("isolation", values.isolationSteps());
        columns.put("restore", values.restoreSteps());
        columns.put("backups", values.backupLocation());
        columns.put("vendor", values.vendorEmergencyContact());
        columns.put("role", values.returnDeciderRole());
        columns.put("name", values.returnDeciderName());
        columns.put("reviewedOn", values.lastReviewedOn());
        columns.put("reviewedBy", values.lastReviewedBy());
        columns.put("nextReview", values.nextReviewOn());
        return columns;
    }

    private static void writeDocuments(Handle handle, long protocolId, List<String> paths) {
        for (int i = 0; i < paths.size(); i++) {
            handle.createUpdate("INSERT INTO recovery_protocol_document (protocol_id, position, path) VALUES (:id, :position, :path)")
                    .bind("id", protocolId).bind("position", i + 1).bind("path", paths.get(i)).execute();
        }
    }

    private static Optional<RecoveryProtocol> find(Handle handle, long id) {
        Map<Long, List<String>> documents = documents(handle, id);
        return handle.createQuery(SELECT + " WHERE r.id = :id").bind("id", id)
                .map((rs, ctx) -> protocol(rs, documents.getOrDefault(id, List.of())))
                .findOne();
    }

    private static RecoveryProtocol require(Handle handle, long id) {
        return find(handle, id).orElseThrow(() -> new IllegalArgumentException("Recovery protocol " + id
                + " not found; it may have been deleted"));
    }

    /** Returns the document paths by protocol id, of one protocol or of all when {@code protocolId} is null. */
    private static Map<Long, List<String>> documents(Handle handle, Long protocolId) {
        Map<Long, List<String>> documents = new HashMap<>();
        handle.createQuery("SELECT protocol_id, path FROM recovery_protocol_document"
                        + (protocolId == null ? "" : " WHERE protocol_id = :id") + " ORDER BY protocol_id, position")
                .bindMap(protocolId == null ? Map.of() : Map.of("id", protocolId))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(entry -> documents.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return documents;
    }

    private static RecoveryProtocol protocol(ResultSet rs, List<String> documents) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new RecoveryProtocol(rs.getLong("id"), (Long) rs.getObject("product_id"), (Long) rs.getObject("device_id"),
                rs.getString("product_label"), rs.getString("asset_tag"), rs.getString("downtime_procedure"),
                rs.getString("isolation_steps"), rs.getString("restore_steps"), rs.getString("backup_location"),
                rs.getString("vendor_emergency_contact"), rs.getString("return_decider_role"), rs.getString("return_decider_name"),
                rs.getObject("last_reviewed_on", LocalDate.class), rs.getString("last_reviewed_by"),
                rs.getObject("next_review_on", LocalDate.class), documents, updated == null ? null : updated.toInstant(),
                rs.getString("updated_by"));
    }

    private static String productLabel(Handle handle, long productId) {
        return handle.createQuery("SELECT m.name || ' ' || p.model FROM product p JOIN manufacturer m ON m.id = p.manufacturer_id"
                        + " WHERE p.id = :id").bind("id", productId).mapTo(String.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("Product " + productId + " not found; it may have been deleted"));
    }

    private static String assetTag(Handle handle, long deviceId) {
        return handle.createQuery("SELECT asset_tag FROM device WHERE id = :id").bind("id", deviceId).mapTo(String.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("Device " + deviceId + " not found; it may have been deleted"));
    }

    // Audit trail.

    private void append(Handle handle, OffsetDateTime now, Actor actor, AuditAction action, RecoveryProtocol protocol,
                        Map<String, String> oldValues, Map<String, String> newValues, String summary) {
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), action, RECORD, protocol.id(), protocol.target(),
                null, oldValues, newValues, summary));
    }

    private static Map<String, String> auditValues(RecoveryProtocol protocol) {
        Map<String, String> values = new LinkedHashMap<>();
        if (protocol.isForDevice()) {
            put(values, "device", protocol.assetTag());
        } else {
            put(values, "product", protocol.productLabel());
        }
        put(values, "downtime_procedure", protocol.downtimeProcedure());
        put(values, "isolation_steps", protocol.isolationSteps());
        put(values, "restore_steps", protocol.restoreSteps());
        put(values, "backup_location", protocol.backupLocation());
        put(values, "vendor_emergency_contact", protocol.vendorEmergencyContact());
        put(values, "return_decider_role", protocol.returnDeciderRole());
        put(values, "return_decider_name", protocol.returnDeciderName());
        put(values, "last_reviewed_on", protocol.lastReviewedOn() == null ? null : protocol.lastReviewedOn().toString());
        put(values, "last_reviewed_by", protocol.lastReviewedBy());
        put(values, "next_review_on", protocol.nextReviewOn() == null ? null : protocol.nextReviewOn().toString());
        put(values, "documents", protocol.documentPaths().isEmpty() ? null : String.join("\n", protocol.documentPaths()));
        return values;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /** Returns the entries of {@code values} that {@code other} lacks or has with another value. */
    private static Map<String, String> changed(Map<String, String> values, Map<String, String> other) {
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!value.equals(other.get(key))) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
