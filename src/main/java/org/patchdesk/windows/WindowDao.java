package org.patchdesk.windows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stores patch windows, their devices and status changes, and the departments' blackouts and minimums. */
@RegisterConstructorMapper(WindowDao.WindowRow.class)
@RegisterConstructorMapper(WindowDao.DeviceRow.class)
@RegisterConstructorMapper(WindowDao.EventRow.class)
@RegisterConstructorMapper(WindowDao.PlaybookRow.class)
@RegisterConstructorMapper(WindowDao.BlackoutRow.class)
@RegisterConstructorMapper(WindowDao.MinimumRow.class)
@RegisterConstructorMapper(WindowDao.PlacementRow.class)
public interface WindowDao {

    String WINDOW_COLUMNS = "id, title, starts_at, ends_at, department, location, window_type, planned_actions, status, approver_name,"
            + " approver_role, approved_at, approval_conditions, change_ticket, cab_status, cab_date, outcome_note, closed_at, closed_by,"
            + " reschedule_count, created_by, updated_at";

    String DEVICE_COLUMNS = "wd.window_id, d.id AS device_id, d.asset_tag, d.product_id, d.device_type_id, t.name AS device_type, m.name AS manufacturer,"
            + " d.model, d.department, d.location, d.software_version, wd.downtime_minutes";

    String DEVICE_JOINS = " FROM patch_window_device wd JOIN device d ON d.id = wd.device_id"
            + " LEFT JOIN device_type t ON t.id = d.device_type_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id";

    record WindowRow(long id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String department, String location,
                     String windowType, String plannedActions, String status, String approverName, String approverRole,
                     OffsetDateTime approvedAt, String approvalConditions, String changeTicket, String cabStatus, LocalDate cabDate,
                     String outcomeNote, OffsetDateTime closedAt, String closedBy, int rescheduleCount, String createdBy,
                     OffsetDateTime updatedAt) {
    }

    record DeviceRow(long windowId, long deviceId, String assetTag, Long productId, Long deviceTypeId, String deviceType, String manufacturer,
                     String model, String department, String location, String softwareVersion, Integer downtimeMinutes) {
    }

    record PlaybookRow(long windowId, long playbookId, String name) {
    }

    record EventRow(OffsetDateTime occurredAt, String actor, String fromStatus, String toStatus, String note) {
    }

    record BlackoutRow(long id, String department, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean weekly, String reason) {
    }

    record MinimumRow(String department, long deviceTypeId, String deviceType, int minimum) {
    }

    /** A device in another open window, with that window's time range. */
    record PlacementRow(long windowId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, long deviceId, String assetTag,
                        Long deviceTypeId, String departmentKey) {
    }

    @SqlUpdate("INSERT INTO patch_window (title, starts_at, ends_at, department, location, window_type, planned_actions, status,"
            + " change_ticket, cab_status, cab_date, reschedule_count, created_at, created_by, updated_at, updated_by) VALUES (:title,"
            + " :startsAt, :endsAt, :department, :location, :type, :actions, :status, :ticket, :cab, :cabDate, 0, :at, :by, :at, :by)")
    @GetGeneratedKeys("id")
    long insert(@Bind("title") String title, @Bind("startsAt") OffsetDateTime startsAt, @Bind("endsAt") OffsetDateTime endsAt,
                @Bind("department") String department, @Bind("location") String location, @Bind("type") String type,
                @Bind("actions") String actions, @Bind("status") String status, @Bind("ticket") String ticket, @Bind("cab") String cab,
                @Bind("cabDate") LocalDate cabDate, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("UPDATE patch_window SET title = :title, starts_at = :startsAt, ends_at = :endsAt, department = :department,"
            + " location = :location, window_type = :type, planned_actions = :actions, change_ticket = :ticket, cab_status = :cab,"
            + " cab_date = :cabDate, reschedule_count = reschedule_count + :moved, updated_at = :at, updated_by = :by WHERE id = :id")
    void update(@Bind("id") long id, @Bind("title") String title, @Bind("startsAt") OffsetDateTime startsAt,
                @Bind("endsAt") OffsetDateTime endsAt, @Bind("department") String department, @Bind("location") String location,
                @Bind("type") String type, @Bind("actions") String actions, @Bind("ticket") String ticket, @Bind("cab") String cab,
                @Bind("cabDate") LocalDate cabDate, @Bind("moved") int moved, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("UPDATE patch_window SET status = :status, updated_at = :at, updated_by = :by WHERE id = :id")
    void setStatus(@Bind("id") long id, @Bind("status") String status, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("UPDATE patch_window SET approver_name = :name, approver_role = :role, approved_at = :approvedAt,"
            + " approval_conditions = :conditions WHERE id = :id")
    void setApproval(@Bind("id") long id, @Bind("name") String name, @Bind("role") String role,
                     @Bind("approvedAt") OffsetDateTime approvedAt, @Bind("conditions") String conditions);

    @SqlUpdate("UPDATE patch_window SET outcome_note = :note, closed_at = :at, closed_by = :by WHERE id = :id")
    void close(@Bind("id") long id, @Bind("note") String note, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlQuery("SELECT " + WINDOW_COLUMNS + " FROM patch_window WHERE id = :id")
    Optional<WindowRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + WINDOW_COLUMNS + " FROM patch_window WHERE starts_at < :to AND ends_at > :from ORDER BY starts_at, id")
    List<WindowRow> between(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    @SqlQuery("SELECT " + WINDOW_COLUMNS + " FROM patch_window WHERE ends_at <= :now AND status IN ('proposed', 'awaiting-approval',"
            + " 'approved') ORDER BY ends_at, id")
    List<WindowRow> endedWithoutOutcome(@Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT " + DEVICE_COLUMNS + DEVICE_JOINS + " WHERE wd.window_id IN (<ids>) ORDER BY d.asset_tag_key")
    List<DeviceRow> devicesOf(@BindList("ids") Collection<Long> windowIds);

    @SqlQuery("SELECT 0 AS window_id, d.id AS device_id, d.asset_tag, d.product_id, d.device_type_id, t.name AS device_type, m.name AS manufacturer,"
            + " d.model, d.department, d.location, d.software_version, NULL AS downtime_minutes FROM device d"
            + " LEFT JOIN device_type t ON t.id = d.device_type_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
            + " WHERE d.id IN (<ids>) ORDER BY d.asset_tag_key")
    List<DeviceRow> devicesByIds(@BindList("ids") Collection<Long> deviceIds);

    @SqlQuery("SELECT 0 AS window_id, d.id AS device_id, d.asset_tag, d.product_id, d.device_type_id, t.name AS device_type, m.name AS manufacturer,"
            + " d.model, d.department, d.location, d.software_version, NULL AS downtime_minutes FROM device d"
            + " LEFT JOIN device_type t ON t.id = d.device_type_id LEFT JOIN manufacturer m ON m.id = d.manufacturer_id"
            + " WHERE d.status <> 'RETIRED' AND (:department = '' OR " + Departments.SQL_DEVICE_KEY + " = :department)"
            + " AND (:text = '' OR LOWER(d.asset_tag) LIKE :text OR LOWER(d.model) LIKE :text OR LOWER(t.name) LIKE :text"
            + " OR LOWER(m.name) LIKE :text OR LOWER(d.location) LIKE :text OR LOWER(d.department) LIKE :text)"
            + " ORDER BY d.asset_tag_key LIMIT :limit")
    List<DeviceRow> searchDevices(@Bind("text") String likeText, @Bind("department") String departmentKey, @Bind("limit") int limit);

    @SqlQuery("SELECT MIN(TRIM(department)) FROM device WHERE department IS NOT NULL AND TRIM(department) <> ''"
            + " GROUP BY REGEXP_REPLACE(LOWER(TRIM(department)), '\\s+', ' ') ORDER BY 1")
    List<String> departments();

    @SqlUpdate("DELETE FROM patch_window_device WHERE window_id = :id")
    void removeDevices(@Bind("id") long windowId);

    @SqlBatch("INSERT INTO patch_window_device (window_id, device_id, downtime_minutes) VALUES (:window, :device, :minutes)")
    void addDevices(@Bind("window") long windowId, @Bind("device") List<Long> deviceIds, @Bind("minutes") List<Integer> minutes);

    @SqlQuery("SELECT wp.window_id, p.id AS playbook_id, p.name FROM patch_window_playbook wp JOIN playbook p ON p.id = wp.playbook_id"
            + " WHERE wp.window_id IN (<ids>) ORDER BY wp.window_id, wp.position")
    List<PlaybookRow> playbooksOf(@BindList("ids") Collection<Long> windowIds);

    @SqlUpdate("DELETE FROM patch_window_playbook WHERE window_id = :id")
    void removePlaybooks(@Bind("id") long windowId);

    @SqlBatch("INSERT INTO patch_window_playbook (window_id, playbook_id, position) VALUES (:window, :playbook, :position)")
    void addPlaybooks(@Bind("window") long windowId, @Bind("playbook") List<Long> playbookIds, @Bind("position") List<Integer> positions);

    @SqlQuery("SELECT name FROM playbook WHERE id IN (<ids>)")
    List<String> playbookNames(@BindList("ids") Collection<Long> playbookIds);

    @SqlUpdate("INSERT INTO patch_window_event (window_id, occurred_at, actor, from_status, to_status, note) VALUES (:window, :at,"
            + " :actor, :from, :to, :note)")
    void addEvent(@Bind("window") long windowId, @Bind("at") OffsetDateTime at, @Bind("actor") String actor, @Bind("from") String from,
                  @Bind("to") String to, @Bind("note") String note);

    /** Adds a status change that an electronic signature made, such as a signed approval or declined approval. */
    @SqlUpdate("INSERT INTO patch_window_event (window_id, occurred_at, actor, from_status, to_status, note, signature_id) VALUES"
            + " (:window, :at, :actor, :from, :to, :note, :signature)")
    void addSignedEvent(@Bind("window") long windowId, @Bind("at") OffsetDateTime at, @Bind("actor") String actor,
                        @Bind("from") String from, @Bind("to") String to, @Bind("note") String note, @Bind("signature") long signatureId);

    /**
     * A window's newest status change when it returned the window from awaiting approval to
     * proposed, with the signature that declined it. The signature columns are null for a decline
     * typed before the database had user accounts.
     */
    record DeclineRow(long windowId, OffsetDateTime occurredAt, String actor, String note, Long signatureId, String printedName,
                      String signerRoles, String comment) {
    }

    @SqlQuery("SELECT e.window_id, e.occurred_at, e.actor, e.note, e.signature_id, s.printed_name, s.signer_roles, s.comment"
            + " FROM patch_window_event e LEFT JOIN electronic_signature s ON s.id = e.signature_id"
            + " WHERE e.window_id IN (<ids>) AND e.from_status = 'awaiting-approval' AND e.to_status = 'proposed'"
            + " AND e.id = (SELECT MAX(x.id) FROM patch_window_event x WHERE x.window_id = e.window_id)")
    @RegisterConstructorMapper(DeclineRow.class)
    List<DeclineRow> latestDeclines(@BindList("ids") Collection<Long> windowIds);

    record CountRow(long windowId, int count) {
    }

    @SqlQuery("SELECT window_id, COUNT(*) AS count FROM patch_window_event WHERE window_id IN (<ids>) GROUP BY window_id")
    @RegisterConstructorMapper(CountRow.class)
    List<CountRow> eventCounts(@BindList("ids") Collection<Long> windowIds);

    @SqlQuery("SELECT occurred_at, actor, from_status, to_status, note FROM patch_window_event WHERE window_id = :id ORDER BY id")
    List<EventRow> events(@Bind("id") long windowId);

    @SqlQuery("SELECT w.id AS window_id, w.title, w.starts_at, w.ends_at, d.id AS device_id, d.asset_tag, d.device_type_id,"
            + " " + Departments.SQL_DEVICE_KEY + " AS department_key FROM patch_window w JOIN patch_window_device wd ON wd.window_id = w.id"
            + " JOIN device d ON d.id = wd.device_id WHERE w.starts_at < :to AND w.ends_at > :from AND w.id <> :exclude"
            + " AND w.status IN ('proposed', 'awaiting-approval', 'approved')")
    List<PlacementRow> placements(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("exclude") long excludeId);

    @SqlQuery("SELECT COUNT(*) FROM device d WHERE d.status = 'ACTIVE' AND d.device_type_id = :type AND "
            + Departments.SQL_DEVICE_KEY + " = :key")
    int activeDevices(@Bind("key") String departmentKey, @Bind("type") long deviceTypeId);

    @SqlQuery("SELECT id, department, starts_at, ends_at, weekly, reason FROM department_blackout ORDER BY department_key, starts_at")
    List<BlackoutRow> blackouts();

    @SqlQuery("SELECT id, department, starts_at, ends_at, weekly, reason FROM department_blackout WHERE department_key IN (<keys>)"
            + " ORDER BY starts_at")
    List<BlackoutRow> blackoutsOf(@BindList("keys") Collection<String> departmentKeys);

    @SqlUpdate("INSERT INTO department_blackout (department, department_key, starts_at, ends_at, weekly, reason) VALUES (:department,"
            + " :key, :startsAt, :endsAt, :weekly, :reason)")
    @GetGeneratedKeys("id")
    long insertBlackout(@Bind("department") String department, @Bind("key") String key, @Bind("startsAt") OffsetDateTime startsAt,
                        @Bind("endsAt") OffsetDateTime endsAt, @Bind("weekly") boolean weekly, @Bind("reason") String reason);

    @SqlUpdate("DELETE FROM department_blackout WHERE id = :id")
    int deleteBlackout(@Bind("id") long id);

    @SqlQuery("SELECT m.department, m.device_type_id, t.name AS device_type, m.minimum FROM department_minimum m"
            + " JOIN device_type t ON t.id = m.device_type_id ORDER BY m.department_key, t.name_key")
    List<MinimumRow> minimums();

    @SqlQuery("SELECT m.department, m.device_type_id, t.name AS device_type, m.minimum FROM department_minimum m"
            + " JOIN device_type t ON t.id = m.device_type_id WHERE m.department_key = :key AND m.device_type_id = :type")
    Optional<MinimumRow> minimum(@Bind("key") String departmentKey, @Bind("type") long deviceTypeId);

    @SqlUpdate("MERGE INTO department_minimum (department, department_key, device_type_id, minimum) KEY (department_key, device_type_id)"
            + " VALUES (:department, :key, :type, :minimum)")
    void putMinimum(@Bind("department") String department, @Bind("key") String key, @Bind("type") long deviceTypeId,
                    @Bind("minimum") int minimum);

    @SqlQuery("SELECT id, name FROM device_type ORDER BY name_key")
    @RegisterConstructorMapper(WindowRules.TypeChoice.class)
    List<WindowRules.TypeChoice> deviceTypes();

    @SqlUpdate("DELETE FROM department_minimum WHERE department_key = :key AND device_type_id = :type")
    int deleteMinimum(@Bind("key") String departmentKey, @Bind("type") long deviceTypeId);
}
