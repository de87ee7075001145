package org.patchdesk.intel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(FeedImportRowMapper.class)
public interface FeedImportDao {

    @SqlUpdate("INSERT INTO feed_import (feed, file_name, file_sha256, feed_version, feed_date, imported_at, imported_by, records,"
            + " added, changed, removed, summary) VALUES (:feed, :fileName, :sha256, :version, :date, :at, :by, :records, :added,"
            + " :changed, :removed, :summary)")
    @GetGeneratedKeys("id")
    long insert(@Bind("feed") String feed, @Bind("fileName") String fileName, @Bind("sha256") String sha256,
                @Bind("version") String feedVersion, @Bind("date") String feedDate, @Bind("at") OffsetDateTime importedAt,
                @Bind("by") String importedBy, @Bind("records") int records, @Bind("added") int added,
                @Bind("changed") int changed, @Bind("removed") int removed, @Bind("summary") String summary);

    @SqlUpdate("UPDATE feed_import SET summary = :summary WHERE id = :id")
    void updateSummary(@Bind("id") long id, @Bind("summary") String summary);

    @SqlQuery("SELECT * FROM feed_import WHERE feed = :feed ORDER BY id DESC LIMIT 1")
    Optional<FeedImport> latest(@Bind("feed") String feed);

    @SqlQuery("SELECT * FROM feed_import WHERE feed = :feed ORDER BY id DESC LIMIT 1 OFFSET 1")
    Optional<FeedImport> beforeLatest(@Bind("feed") String feed);

    @SqlQuery("SELECT * FROM feed_import WHERE id = :id")
    Optional<FeedImport> findById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM feed_import ORDER BY id DESC LIMIT :limit")
    List<FeedImport> listNewest(@Bind("limit") int limit);
}
