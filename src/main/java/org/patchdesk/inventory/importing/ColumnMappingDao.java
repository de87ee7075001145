package org.patchdesk.inventory.importing;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ColumnMappingDao {

    @SqlQuery("SELECT mapping FROM column_mapping WHERE header_key = :headerKey")
    Optional<String> findMapping(@Bind("headerKey") String headerKey);

    @SqlUpdate("MERGE INTO column_mapping (header_key, headers, mapping, saved_at, saved_by) KEY (header_key)"
            + " VALUES (:headerKey, :headers, :mapping, :savedAt, :savedBy)")
    void save(@Bind("headerKey") String headerKey, @Bind("headers") String headersJson, @Bind("mapping") String mappingJson,
              @Bind("savedAt") OffsetDateTime savedAt, @Bind("savedBy") String savedBy);
}
