package org.patchdesk.vendors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/** Keeps the contacts at each manufacturer, and lists manufacturers with their vendor coordination counts. */
public final class VendorContactService {

    public static final String RECORD_TYPE = "vendor_contact";

    private static final String SELECT = "SELECT c.id, c.manufacturer_id, m.name AS manufacturer, c.name, c.role, c.email, c.phone,"
            + " c.portal_url, c.support_contract, c.changed_by, c.changed_at,"
            + " (SELECT COUNT(*) FROM validation_request r WHERE r.contact_id = c.id) AS requests"
            + " FROM vendor_contact c JOIN manufacturer m ON m.id = c.manufacturer_id";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public VendorContactService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Lists the manufacturers that have devices, contacts or validation requests, by name, with their counts. The
     * manufacturers that only the seeded alias list names are left out.
     */
    public List<Vendor> vendors() {
        LocalDate today = LocalDate.now(clock);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM (SELECT m.id, m.name,"
                        + " (SELECT COUNT(*) FROM vendor_contact c WHERE c.manufacturer_id = m.id) AS contacts,"
                        + " (SELECT COUNT(*) FROM validation_request r JOIN product p ON p.id = r.product_id"
                        + "   WHERE p.manufacturer_id = m.id AND r.status IN ('requested', 'acknowledged')),"
                        + " (SELECT COUNT(*) FROM validation_request r JOIN product p ON p.id = r.product_id"
                        + "   WHERE p.manufacturer_id = m.id AND r.status IN ('requested', 'acknowledged') AND r.follow_up_on < :today),"
                        + " (SELECT COUNT(*) FROM device d WHERE d.manufacturer_id = m.id)"
                        + " AS devices FROM manufacturer m) v WHERE v.contacts > 0 OR v.devices > 0"
                        + " OR EXISTS (SELECT 1 FROM validation_request r JOIN product p ON p.id = r.product_id WHERE p.manufacturer_id = v.id)"
                        + " ORDER BY LOWER(v.name)")
                .bind("today", today)
                .map((rs, ctx) -> new Vendor(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list());
    }

    /** Lists the contacts of one manufacturer, or of every manufacturer when {@code manufacturerId} is null, by name. */
    public List<VendorContact> list(Long manufacturerId) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + (manufacturerId == null ? "" : " WHERE c.manufacturer_id = :m")
                    + " ORDER BY LOWER(m.name), LOWER(c.name), c.id");
            if (manufacturerId != null) {
                query.bind("m", manufacturerId);
            }
            return query.map(VendorContactService::contact).list();
        });
    }

    public Optional<VendorContact> find(long contactId) {
        return jdbi.withHandle(handle -> find(handle, contactId));
    }

    private static Optional<VendorContact> find(Handle handle, long contactId) {
        return handle.createQuery(SELECT + " WHERE c.id = :id")
                .bind("id", contactId)
                .map(VendorContactService::contact)
                .findOne();
    }

    /**
     * Adds a contact at a manufacturer.
     *
     * @throws IllegalArgumentException when the manufacturer is not found or a field is not valid (see {@link ContactDetails#cleaned()})
     */
    public VendorContact create(long manufacturerId, ContactDetails details, Actor actor) {
        ContactDetails clean = details.cleaned();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            String manufacturer = handle.createQuery("SELECT name FROM manufacturer WHERE id = :id").bind("id", manufacturerId)
                    .mapTo(String.class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Manufacturer " + manufacturerId + " not found"));
            long id = handle.createUpdate("INSERT INTO vendor_contact (manufacturer_id, name, role, email, phone, portal_url,"
                            + " support_contract, changed_by, changed_at) VALUES (:m, :name, :role, :email, :phone, :url, :contract, :by, :at)")
                    .bind("m", manufacturerId).bind("name", clean.name()).bind("role", clean.role()).bind("email", clean.email())
                    .bind("phone", clean.phone()).bind("url", clean.portalUrl()).bind("contract", clean.supportContract())
                    .bind("by", actor.name()).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.CREATE, RECORD_TYPE, id,
                    clean.name() + " (" + manufacturer + ")", null, Map.of(), values(clean), "Contact added at " + manufacturer));
            return find(handle, id).orElseThrow();
        });
    }

    /**
     * Changes a contact's fields.
     *
     * @throws IllegalArgumentException when the contact is not found or a field is not valid (see {@link ContactDetails#cleaned()})
     */
    public VendorContact update(long contactId, ContactDetails details, Actor actor) {
        ContactDetails clean = details.cleaned();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            VendorContact old = find(handle, contactId).orElseThrow(() -> notFound(contactId));
            Map<String, String> before = values(old.details());
            Map<String, String> after = values(clean);
            Map<String, String> oldChanged = new LinkedHashMap<>();
            Map<String, String> newChanged = new LinkedHashMap<>();
            for (String key : List.of("name", "role", "email", "phone", "portal_url", "support_contract")) {
                if (!Objects.equals(before.get(key), after.get(key))) {
                    oldChanged.put(key, before.getOrDefault(key, ""));
                    newChanged.put(key, after.getOrDefault(key, ""));
                }
            }
            if (newChanged.isEmpty()) {
                return old;
            }
            handle.createUpdate("UPDATE vendor_contact SET name = :name, role = :role, email = :email, phone = :phone, portal_url = :url,"
                            + " support_contract = :contract, changed_by = :by, changed_at = :at WHERE id = :id")
                    .bind("name", clean.name()).bind("role", clean.role()).bind("email", clean.email()).bind("phone", clean.phone())
                    .bind("url", clean.portalUrl()).bind("contract", clean.supportContract()).bind("by", actor.name()).bind("at", now)
                    .bind("id", contactId).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, RECORD_TYPE, contactId,
                    clean.name() + " (" + old.manufacturer() + ")", null, oldChanged, newChanged, "Contact changed"));
            return find(handle, contactId).orElseThrow();
        });
    }

    /**
     * Deletes a contact that no validation request names.
     *
     * @throws IllegalArgumentException when the contact is not found or requests name it
     */
    public void delete(long contactId, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            VendorContact old = find(handle, contactId).orElseThrow(() -> notFound(contactId));
            if (old.requests() > 0) {
                throw new IllegalArgumentException(old.name() + " is the contact of " + old.requests()
                        + (old.requests() == 1 ? " validation request" : " validation requests")
                        + ", so the contact is kept to show who was asked. Edit the contact instead (for example its role),"
                        + " or give those requests another contact first.");
            }
            handle.createUpdate("DELETE FROM vendor_contact WHERE id = :id").bind("id", contactId).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.DELETE, RECORD_TYPE, contactId,
                    old.name() + " (" + old.manufacturer() + ")", null, values(old.details()), Map.of(), "Contact deleted"));
        });
    }

    private static VendorContact contact(ResultSet rs, StatementContext ctx) throws SQLException {
        return new VendorContact(rs.getLong("id"), rs.getLong("manufacturer_id"), rs.getString("manufacturer"), rs.getString("name"),
                rs.getString("role"), rs.getString("email"), rs.getString("phone"), rs.getString("portal_url"),
                rs.getString("support_contract"), rs.getInt("requests"), rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }

    private static IllegalArgumentException notFound(long contactId) {
        return new IllegalArgumentException("Contact " + contactId + " not found; it may have been deleted");
    }

    private static Map<String, String> values(ContactDetails details) {
        Map<String, String> values = new LinkedHashMap<>();
        putIfPresent(values, "name", details.name());
        putIfPresent(values, "role", details.role());
        putIfPresent(values, "email", details.email());
        putIfPresent(values, "phone", details.phone());
        putIfPresent(values, "portal_url", details.portalUrl());
        putIfPresent(values, "support_contract", details.supportContract());
        return values;
    }

    static void putIfPresent(Map<String, String> values, String key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
