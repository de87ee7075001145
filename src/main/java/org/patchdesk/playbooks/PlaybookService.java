package org.patchdesk.playbooks;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;

/**
 * The playbook library. A playbook lists who does what before, during and after patching a kind of
 * device, in four phases (pre-checks, procedure, verification, rollback). Every change appends an
 * audit entry in the same transaction, with record type {@value #PLAYBOOK_RECORD} for a playbook
 * and {@value #STEP_RECORD} for a step.
 */
public final class PlaybookService {

    public static final String PLAYBOOK_RECORD = "playbook";
    public static final String STEP_RECORD = "playbook_step";

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_STEP_TEXT = 2000;
    static final int MAX_MINUTES = 1440;

    /** The SQL state H2 and the SQL standard give a delete that a foreign key of another table rejects. */
    private static final String REFERENCED_ROW = "23503";

    private static final String SELECT_PLAYBOOK = "SELECT p.id, p.name, p.description, p.device_type_id, t.name AS type_name,"
            + " p.product_id, m.name || ' ' || pr.model AS product_name,"
            + " (SELECT COUNT(*) FROM playbook_step s WHERE s.playbook_id = p.id) AS steps"
            + " FROM playbook p LEFT JOIN device_type t ON t.id = p.device_type_id LEFT JOIN product pr ON pr.id = p.product_id"
            + " LEFT JOIN manufacturer m ON m.id = pr.manufacturer_id";

    /** A device type or product a playbook can apply to, for the choices of an editor. */
    public record Choice(long id, String label) {
    }

    /** The direction of {@link #moveStep}. */
    public enum Direction {
        UP, DOWN
    }

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final Clock clock;

    public PlaybookService(Jdbi jdbi, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Lists the playbooks by name. */
    public List<PlaybookSummary> list() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PLAYBOOK + " ORDER BY p.name_key")
                .map((rs, ctx) -> summary(rs))
                .list());
    }

    /** Returns a playbook with its steps, or empty when no playbook has that id. */
    public Optional<Playbook> get(long id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    /**
     * Returns the playbooks that apply to a patch window's devices: those whose product is among
     * {@code productIds} first, then those whose device type is among {@code deviceTypeIds}, each
     * group by name. A playbook that applies to neither is not suggested.
     */
    public List<PlaybookSummary> suggestFor(Collection<Long> deviceTypeIds, Collection<Long> productIds) {
        List<Long> types = deviceTypeIds == null ? List.of() : deviceTypeIds.stream().distinct().toList();
        List<Long> products = productIds == null ? List.of() : productIds.stream().distinct().toList();
        if (types.isEmpty() && products.isEmpty()) {
            return List.of();
        }
        List<PlaybookSummary> matches = list().stream()
                .filter(playbook -> products.contains(playbook.productId()) || types.contains(playbook.deviceTypeId()))
                .collect(Collectors.toCollection(ArrayList::new));
        matches.sort(Comparator.comparing((PlaybookSummary playbook) -> !products.contains(playbook.productId())));
        return List.copyOf(matches);
    }

    /** Lists every device type by name, for choosing what a playbook applies to. */
    public List<Choice> deviceTypeChoices() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name FROM device_type ORDER BY name_key")
                .map((rs, ctx) -> new Choice(rs.getLong(1), rs.getString(2)))
                .list());
    }

    /** Lists every product by manufacturer and model, for choosing what a playbook applies to. */
    public List<Choice> productChoices() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT p.id, m.name || ' ' || p.model FROM product p"
                        + " JOIN manufacturer m ON m.id = p.manufacturer_id ORDER BY m.name_key, p.model_key")
                .map((rs, ctx) -> new Choice(rs.getLong(1), rs.getString(2)))
                .list());
    }

    /**
     * Creates a playbook without steps.
     *
     * @throws IllegalArgumentException when the name is missing, too long or taken, or the device type or product does not exist
     */
    public Playbook create(PlaybookValues values, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            Clean clean = clean(handle, values, null);
            long id = handle.createUpdate("INSERT INTO playbook (name, name_key, description, device_type_id, product_id, created_at,"
                            + " created_by, updated_at, updated_by) VALUES (:name, :key, :description, :type, :product, :at, :by, :at, :by)")
                    .bind("name", clean.name()).bind("key", key(clean.name())).bind("description", clean.description())
                    .bind("type", clean.deviceTypeId()).bind("product", clean.productId()).bind("at", now).bind("by", actor.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Playbook created = find(handle, id).orElseThrow();
            appendPlaybookEntry(handle, now, actor, AuditAction.CREATE, created, Map.of(), values(created), "Playbook created");
            return created;
        });
    }

    /**
     * Renames a playbook or changes its description or what it applies to.
     *
     * @throws IllegalArgumentException when the playbook does not exist, the name is missing, too long or taken by another
     *                                  playbook, or the device type or product does not exist
     */
    public Playbook update(long id, PlaybookValues values, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            Playbook old = require(handle, id);
            Clean clean = clean(handle, values, id);
            handle.createUpdate("UPDATE playbook SET name = :name, name_key = :key, description = :description,"
                            + " device_type_id = :type, product_id = :product, updated_at = :at, updated_by = :by WHERE id = :id")
                    .bind("name", clean.name()).bind("key", key(clean.name())).bind("description", clean.description())
                    .bind("type", clean.deviceTypeId()).bind("product", clean.productId()).bind("at", now).bind("by", actor.name())
                    .bind("id", id).execute();
            Playbook updated = find(handle, id).orElseThrow();
            Map<String, String> before = values(old);
            Map<String, String> after = values(updated);
            if (!before.equals(after)) {
                appendPlaybookEntry(handle, now, actor, AuditAction.UPDATE, updated, changed(before, after), changed(after, before),
                        old.name().equals(updated.name()) ? "Playbook changed" : "Playbook renamed from " + old.name());
            }
            return updated;
        });
    }

    /**
     * Copies a playbook with its steps, its description and what it applies to under a new name.
     *
     * @throws IllegalArgumentException when the playbook does not exist or the new name is missing, too long or taken
     */
    public Playbook duplicate(long id, String newName, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            Playbook source = require(handle, id);
            Clean clean = clean(handle, new PlaybookValues(newName, source.description(), source.deviceTypeId(), source.productId()),
                    null);
            long copyId = handle.createUpdate("INSERT INTO playbook (name, name_key, description, device_type_id, product_id,"
                            + " created_at, created_by, updated_at, updated_by) VALUES (:name, :key, :description, :type, :product,"
                            + " :at, :by, :at, :by)")
                    .bind("name", clean.name()).bind("key", key(clean.name())).bind("description", clean.description())
                    .bind("type", clean.deviceTypeId()).bind("product", clean.productId()).bind("at", now).bind("by", actor.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO playbook_step (playbook_id, phase, position, role, text, expected_minutes)"
                            + " SELECT :copy, phase, position, role, text, expected_minutes FROM playbook_step WHERE playbook_id = :source")
                    .bind("copy", copyId).bind("source", id).execute();
            Playbook copy = find(handle, copyId).orElseThrow();
            Map<String, String> created = values(copy);
            created.put("steps", stepsText(copy));
            appendPlaybookEntry(handle, now, actor, AuditAction.CREATE, copy, Map.of(), created, "Playbook copied from " + source.name());
            return copy;
        });
    }

    /**
     * Deletes a playbook and its steps. The audit entry keeps its values and the text of every step.
     *
     * @throws IllegalArgumentException when the playbook does not exist, or another record, such as a patch window, refers to it
     */
    public void delete(long id, Actor actor) {
        OffsetDateTime now = now();
        try {
            jdbi.useTransaction(handle -> {
                Playbook old = require(handle, id);
                handle.createUpdate("DELETE FROM playbook WHERE id = :id").bind("id", id).execute();
                Map<String, String> deleted = values(old);
                deleted.put("steps", stepsText(old));
                appendPlaybookEntry(handle, now, actor, AuditAction.DELETE, old, deleted, Map.of(), "Playbook deleted");
            });
        } catch (UnableToExecuteStatementException e) {
            if (isReferencedRow(e)) {
                String name = get(id).map(Playbook::name).orElse("#" + id);
                throw new IllegalArgumentException("Playbook '" + name + "' is attached to a patch window and cannot be deleted."
                        + " Remove it from the window first, or keep it under another name.", e);
            }
            throw e;
        }
    }

    /**
     * Adds a step at the end of its phase.
     *
     * @throws IllegalArgumentException when the playbook does not exist or a value is missing or out of range
     */
    public PlaybookStep addStep(long playbookId, StepValues values, Actor actor) {
        StepValues clean = clean(values);
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            Playbook playbook = require(handle, playbookId);
            int position = playbook.steps(clean.phase()).size() + 1;
            long id = handle.createUpdate("INSERT INTO playbook_step (playbook_id, phase, position, role, text, expected_minutes)"
                            + " VALUES (:playbook, :phase, :position, :role, :text, :minutes)")
                    .bind("playbook", playbookId).bind("phase", clean.phase().word()).bind("position", position)
                    .bind("role", clean.role().word()).bind("text", clean.text()).bind("minutes", clean.expectedMinutes())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PlaybookStep step = requireStep(handle, id);
            touch(handle, playbookId, now, actor);
            appendStepEntry(handle, now, actor, AuditAction.CREATE, playbook, step, Map.of(), values(step), "Step added");
            return step;
        });
    }

    /**
     * Changes a step. A step moved to another phase goes to the end of that phase, and the steps
     * after it in its old phase move up.
     *
     * @throws IllegalArgumentException when the step does not exist or a value is missing or out of range
     */
    public PlaybookStep updateStep(long stepId, StepValues values, Actor actor) {
        StepValues clean = clean(values);
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            PlaybookStep old = requireStep(handle, stepId);
            Playbook playbook = require(handle, old.playbookId());
            int position = old.position();
            if (clean.phase() != old.phase()) {
                position = playbook.steps(clean.phase()).size() + 1;
                setPosition(handle, stepId, 0);
                closeGap(handle, old.playbookId(), old.phase(), old.position());
            }
            handle.createUpdate("UPDATE playbook_step SET phase = :phase, position = :position, role = :role, text = :text,"
                            + " expected_minutes = :minutes WHERE id = :id")
                    .bind("phase", clean.phase().word()).bind("position", position).bind("role", clean.role().word())
                    .bind("text", clean.text()).bind("minutes", clean.expectedMinutes()).bind("id", stepId).execute();
            PlaybookStep updated = requireStep(handle, stepId);
            Map<String, String> before = values(old);
            Map<String, String> after = values(updated);
            if (!before.equals(after)) {
                touch(handle, old.playbookId(), now, actor);
                appendStepEntry(handle, now, actor, AuditAction.UPDATE, playbook, updated, changed(before, after),
                        changed(after, before), "Step changed");
            }
            return updated;
        });
    }

    /**
     * Removes a step; the steps after it in its phase move up.
     *
     * @throws IllegalArgumentException when the step does not exist
     */
    public void removeStep(long stepId, Actor actor) {
        OffsetDateTime now = now();
        jdbi.useTransaction(handle -> {
            PlaybookStep old = requireStep(handle, stepId);
            Playbook playbook = require(handle, old.playbookId());
            handle.createUpdate("DELETE FROM playbook_step WHERE id = :id").bind("id", stepId).execute();
            closeGap(handle, old.playbookId(), old.phase(), old.position());
            touch(handle, old.playbookId(), now, actor);
            appendStepEntry(handle, now, actor, AuditAction.DELETE, playbook, old, values(old), Map.of(), "Step removed");
        });
    }

    /**
     * Moves a step one place up or down within its phase. Returns false, and changes nothing, when
     * the step is already first (up) or last (down) in its phase.
     *
     * @throws IllegalArgumentException when the step does not exist
     */
    public boolean moveStep(long stepId, Direction direction, Actor actor) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(handle -> {
            PlaybookStep step = requireStep(handle, stepId);
            Playbook playbook = require(handle, step.playbookId());
            int target = direction == Direction.UP ? step.position() - 1 : step.position() + 1;
            Optional<PlaybookStep> neighbor = playbook.steps(step.phase()).stream().filter(other -> other.position() == target)
                    .findFirst();
            if (neighbor.isEmpty()) {
                return false;
            }
            setPosition(handle, stepId, 0);
            setPosition(handle, neighbor.get().id(), step.position());
            setPosition(handle, stepId, target);
            touch(handle, step.playbookId(), now, actor);
            PlaybookStep moved = requireStep(handle, stepId);
            appendStepEntry(handle, now, actor, AuditAction.UPDATE, playbook, moved, Map.of("position", Integer.toString(step.position())),
                    Map.of("position", Integer.toString(target)), "Step moved " + direction.name().toLowerCase(Locale.ROOT));
            return true;
        });
    }

    private record Clean(String name, String description, Long deviceTypeId, Long productId) {
    }

    private static Clean clean(Handle handle, PlaybookValues values, Long selfId) {
        String name = values.name() == null ? "" : values.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A playbook name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("The playbook name has " + name.length() + " characters; at most " + MAX_NAME
                    + " are allowed");
        }
        String description = values.description() == null || values.description().isBlank() ? null : values.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("The description has " + description.length() + " characters; at most "
                    + MAX_DESCRIPTION + " are allowed");
        }
        Optional<Long> holder = handle.createQuery("SELECT id FROM playbook WHERE name_key = :key").bind("key", key(name))
                .mapTo(Long.class).findOne();
        if (holder.isPresent() && !holder.get().equals(selfId)) {
            throw new IllegalArgumentException("A playbook named '" + name + "' already exists; choose another name");
        }
        if (values.deviceTypeId() != null && !exists(handle, "device_type", values.deviceTypeId())) {
            throw new IllegalArgumentException("Device type " + values.deviceTypeId() + " not found; it may have been deleted");
        }
        if (values.productId() != null && !exists(handle, "product", values.productId())) {
            throw new IllegalArgumentException("Product " + values.productId() + " not found; it may have been deleted");
        }
        return new Clean(name, description, values.deviceTypeId(), values.productId());
    }

    private static StepValues clean(StepValues values) {
        if (values.phase() == null) {
            throw new IllegalArgumentException("A step needs a phase: pre-check, procedure, verification or rollback");
        }
        if (values.role() == null) {
            throw new IllegalArgumentException("A step needs the role that carries it out: HTM, IT, InfoSec, clinical or vendor");
        }
        String text = values.text() == null ? "" : values.text().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A step needs a text saying what to do");
        }
        if (text.length() > MAX_STEP_TEXT) {
            throw new IllegalArgumentException("The step text has " + text.length() + " characters; at most " + MAX_STEP_TEXT
                    + " are allowed");
        }
        Integer minutes = values.expectedMinutes();
        if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
            throw new IllegalArgumentException("Expected minutes must be between 1 and " + MAX_MINUTES + " (24 hours), not " + minutes);
        }
        return new StepValues(values.phase(), values.role(), text, minutes);
    }

    private static boolean exists(Handle handle, String table, long id) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    private static Optional<Playbook> find(Handle handle, long id) {
        return handle.createQuery(SELECT_PLAYBOOK + " WHERE p.id = :id").bind("id", id)
                .map((rs, ctx) -> summary(rs))
                .findOne()
                .map(summary -> new Playbook(summary.id(), summary.name(), summary.description(), summary.deviceTypeId(),
                        summary.deviceTypeName(), summary.productId(), summary.productName(), steps(handle, id)));
    }

    private static Playbook require(Handle handle, long id) {
        return find(handle, id).orElseThrow(() -> new IllegalArgumentException("Playbook " + id + " not found; it may have been deleted"));
    }

    private static PlaybookSummary summary(java.sql.ResultSet rs) throws SQLException {
        return new PlaybookSummary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                (Long) rs.getObject("device_type_id"), rs.getString("type_name"), (Long) rs.getObject("product_id"),
                rs.getString("product_name"), rs.getInt("steps"));
    }

    private static List<PlaybookStep> steps(Handle handle, long playbookId) {
        return handle.createQuery("SELECT id, playbook_id, phase, position, role, text, expected_minutes FROM playbook_step"
                        + " WHERE playbook_id = :id")
                .bind("id", playbookId)
                .map((rs, ctx) -> step(rs))
                .stream()
                .sorted(Comparator.comparing(PlaybookStep::phase).thenComparingInt(PlaybookStep::position))
                .toList();
    }

    private static PlaybookStep requireStep(Handle handle, long stepId) {
        return handle.createQuery("SELECT id, playbook_id, phase, position, role, text, expected_minutes FROM playbook_step"
                        + " WHERE id = :id")
                .bind("id", stepId)
                .map((rs, ctx) -> step(rs))
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("Playbook step " + stepId + " not found; it may have been removed"));
    }

    private static PlaybookStep step(java.sql.ResultSet rs) throws SQLException {
        return new PlaybookStep(rs.getLong(1), rs.getLong(2), Phase.fromWord(rs.getString(3)), rs.getInt(4),
                Role.fromWord(rs.getString(5)), rs.getString(6), (Integer) rs.getObject(7));
    }

    private static void setPosition(Handle handle, long stepId, int position) {
        handle.createUpdate("UPDATE playbook_step SET position = :position WHERE id = :id").bind("position", position)
                .bind("id", stepId).execute();
    }

    /**
     * Moves the steps after {@code removed} in a phase one place up. The positions pass through
     * negative values so that no two steps hold the same position between the two updates.
     */
    private static void closeGap(Handle handle, long playbookId, Phase phase, int removed) {
        handle.createUpdate("UPDATE playbook_step SET position = -position WHERE playbook_id = :playbook AND phase = :phase"
                        + " AND position > :removed")
                .bind("playbook", playbookId).bind("phase", phase.word()).bind("removed", removed).execute();
        handle.createUpdate("UPDATE playbook_step SET position = -position - 1 WHERE playbook_id = :playbook AND phase = :phase"
                        + " AND position < 0")
                .bind("playbook", playbookId).bind("phase", phase.word()).execute();
    }

    private static void touch(Handle handle, long playbookId, OffsetDateTime now, Actor actor) {
        handle.createUpdate("UPDATE playbook SET updated_at = :at, updated_by = :by WHERE id = :id").bind("at", now)
                .bind("by", actor.name()).bind("id", playbookId).execute();
    }

    private void appendPlaybookEntry(Handle handle, OffsetDateTime now, Actor actor, AuditAction action, Playbook playbook,
                                     Map<String, String> oldValues, Map<String, String> newValues, String summary) {
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), action, PLAYBOOK_RECORD, playbook.id(),
                playbook.name(), null, oldValues, newValues, summary));
    }

    private void appendStepEntry(Handle handle, OffsetDateTime now, Actor actor, AuditAction action, Playbook playbook,
                                 PlaybookStep step, Map<String, String> oldValues, Map<String, String> newValues, String summary) {
        String label = playbook.name() + ": " + step.phase().label() + " step " + step.position();
        auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), action, STEP_RECORD, step.id(), label, null,
                oldValues, newValues, summary));
    }

    private static Map<String, String> values(Playbook playbook) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", playbook.name());
        putIfPresent(values, "description", playbook.description());
        putIfPresent(values, "device_type", playbook.deviceTypeName());
        putIfPresent(values, "product", playbook.productName());
        return values;
    }

    private static Map<String, String> values(PlaybookStep step) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("phase", step.phase().word());
        values.put("position", Integer.toString(step.position()));
        values.put("role", step.role().word());
        values.put("text", step.text());
        if (step.expectedMinutes() != null) {
            values.put("expected_minutes", step.expectedMinutes().toString());
        }
        return values;
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
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

    /** Returns every step of a playbook as one line each, such as "pre-check 1 [HTM] Confirm … (10 min)". */
    private static String stepsText(Playbook playbook) {
        return playbook.steps().stream()
                .map(step -> step.phase().word() + " " + step.position() + " [" + step.role().label() + "] " + step.text()
                        + (step.expectedMinutes() == null ? "" : " (" + step.expectedMinutes() + " min)"))
                .collect(Collectors.joining("\n"));
    }

    private static boolean isReferencedRow(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && REFERENCED_ROW.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
