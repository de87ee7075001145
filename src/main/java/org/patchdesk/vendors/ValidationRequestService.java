package org.patchdesk.vendors;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.intel.CsafImporter;
import org.patchdesk.intel.feeds.CveIds;
import org.patchdesk.inventory.DeviceStatus;
import org.patchdesk.planning.Patchability;
import org.patchdesk.planning.PatchabilityService;

/**
 * Records validation requests to manufacturers and moves them through their states: requested,
 * then acknowledged, then validated, rejected or no response. It also keeps the vendor's response,
 * follow-up dates and document paths. Reading a request works out the FDA clocks of an uncontrolled
 * vulnerability, and {@link #statistics()} the time each manufacturer takes to validate. Every
 * change appends an audit entry in its transaction.
 */
public final class ValidationRequestService {

    public static final String RECORD_TYPE = "validation_request";
    public static final String DOCUMENT_RECORD_TYPE = "validation_document";

    private static final String SELECT = "SELECT r.*, p.manufacturer_id, m.name AS manufacturer, p.model, c.name AS contact_name,"
            + " (SELECT COUNT(*) FROM validation_document d WHERE d.request_id = r.id) AS documents"
            + " FROM validation_request r JOIN product p ON p.id = r.product_id JOIN manufacturer m ON m.id = p.manufacturer_id"
            + " LEFT JOIN vendor_contact c ON c.id = r.contact_id";
    private static final String OPEN = "r.status IN ('requested', 'acknowledged')";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PatchabilityService patchability;
    private final Clock clock;

    public ValidationRequestService(Jdbi jdbi, AuditLog auditLog, PatchabilityService patchability, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.patchability = patchability;
        this.clock = clock;
    }

    /** Lists a manufacturer's products by model, each with its number of devices, for choosing a request's product. */
    public List<VendorProduct> products(long manufacturerId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT p.id, m.name, p.model,"
                        + " (SELECT COUNT(*) FROM device d WHERE d.product_id = p.id AND d.status <> 'RETIRED')"
                        + " FROM product p JOIN manufacturer m ON m.id = p.manufacturer_id WHERE p.manufacturer_id = :m"
                        + " ORDER BY LOWER(p.model)")
                .bind("m", manufacturerId)
                .map((rs, ctx) -> new VendorProduct(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list());
    }

    /**
     * Records a request sent to a manufacturer, with its first status "requested" on the requested date.
     * Nothing else changes: a product whose patchability is unknown stays unknown until a user sets it.
     *
     * @throws IllegalArgumentException when the product or contact is not found, or a field is missing or not valid
     */
    public ValidationRequest create(NewRequest request, Actor actor) {
        LocalDate today = today();
        requireDate(request.requestedOn(), "requested date");
        requireNotFuture(request.requestedOn(), "requested date", today);
        if (request.followUpOn() != null && request.followUpOn().isBefore(request.requestedOn())) {
            throw new IllegalArgumentException("The follow-up date " + request.followUpOn() + " is before the requested date "
                    + request.requestedOn());
        }
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            long manufacturerId = handle.createQuery("SELECT manufacturer_id FROM product WHERE id = :id")
                    .bind("id", request.productId()).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Product " + request.productId() + " not found"));
            RequestDetails details = cleaned(handle, request.details(), manufacturerId, today);
            long id = handle.createUpdate("INSERT INTO validation_request (product_id, update_name, cve_id, requested_on, contact_id,"
                            + " status, status_on, notes, follow_up_on, uncontrolled, learned_on, advisory_released_on, created_by,"
                            + " created_at) VALUES (:product, :update, :cve, :requested, :contact, :status, :requested, :notes, :followUp,"
                            + " :uncontrolled, :learned, :advisory, :by, :at)")
                    .bind("product", request.productId()).bind("update", details.updateName()).bind("cve", details.cveId())
                    .bind("requested", request.requestedOn()).bind("contact", details.contactId())
                    .bind("status", RequestStatus.REQUESTED.word()).bind("notes", details.notes()).bind("followUp", request.followUpOn())
                    .bind("uncontrolled", details.uncontrolled()).bind("learned", details.learnedOn())
                    .bind("advisory", details.advisoryReleasedOn()).bind("by", actor.name()).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertStatusChange(handle, id, RequestStatus.REQUESTED, request.requestedOn(), null, actor, now);
            ValidationRequest created = find(handle, id, today).orElseThrow();
            Map<String, String> values = detailValues(details, handle);
            values.put("requested_on", request.requestedOn().toString());
            values.put("status", RequestStatus.REQUESTED.word());
            VendorContactService.putIfPresent(values, "follow_up_on", request.followUpOn());
            audit(handle, actor, now, AuditAction.CREATE, created, Map.of(), values, "Validation request recorded");
            return created;
        });
    }

    /**
     * Changes what a request is about, its contact, the uncontrolled mark, its dates for the FDA clocks and its notes.
     * The product and the requested date stay as recorded.
     *
     * @throws IllegalArgumentException when the request or contact is not found, or a field is missing or not valid
     */
    public ValidationRequest updateDetails(long requestId, RequestDetails changes, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            ValidationRequest old = require(handle, requestId, today);
            RequestDetails details = cleaned(handle, changes, old.manufacturerId(), today);
            Map<String, String> before = detailValues(old.details(), handle);
            Map<String, String> after = detailValues(details, handle);
            if (before.equals(after)) {
                return old;
            }
            handle.createUpdate("UPDATE validation_request SET update_name = :update, cve_id = :cve, contact_id = :contact, notes = :notes,"
                            + " uncontrolled = :uncontrolled, learned_on = :learned, advisory_released_on = :advisory WHERE id = :id")
                    .bind("update", details.updateName()).bind("cve", details.cveId()).bind("contact", details.contactId())
                    .bind("notes", details.notes()).bind("uncontrolled", details.uncontrolled()).bind("learned", details.learnedOn())
                    .bind("advisory", details.advisoryReleasedOn()).bind("id", requestId).execute();
            ValidationRequest updated = find(handle, requestId, today).orElseThrow();
            auditChanges(handle, actor, now, updated, before, after, "Validation request details changed");
            return updated;
        });
    }

    /**
     * Moves a request to another status as of {@code on} (today when null), with a note.
     *
     * @throws IllegalArgumentException when the request is not found, the move is not allowed (closed requests are final),
     *                                  or the date is in the future or before the current status's date
     */
    public ValidationRequest changeStatus(long requestId, RequestStatus to, LocalDate on, String note, Actor actor) {
        return changeStatus(requestId, to, on, note, null, actor);
    }

    /**
     * Moves a request to another status and records the vendor's response in the same change when
     * {@code response} is not null. See {@link #changeStatus(long, RequestStatus, LocalDate, String, Actor)}
     * and {@link #recordResponse(long, VendorResponse, Actor)}.
     */
    public ValidationRequest changeStatus(long requestId, RequestStatus to, LocalDate on, String note, VendorResponse response,
                                          Actor actor) {
        Objects.requireNonNull(to, "to");
        LocalDate today = today();
        LocalDate date = on == null ? today : on;
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            ValidationRequest old = require(handle, requestId, today);
            checkTransition(old, to);
            requireNotFuture(date, to.label() + " date", today);
            if (date.isBefore(old.statusOn())) {
                throw new IllegalArgumentException("The " + to.label() + " date " + date + " is before the date the request became "
                        + old.status().label() + " (" + old.statusOn() + ")");
            }
            String cleanNote = ContactDetails.clean(note);
            handle.createUpdate("UPDATE validation_request SET status = :status, status_on = :on WHERE id = :id")
                    .bind("status", to.word()).bind("on", date).bind("id", requestId).execute();
            insertStatusChange(handle, requestId, to, date, cleanNote, actor, now);
            Map<String, String> before = new LinkedHashMap<>(Map.of("status", old.status().word(), "status_on", old.statusOn().toString()));
            Map<String, String> after = new LinkedHashMap<>(Map.of("status", to.word(), "status_on", date.toString()));
            VendorContactService.putIfPresent(after, "note", cleanNote);
            if (response != null) {
                before.putAll(responseValues(old));
                applyResponse(handle, old, response, today);
                after.putAll(responseValues(require(handle, requestId, today)));
            }
            ValidationRequest updated = find(handle, requestId, today).orElseThrow();
            auditChanges(handle, actor, now, updated, before, after, "Status " + old.status().label() + " → " + to.label());
            return updated;
        });
    }

    /**
     * Records the vendor's response: the day it came, the vendor's reference and notes. Blank fields clear what was recorded.
     *
     * @throws IllegalArgumentException when the request is not found, or the response date is in the future or before the requested date
     */
    public ValidationRequest recordResponse(long requestId, VendorResponse response, Actor actor) {
        Objects.requireNonNull(response, "response");
        LocalDate today = today();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            ValidationRequest old = require(handle, requestId, today);
            Map<String, String> before = responseValues(old);
            applyResponse(handle, old, response, today);
            ValidationRequest updated = find(handle, requestId, today).orElseThrow();
            Map<String, String> after = responseValues(updated);
            if (!before.equals(after)) {
                auditChanges(handle, actor, now, updated, before, after, "Vendor response recorded");
            }
            return updated;
        });
    }

    /**
     * Sets the day to follow a request up, or clears it when {@code followUpOn} is null.
     *
     * @throws IllegalArgumentException when the request is not found, is closed, or the date is before the requested date
     */
    public ValidationRequest setFollowUp(long requestId, LocalDate followUpOn, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            ValidationRequest old = require(handle, requestId, today);
            if (Objects.equals(old.followUpOn(), followUpOn)) {
                return old;
            }
            if (followUpOn != null && !old.isOpen()) {
                throw new IllegalArgumentException("Request " + requestId + " is " + old.status().label()
                        + ", so it needs no follow-up; only requested and acknowledged requests are followed up");
            }
            if (followUpOn != null && followUpOn.isBefore(old.requestedOn())) {
                throw new IllegalArgumentException("The follow-up date " + followUpOn + " is before the requested date " + old.requestedOn());
            }
            handle.createUpdate("UPDATE validation_request SET follow_up_on = :on WHERE id = :id")
                    .bind("on", followUpOn).bind("id", requestId).execute();
            ValidationRequest updated = find(handle, requestId, today).orElseThrow();
            auditChanges(handle, actor, now, updated, old.followUpOn() == null ? Map.of() : Map.of("follow_up_on", old.followUpOn().toString()),
                    followUpOn == null ? Map.of() : Map.of("follow_up_on", followUpOn.toString()),
                    followUpOn == null ? "Follow-up cleared" : "Follow up on " + followUpOn);
            return updated;
        });
    }

    /**
     * Deletes a request recorded by mistake, with its status history and document paths. The audit trail keeps its values.
     *
     * @throws IllegalArgumentException when the request is not found
     */
    public void delete(long requestId, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            ValidationRequest old = require(handle, requestId, today);
            int entries = handle.createQuery("SELECT COUNT(*) FROM patch_log_entry WHERE validation_request_id = :id")
                    .bind("id", requestId).mapTo(Integer.class).one();
            if (entries > 0) {
                throw new IllegalStateException("Validation request " + requestId + " enabled " + entries + (entries == 1
                        ? " patch log entry" : " patch log entries") + " and cannot be deleted; change its status instead");
            }
            Map<String, String> values = detailValues(old.details(), handle);
            values.put("requested_on", old.requestedOn().toString());
            values.put("status", old.status().word());
            handle.createUpdate("DELETE FROM validation_request WHERE id = :id").bind("id", requestId).execute();
            audit(handle, actor, now, AuditAction.DELETE, old, values, Map.of(), "Validation request deleted");
        });
    }

    /** An installation a validation request enabled, as the patch log records it. */
    public record EnabledEntry(long entryId, String assetTag, String update, Instant performedAt, String outcome, Integer daysFromValidation) {
    }

    /** Lists the patch log entries that name this request, newest first. */
    public List<EnabledEntry> enabledEntries(long requestId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, asset_tag, update_applied, performed_at, outcome, validated_on"
                        + " FROM patch_log_entry WHERE validation_request_id = :id ORDER BY performed_at DESC, id DESC")
                .bind("id", requestId)
                .map((rs, ctx) -> {
                    Instant performed = rs.getObject("performed_at", OffsetDateTime.class).toInstant();
                    LocalDate validated = rs.getObject("validated_on", LocalDate.class);
                    Integer days = validated == null || !"installed".equals(rs.getString("outcome")) ? null
                            : (int) java.time.temporal.ChronoUnit.DAYS.between(validated, performed.atZone(clock.getZone()).toLocalDate());
                    return new EnabledEntry(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("update_applied"), performed,
                            rs.getString("outcome"), days);
                })
                .list());
    }

    public Optional<ValidationRequest> find(long requestId) {
        LocalDate today = today();
        return jdbi.withHandle(handle -> find(handle, requestId, today));
    }

    /** Returns a request as other features refer to it: its product, status, requested date and validated date. */
    public Optional<RequestRef> lookup(long requestId) {
        return find(requestId).map(ValidationRequest::ref);
    }

    /**
     * Lists the in-service devices of the request's product, by asset tag.
     *
     * @throws IllegalArgumentException when the request is not found
     */
    public List<ProductDevice> devicesOf(long requestId) {
        return jdbi.withHandle(handle -> {
            long productId = handle.createQuery("SELECT product_id FROM validation_request WHERE id = :id").bind("id", requestId)
                    .mapTo(Long.class).findOne().orElseThrow(() -> notFound(requestId));
            return handle.createQuery("SELECT id, asset_tag, software_version, department, location, status FROM device"
                            + " WHERE product_id = :p AND status <> 'RETIRED' ORDER BY asset_tag_key")
                    .bind("p", productId)
                    .map((rs, ctx) -> new ProductDevice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            DeviceStatus.valueOf(rs.getString(6))))
                    .list();
        });
    }

    /**
     * Lists the requests the filter keeps, the most recently requested first, or the longest overdue first when the
     * filter keeps overdue follow-ups only.
     */
    public List<ValidationRequest> list(RequestFilter filter) {
        LocalDate today = today();
        return jdbi.withHandle(handle -> {
            List<String> where = new ArrayList<>();
            if (filter.manufacturerId() != null) {
                where.add("p.manufacturer_id = :m");
            }
            if (!filter.statuses().isEmpty()) {
                where.add("r.status IN (<statuses>)");
            }
            if (filter.openOnly() || filter.overdueOnly()) {
                where.add(OPEN);
            }
            if (filter.overdueOnly()) {
                where.add("r.follow_up_on < :today");
            }
            Query query = handle.createQuery(SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + (filter.overdueOnly() ? " ORDER BY r.follow_up_on, r.id" : " ORDER BY r.requested_on DESC, r.id DESC"));
            if (filter.manufacturerId() != null) {
                query.bind("m", filter.manufacturerId());
            }
            if (!filter.statuses().isEmpty()) {
                query.bindList("statuses", filter.statuses().stream().map(RequestStatus::word).sorted().toList());
            }
            if (filter.overdueOnly()) {
                query.bind("today", today);
            }
            return read(handle, query, today);
        });
    }

    /** Lists the open requests whose follow-up date is before today, the longest overdue first. */
    public List<ValidationRequest> overdueFollowUps() {
        return list(RequestFilter.all().withOverdueOnly(true));
    }

    /**
     * Lists the requests about a CVE their manufacturer calls uncontrolled, with their FDA clocks: open requests first,
     * then by the days left on the fix clock, fewest first, and clocks without a start date last.
     */
    public List<ValidationRequest> fdaClocks() {
        Comparator<ValidationRequest> order = Comparator.comparing((ValidationRequest r) -> !r.isOpen())
                .thenComparing(r -> r.fdaClock().fixDaysLeft(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ValidationRequest::id);
        return list(RequestFilter.all()).stream().filter(request -> request.fdaClock() != null).sorted(order).toList();
    }

    /** Returns the status history of a request, oldest first. */
    public List<StatusChange> history(long requestId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, request_id, status, status_on, note, changed_by, changed_at"
                        + " FROM validation_status_change WHERE request_id = :id ORDER BY id")
                .bind("id", requestId)
                .map((rs, ctx) -> new StatusChange(rs.getLong(1), rs.getLong(2), RequestStatus.parse(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list());
    }

    /**
     * Returns, for each manufacturer with requests, the counts of requests, open ones, overdue follow-ups and validated
     * ones, and the median and longest days from requested to validated, by manufacturer name.
     */
    public List<VendorStatistics> statistics() {
        Map<Long, List<ValidationRequest>> byVendor = list(RequestFilter.all()).stream()
                .collect(Collectors.groupingBy(ValidationRequest::manufacturerId, LinkedHashMap::new, Collectors.toList()));
        List<VendorStatistics> statistics = new ArrayList<>();
        for (List<ValidationRequest> requests : byVendor.values()) {
            List<Long> days = requests.stream().map(ValidationRequest::daysToValidation).filter(Objects::nonNull).sorted().toList();
            ValidationRequest first = requests.get(0);
            statistics.add(new VendorStatistics(first.manufacturerId(), first.manufacturer(), requests.size(),
                    (int) requests.stream().filter(ValidationRequest::isOpen).count(),
                    (int) requests.stream().filter(ValidationRequest::followUpOverdue).count(), days.size(), median(days),
                    days.isEmpty() ? null : days.get(days.size() - 1).intValue()));
        }
        statistics.sort(Comparator.comparing(VendorStatistics::manufacturer, String.CASE_INSENSITIVE_ORDER));
        return statistics;
    }

    /** Returns the middle value of sorted numbers, the mean of the two middle ones for an even count, or null for none. */
    static Double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle).doubleValue() : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    public List<RequestDocument> documents(long requestId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, request_id, path, added_by, added_at FROM validation_document"
                        + " WHERE request_id = :id ORDER BY id")
                .bind("id", requestId)
                .map((rs, ctx) -> new RequestDocument(rs.getLong(1), rs.getLong(2), Path.of(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list());
    }

    /**
     * Keeps the path of a document with a request, as an absolute path. The file is not copied and need not exist now,
     * because it may sit on a share that is not connected.
     *
     * @throws IllegalArgumentException when the request is not found, the path is blank or not valid, or already kept
     */
    public RequestDocument addDocument(long requestId, String path, Actor actor) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A document path is required");
        }
        Path absolute;
        try {
            absolute = Path.of(path.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + path.strip() + "' is not a valid file path: " + e.getReason());
        }
        LocalDate today = today();
        OffsetDateTime now = now();
        String stored = absolute.toString();
        return jdbi.inTransaction(handle -> {
            ValidationRequest request = require(handle, requestId, today);
            boolean present = handle.createQuery("SELECT COUNT(*) FROM validation_document WHERE request_id = :id AND path = :path")
                    .bind("id", requestId).bind("path", stored).mapTo(Integer.class).one() > 0;
            if (present) {
                throw new IllegalArgumentException(stored + " is already kept with request " + requestId);
            }
            long id = handle.createUpdate("INSERT INTO validation_document (request_id, path, added_by, added_at)"
                            + " VALUES (:id, :path, :by, :at)")
                    .bind("id", requestId).bind("path", stored).bind("by", actor.name()).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.CREATE, DOCUMENT_RECORD_TYPE, id,
                    label(request), null, Map.of(), Map.of("request_id", String.valueOf(requestId), "path", stored), "Document added"));
            return new RequestDocument(id, requestId, absolute, actor.name(), now.toInstant());
        });
    }

    /**
     * Forgets a document's path; the file itself is not touched.
     *
     * @throws IllegalArgumentException when the document is not found
     */
    public void removeDocument(long documentId, Actor actor) {
        LocalDate today = today();
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            Map<String, Object> row = handle.createQuery("SELECT request_id, path FROM validation_document WHERE id = :id")
                    .bind("id", documentId).mapToMap().findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Document " + documentId + " not found; it may have been removed"));
            long requestId = ((Number) row.get("request_id")).longValue();
            ValidationRequest request = require(handle, requestId, today);
            handle.createUpdate("DELETE FROM validation_document WHERE id = :id").bind("id", documentId).execute();
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.DELETE, DOCUMENT_RECORD_TYPE,
                    documentId, label(request), null, Map.of("request_id", String.valueOf(requestId), "path", (String) row.get("path")),
                    Map.of(), "Document removed"));
        });
    }

    /**
     * Records the product of a validated request as owner-installable after vendor validation, for every software version
     * when {@code versionRange} is blank, through {@link PatchabilityService#setForProduct}. The source is a vendor letter,
     * and the reason names the manufacturer, the update, the validated date and the vendor's reference.
     *
     * @throws IllegalArgumentException when the request is not found or not validated, or the range cannot be read
     */
    public void recordPatchability(long requestId, String versionRange, Actor actor) {
        ValidationRequest request = find(requestId).orElseThrow(() -> notFound(requestId));
        if (request.status() != RequestStatus.VALIDATED) {
            throw new IllegalArgumentException("Request " + requestId + " is " + request.status().label()
                    + "; patchability is recorded from a validated request only");
        }
        patchability.setForProduct(request.productId(), versionRange, Patchability.OWNER_AFTER_VALIDATION, patchabilityReason(request),
                PatchabilityService.Source.VENDOR_LETTER, request.vendorReference(), actor);
    }

    /** Returns the reason recorded with the patchability of a validated request's product. */
    public static String patchabilityReason(ValidationRequest request) {
        return request.manufacturer() + " validated " + request.subject() + " on " + request.validatedOn()
                + (request.vendorReference() == null ? ", no vendor reference recorded" : ", vendor reference " + request.vendorReference())
                + " (validation request " + request.id() + ")";
    }

    private static void checkTransition(ValidationRequest request, RequestStatus to) {
        RequestStatus from = request.status();
        if (from == to) {
            throw new IllegalArgumentException("Request " + request.id() + " is already " + to.label());
        }
        if (!from.isOpen()) {
            throw new IllegalArgumentException("Request " + request.id() + " is " + from.label() + " since " + request.statusOn()
                    + ", and a closed request keeps its status; record a new request to ask the vendor again");
        }
        if (!from.next().contains(to)) {
            throw new IllegalArgumentException("Request " + request.id() + " is " + from.label() + " and cannot go back to "
                    + to.label() + "; it can become " + from.next().stream().map(RequestStatus::label).collect(Collectors.joining(", ")));
        }
    }

    private void applyResponse(Handle handle, ValidationRequest request, VendorResponse response, LocalDate today) {
        LocalDate respondedOn = response.respondedOn();
        if (respondedOn != null) {
            requireNotFuture(respondedOn, "response date", today);
            if (respondedOn.isBefore(request.requestedOn())) {
                throw new IllegalArgumentException("The response date " + respondedOn + " is before the requested date "
                        + request.requestedOn());
            }
        }
        handle.createUpdate("UPDATE validation_request SET responded_on = :on, vendor_reference = :ref, response_notes = :notes"
                        + " WHERE id = :id")
                .bind("on", respondedOn).bind("ref", ContactDetails.clean(response.vendorReference()))
                .bind("notes", ContactDetails.clean(response.notes())).bind("id", request.id()).execute();
    }

    /** Checks and trims the details: a subject, a valid CVE id, CVE-only fields only with a CVE, a contact of the manufacturer. */
    private static RequestDetails cleaned(Handle handle, RequestDetails details, long manufacturerId, LocalDate today) {
        String update = ContactDetails.clean(details.updateName());
        String rawCve = ContactDetails.clean(details.cveId());
        String cve = rawCve == null ? null : CveIds.normalize(rawCve);
        if (rawCve != null && cve == null) {
            throw new IllegalArgumentException(CveIds.invalid(rawCve));
        }
        if (update == null && cve == null) {
            throw new IllegalArgumentException("Name the update or patch, or the CVE, that the request is about");
        }
        if (cve == null && (details.uncontrolled() || details.learnedOn() != null || details.advisoryReleasedOn() != null)) {
            throw new IllegalArgumentException("The uncontrolled mark and the dates for the FDA clocks apply to a vulnerability;"
                    + " enter the CVE id of the request first");
        }
        if (details.learnedOn() != null) {
            requireNotFuture(details.learnedOn(), "date the manufacturer learned of the vulnerability", today);
        }
        if (details.advisoryReleasedOn() != null) {
            requireNotFuture(details.advisoryReleasedOn(), "advisory release date", today);
        }
        if (details.contactId() != null) {
            Map<String, Object> contact = handle.createQuery("SELECT c.name, c.manufacturer_id, m.name AS manufacturer FROM vendor_contact c"
                            + " JOIN manufacturer m ON m.id = c.manufacturer_id WHERE c.id = :id")
                    .bind("id", details.contactId()).mapToMap().findOne()
                    .orElseThrow(() -> new IllegalArgumentException("Contact " + details.contactId() + " not found"));
            if (((Number) contact.get("manufacturer_id")).longValue() != manufacturerId) {
                throw new IllegalArgumentException(contact.get("name") + " is a contact at " + contact.get("manufacturer")
                        + ", not at the manufacturer of the product");
            }
        }
        return new RequestDetails(update, cve, details.contactId(), details.uncontrolled(), details.learnedOn(),
                details.advisoryReleasedOn(), ContactDetails.clean(details.notes()));
    }

    private static void requireDate(LocalDate date, String what) {
        if (date == null) {
            throw new IllegalArgumentException("The " + what + " is required");
        }
    }

    private static void requireNotFuture(LocalDate date, String what, LocalDate today) {
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("The " + what + " " + date + " is in the future; today is " + today);
        }
    }

    private static void insertStatusChange(Handle handle, long requestId, RequestStatus status, LocalDate on, String note, Actor actor,
                                           OffsetDateTime now) {
        handle.createUpdate("INSERT INTO validation_status_change (request_id, status, status_on, note, changed_by, changed_at)"
                        + " VALUES (:id, :status, :on, :note, :by, :at)")
                .bind("id", requestId).bind("status", status.word()).bind("on", on).bind("note", note).bind("by", actor.name())
                .bind("at", now).execute();
    }

    private ValidationRequest require(Handle handle, long requestId, LocalDate today) {
        return find(handle, requestId, today).orElseThrow(() -> notFound(requestId));
    }

    private static IllegalArgumentException notFound(long requestId) {
        return new IllegalArgumentException("Validation request " + requestId + " not found; it may have been deleted");
    }

    private Optional<ValidationRequest> find(Handle handle, long requestId, LocalDate today) {
        Query query = handle.createQuery(SELECT + " WHERE r.id = :id").bind("id", requestId);
        return read(handle, query, today).stream().findFirst();
    }

    /** Reads requests, working out follow-up overdue and the FDA clocks with the advisory dates stored for their CVEs. */
    private static List<ValidationRequest> read(Handle handle, Query query, LocalDate today) {
        List<Row> rows = query.map(ValidationRequestService::row).list();
        Map<String, AdvisoryDate> advisories = rows.stream().anyMatch(row -> row.uncontrolled && row.cveId != null)
                ? advisoryDates(handle) : Map.of();
        List<ValidationRequest> requests = new ArrayList<>(rows.size());
        for (Row row : rows) {
            RequestStatus status = RequestStatus.parse(row.status);
            boolean overdue = status.isOpen() && row.followUpOn != null && row.followUpOn.isBefore(today);
            FdaClock clock = null;
            if (row.uncontrolled && row.cveId != null) {
                clock = clockOf(row, advisories.get(row.cveId), status.isOpen() ? today : row.statusOn);
            }
            requests.add(new ValidationRequest(row.id, row.productId, row.manufacturerId, row.manufacturer, row.model, row.updateName,
                    row.cveId, row.requestedOn, row.contactId, row.contactName, status, row.statusOn, row.respondedOn, row.vendorReference,
                    row.responseNotes, row.notes, row.followUpOn, row.uncontrolled, row.learnedOn, row.advisoryReleasedOn, row.documents,
                    row.createdBy, row.createdAt.toInstant(), overdue, clock));
        }
        return requests;
    }

    /** Returns the clocks starting on the day the manufacturer learned of the CVE, else a stored advisory's release, else the date entered. */
    private static FdaClock clockOf(Row row, AdvisoryDate advisory, LocalDate countedTo) {
        if (row.learnedOn != null) {
            return FdaClock.of(FdaClock.Basis.LEARNED, row.learnedOn, null, countedTo);
        }
        if (advisory != null) {
            return FdaClock.of(FdaClock.Basis.ADVISORY, advisory.released(), advisory.trackingId(), countedTo);
        }
        if (row.advisoryReleasedOn != null) {
            return FdaClock.of(FdaClock.Basis.ENTERED_ADVISORY, row.advisoryReleasedOn, null, countedTo);
        }
        return FdaClock.of(FdaClock.Basis.UNKNOWN, null, null, countedTo);
    }

    private record AdvisoryDate(String trackingId, LocalDate released) {
    }

    /**
     * Returns, for each CVE of an uncontrolled request, the earliest initial release among the stored CSAF advisories that
     * name it in a product statement, a remediation or a score. The date is the one the advisory states, in its own offset.
     */
    private static Map<String, AdvisoryDate> advisoryDates(Handle handle) {
        String cves = "cve_id IN (SELECT cve_id FROM validation_request WHERE uncontrolled = TRUE)";
        String source = "source_kind = '" + CsafImporter.SOURCE + "' AND " + cves;
        Map<String, AdvisoryDate> dates = new HashMap<>();
        handle.createQuery("SELECT s.cve_id, a.tracking_id, a.initial_release_date FROM ("
                        + "SELECT source_ref, cve_id FROM affected_statement WHERE " + source
                        + " UNION SELECT source_ref, cve_id FROM remediation WHERE " + source
                        + " UNION SELECT source_ref, cve_id FROM cvss_score WHERE " + source
                        + ") s JOIN advisory a ON a.base_id = s.source_ref WHERE a.initial_release_date IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new AdvisoryDate(rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toLocalDate())))
                .forEach(entry -> dates.merge(entry.getKey(), entry.getValue(),
                        (a, b) -> b.released().isBefore(a.released()) ? b : a));
        return dates;
    }

    /** The stored columns of a request, before its status and clocks are worked out. */
    private record Row(long id, long productId, long manufacturerId, String manufacturer, String model, String updateName, String cveId,
                       LocalDate requestedOn, Long contactId, String contactName, String status, LocalDate statusOn, LocalDate respondedOn,
                       String vendorReference, String responseNotes, String notes, LocalDate followUpOn, boolean uncontrolled,
                       LocalDate learnedOn, LocalDate advisoryReleasedOn, int documents, String createdBy, OffsetDateTime createdAt) {
    }

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("product_id"), rs.getLong("manufacturer_id"), rs.getString("manufacturer"),
                rs.getString("model"), rs.getString("update_name"), rs.getString("cve_id"), rs.getObject("requested_on", LocalDate.class),
                rs.getObject("contact_id", Long.class), rs.getString("contact_name"), rs.getString("status"),
                rs.getObject("status_on", LocalDate.class), rs.getObject("responded_on", LocalDate.class), rs.getString("vendor_reference"),
                rs.getString("response_notes"), rs.getString("notes"), rs.getObject("follow_up_on", LocalDate.class),
                rs.getBoolean("uncontrolled"), rs.getObject("learned_on", LocalDate.class),
                rs.getObject("advisory_released_on", LocalDate.class), rs.getInt("documents"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Map<String, String> detailValues(RequestDetails details, Handle handle) {
        Map<String, String> values = new LinkedHashMap<>();
        VendorContactService.putIfPresent(values, "update_name", details.updateName());
        VendorContactService.putIfPresent(values, "cve_id", details.cveId());
        if (details.contactId() != null) {
            String name = handle.createQuery("SELECT name FROM vendor_contact WHERE id = :id").bind("id", details.contactId())
                    .mapTo(String.class).findOne().orElse("?");
            values.put("contact", name + " (" + details.contactId() + ")");
        }
        values.put("uncontrolled", String.valueOf(details.uncontrolled()));
        VendorContactService.putIfPresent(values, "learned_on", details.learnedOn());
        VendorContactService.putIfPresent(values, "advisory_released_on", details.advisoryReleasedOn());
        VendorContactService.putIfPresent(values, "notes", details.notes());
        return values;
    }

    private static Map<String, String> responseValues(ValidationRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        VendorContactService.putIfPresent(values, "responded_on", request.respondedOn());
        VendorContactService.putIfPresent(values, "vendor_reference", request.vendorReference());
        VendorContactService.putIfPresent(values, "response_notes", request.responseNotes());
        return values;
    }

    /** Appends an update entry with only the fields whose value changed; a field absent on one side is written as empty. */
    private void auditChanges(Handle handle, Actor actor, OffsetDateTime now, ValidationRequest request, Map<String, String> before,
                              Map<String, String> after, String summary) {
        Map<String, String> oldValues = new LinkedHashMap<>();
        Map<String, String> newValues = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(keys::add);
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                oldValues.put(key, before.getOrDefault(key, ""));
                newValues.put(key, after.getOrDefault(key, ""));
            }
        }
        audit(handle, actor, now, AuditAction.UPDATE, request, oldValues, newValues, summary);
    }

    private void audit(Handle handle, Actor actor, OffsetDateTime now, AuditAction action, ValidationRequest request,
                       Map<String, String> oldValues, Map<String, String> newValues, String summary) {
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), action, RECORD_TYPE, request.id(), label(request), null,
                oldValues, newValues, summary));
    }

    /** Returns the audit label of a request, such as "BD Alaris 8015: Service Pack 4 for CVE-2024-12248". */
    private static String label(ValidationRequest request) {
        String label = request.product() + ": " + request.subject();
        return label.length() <= 300 ? label : label.substring(0, 299) + "…";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
