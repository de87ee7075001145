package org.patchdesk.intel;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.intel.feeds.EpssFileParser;
import org.patchdesk.intel.feeds.EpssHeader;
import org.patchdesk.intel.feeds.FeedFormatException;

/**
 * EPSS scores in three tables that take turns (see the V5 migration): a new file is loaded into
 * the free table outside any long transaction, then {@link #activate} makes it current and the
 * old current one previous, in the caller's transaction. A file that fails to load leaves the
 * scores as they were.
 */
public final class EpssStore {

    private static final List<String> TABLES = List.of("epss_a", "epss_b", "epss_c");
    private static final int BATCH = 5000;

    private final Jdbi jdbi;

    public EpssStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A file loaded into the free table, ready to become current. {@code scoreDate} is the file's
     * score_date, else the date in a FIRST file name such as epss_scores-2021-04-14.csv.gz, else null.
     */
    public record Staged(String table, EpssHeader header, int rows, String fileName, String sha256, String scoreDate) {
    }

    private static final Pattern NAME_DATE = Pattern.compile(".*?(\\d{4}-\\d{2}-\\d{2}).*");

    static String dateOf(EpssHeader header, String fileName) {
        if (header != null && header.scoreDate() != null) {
            return header.scoreDate();
        }
        Matcher matcher = NAME_DATE.matcher(fileName);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The names of the current and previous tables. */
    public record Tables(String current, String previous, Long currentImportId, Long previousImportId) {
    }

    public static Tables tables(Handle handle) {
        return handle.createQuery("SELECT current_table, previous_table, current_import_id, previous_import_id FROM epss_state WHERE id = 1")
                .map((rs, ctx) -> new Tables(rs.getString(1), rs.getString(2), (Long) rs.getObject(3), (Long) rs.getObject(4)))
                .one();
    }

    /**
     * Parses an EPSS file into the free table. Nothing the rest of PatchDesk reads changes.
     *
     * @throws FeedFormatException when the file is not a valid EPSS file; the free table is left for the next load to clear
     */
    public Staged stage(Path file, String sha256, ProgressMonitor monitor) throws FeedFormatException, IOException {
        String table = jdbi.withHandle(handle -> {
            Tables tables = tables(handle);
            String free = TABLES.stream().filter(name -> !name.equals(tables.current()) && !name.equals(tables.previous()))
                    .findFirst().orElseThrow();
            // TRUNCATE commits, which is harmless here: no other change is pending on this handle.
            handle.execute("TRUNCATE TABLE " + free);
            return free;
        });
        int[] count = {0};
        EpssHeader header;
        try (Handle handle = jdbi.open()) {
            Connection connection = handle.getConnection();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (cve_id, epss, percentile) VALUES (?, ?, ?)")) {
                header = new EpssFileParser().parse(file, (cveId, epss, percentile) -> {
                    try {
                        insert.setString(1, cveId);
                        insert.setDouble(2, epss);
                        if (percentile == null) {
                            insert.setNull(3, Types.DOUBLE);
                        } else {
                            insert.setDouble(3, percentile);
                        }
                        insert.addBatch();
                        if (++count[0] % BATCH == 0) {
                            insert.executeBatch();
                            connection.commit();
                            monitor.checkCancelled();
                            monitor.progress(-1, 0, String.format(Locale.US, "Read %,d EPSS scores", count[0]));
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("Storing EPSS scores failed: " + e.getMessage(), e);
                    }
                });
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                throw new IOException("Storing EPSS scores failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("Storing EPSS scores failed: " + e.getMessage(), e);
        }
        String fileName = file.getFileName().toString();
        return new Staged(table, header, count[0], fileName, sha256, dateOf(header, fileName));
    }

    /** Makes a staged file the current scores and the current ones the previous, and records the import. */
    public FeedImport activate(Handle handle, Staged staged, Actor actor, Instant now) {
        Tables tables = tables(handle);
        int added = handle.createQuery("SELECT COUNT(*) FROM " + staged.table() + " s WHERE NOT EXISTS (SELECT 1 FROM " + tables.current()
                + " c WHERE c.cve_id = s.cve_id)").mapTo(Integer.class).one();
        FeedImportDao imports = handle.attach(FeedImportDao.class);
        Optional<EpssHeader> header = Optional.ofNullable(staged.header());
        long importId = imports.insert(FeedKind.EPSS.word(), staged.fileName(), staged.sha256(),
                header.map(EpssHeader::modelVersion).orElse(null), staged.scoreDate(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor.name(), staged.rows(), added, staged.rows() - added, 0, null);
        handle.createUpdate("UPDATE epss_state SET current_table = :current, previous_table = :previous, current_import_id = :importId,"
                        + " previous_import_id = :previousImportId WHERE id = 1")
                .bind("current", staged.table())
                .bind("previous", tables.current())
                .bind("importId", importId)
                .bind("previousImportId", tables.currentImportId())
                .execute();
        return imports.findById(importId).orElseThrow();
    }
}
