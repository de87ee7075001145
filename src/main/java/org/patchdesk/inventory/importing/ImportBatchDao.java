package org.patchdesk.inventory.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ImportBatchRowMapper.class)
public interface ImportBatchDao {

    /**
     * Inserts a batch numbered one above the highest so far, so that an import that was rolled back
     * leaves no gap in the numbers the history shows. Imports never run concurrently, because one
     * process locks the data folder and its worker runs one job at a time.
     */
    @SqlUpdate("INSERT INTO import_batch (id, kind, file_name, file_path, file_sha256, sheet_name, header_row, column_headers,"
            + " column_mapping, imported_at, imported_by, rows_read, added, updated, unchanged, rejected, skipped)"
            + " VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM import_batch), :kind, :file_name, :file_path, :file_sha256,"
            + " :sheet_name, :header_row, :column_headers, :column_mapping, :imported_at, :imported_by, 0, 0, 0, 0, 0, 0)")
    @GetGeneratedKeys("id")
    long insert(@BindMap Map<String, Object> row);

    @SqlUpdate("UPDATE import_batch SET rows_read = :rowsRead, added = :added, updated = :updated, unchanged = :unchanged,"
            + " rejected = :rejected, skipped = :skipped WHERE id = :id")
    void updateCounts(@Bind("id") long id, @Bind("rowsRead") int rowsRead, @Bind("added") int added, @Bind("updated") int updated,
                      @Bind("unchanged") int unchanged, @Bind("rejected") int rejected, @Bind("skipped") int skipped);

    @SqlUpdate("UPDATE import_batch SET undone_at = :at, undone_by = :by, undo_reverted = :reverted, undo_kept = :kept"
            + " WHERE id = :id AND undone_at IS NULL")
    int markUndone(@Bind("id") long id, @Bind("at") OffsetDateTime at, @Bind("by") String by, @Bind("reverted") int reverted,
                   @Bind("kept") int kept);

    @SqlQuery("SELECT * FROM import_batch ORDER BY id DESC")
    List<ImportBatch> listAll();

    @SqlQuery("SELECT * FROM import_batch WHERE id = :id")
    Optional<ImportBatch> findById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM import_batch WHERE file_sha256 = :sha256 AND undone_at IS NULL ORDER BY id DESC")
    List<ImportBatch> findBySha256(@Bind("sha256") String sha256);

    @SqlBatch("INSERT INTO import_rejection (batch_id, row_number, column_name, cell_value, reason, row_values)"
            + " VALUES (:batch_id, :row_number, :column_name, :cell_value, :reason, :row_values)")
    void insertRejections(@BindMap List<Map<String, Object>> rows);

    /** One stored problem of a rejected row. */
    record StoredRejection(int rowNumber, String columnName, String cellValue, String reason, String rowValues) {
    }

    @SqlQuery("SELECT row_number, column_name, cell_value, reason, row_values FROM import_rejection"
            + " WHERE batch_id = :batchId ORDER BY row_number, id")
    @RegisterConstructorMapper(StoredRejection.class)
    List<StoredRejection> listRejections(@Bind("batchId") long batchId);

    @SqlQuery("SELECT column_headers FROM import_batch WHERE id = :id")
    Optional<String> findHeaders(@Bind("id") long id);
}
