package org.patchdesk.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.patchdesk.storage.JdbcBatches;

@RegisterRowMapper(AuditRowMapper.class)
public interface AuditDao extends SqlObject {

    String INSERT = "INSERT INTO audit_entry (occurred_at, actor, action, record_type, record_id, record_label, batch_id,"
            + " old_values, new_values, summary, previous_hash, entry_hash) VALUES (:occurred_at, :actor, :action, :record_type,"
            + " :record_id, :record_label, :batch_id, :old_values, :new_values, :summary, :previous_hash, :entry_hash)";

    @SqlUpdate(INSERT)
    @GetGeneratedKeys("id")
    long insert(@BindMap Map<String, Object> row);

    /** The columns of {@link #INSERT}, in order. */
    List<String> COLUMNS = List.of("occurred_at", "actor", "action", "record_type", "record_id", "record_label", "batch_id",
            "old_values", "new_values", "summary", "previous_hash", "entry_hash");

    /** Appends many entries at once, each row holding {@link #COLUMNS}. */
    default void insertAll(List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            JdbcBatches.execute(getHandle(), "INSERT INTO audit_entry (" + String.join(", ", COLUMNS) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")", COLUMNS, rows, false);
        }
    }

    @SqlQuery("SELECT * FROM audit_entry WHERE batch_id = :batchId ORDER BY id")
    List<AuditEntry> listByBatch(@Bind("batchId") long batchId);

    @SqlQuery("SELECT * FROM audit_entry WHERE record_type = :recordType AND record_id = :recordId ORDER BY id")
    List<AuditEntry> listByRecord(@Bind("recordType") String recordType, @Bind("recordId") long recordId);

    @SqlQuery("SELECT * FROM audit_entry WHERE record_type = :recordType AND record_id = :recordId AND id > :afterId"
            + " ORDER BY id LIMIT 1")
    Optional<AuditEntry> findFirstAfter(@Bind("recordType") String recordType, @Bind("recordId") long recordId,
                                        @Bind("afterId") long afterId);

    @SqlQuery("SELECT * FROM audit_entry ORDER BY id DESC LIMIT :limit")
    List<AuditEntry> listNewest(@Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM audit_entry")
    long count();
}
