package org.patchdesk.intel;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Statement.class)
public interface StatementDao {

    @SqlBatch("INSERT INTO affected_statement (source_kind, source_ref, cve_id, vendor, product, vendor_key, product_key,"
            + " version_kind, version_text, less_than, less_or_equal, status) VALUES (:sourceKind, :sourceRef, :cveId, :vendor,"
            + " :product, :vendorKey, :productKey, :versionKind, :versionText, :lessThan, :lessOrEqual, :status)")
    void insertAll(@BindMethods List<Statement> statements);

    @SqlUpdate("DELETE FROM affected_statement WHERE source_kind = :kind AND source_ref = :ref")
    int deleteBySource(@Bind("kind") String sourceKind, @Bind("ref") String sourceRef);

    @SqlUpdate("DELETE FROM affected_statement WHERE source_kind = :kind")
    int deleteByKind(@Bind("kind") String sourceKind);

    @SqlQuery("SELECT * FROM affected_statement")
    List<Statement> listAll();

    @SqlQuery("SELECT DISTINCT cve_id FROM affected_statement WHERE source_kind = :kind AND source_ref = :ref")
    List<String> cvesOfSource(@Bind("kind") String sourceKind, @Bind("ref") String sourceRef);

    @SqlQuery("SELECT * FROM affected_statement WHERE cve_id IN (<cves>)")
    List<Statement> listForCves(@BindList("cves") List<String> cveIds);

    @SqlQuery("SELECT * FROM affected_statement WHERE cve_id = :cve ORDER BY source_kind, source_ref, id")
    List<Statement> listForCve(@Bind("cve") String cveId);
}
