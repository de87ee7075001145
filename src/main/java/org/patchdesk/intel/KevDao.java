package org.patchdesk.intel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface KevDao {

    /** One KEV catalog entry as stored. */
    record KevRow(String cveId, String vendorProject, String product, String vulnerabilityName, LocalDate dateAdded,
                  String shortDescription, String requiredAction, LocalDate dueDate, boolean knownRansomware, String notes,
                  String cwes, long importId) {
    }

    @SqlQuery("SELECT cve_id FROM kev_entry")
    List<String> allCveIds();

    @SqlUpdate("DELETE FROM kev_entry")
    int deleteAll();

    @SqlBatch("INSERT INTO kev_entry (cve_id, vendor_project, product, vulnerability_name, date_added, short_description,"
            + " required_action, due_date, known_ransomware, notes, cwes, import_id) VALUES (:cveId, :vendorProject, :product,"
            + " :vulnerabilityName, :dateAdded, :shortDescription, :requiredAction, :dueDate, :knownRansomware, :notes, :cwes,"
            + " :importId)")
    void insertAll(@BindMethods List<KevRow> rows);

    @SqlQuery("SELECT * FROM kev_entry WHERE cve_id = :cve")
    @RegisterConstructorMapper(KevRow.class)
    Optional<KevRow> find(@Bind("cve") String cveId);

    @SqlQuery("SELECT * FROM kev_entry")
    @RegisterConstructorMapper(KevRow.class)
    List<KevRow> listAll();

    @SqlQuery("SELECT COUNT(*) FROM kev_entry")
    int count();
}
