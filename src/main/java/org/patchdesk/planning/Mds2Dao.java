package org.patchdesk.planning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stores MDS2 forms, their answers and their suggestions. */
@RegisterConstructorMapper(Mds2Dao.FormRow.class)
@RegisterConstructorMapper(Mds2Dao.SuggestionRow.class)
public interface Mds2Dao {

    /** A stored form with the product it describes. */
    record FormRow(long id, long productId, String versionText, String fileName, String fileSha256, String sheetName,
                   String formManufacturer, String formModel, String documentId, String releaseDate, int questions, String importedBy,
                   OffsetDateTime importedAt) {
    }

    /** An answer row to insert. */
    record AnswerRow(long formId, int position, int rowNumber, String sectionCode, String sectionTitle, String questionId,
                     String question, String answer, String kind, String noteRef, String note) {
    }

    /** A stored suggestion and its decision. */
    record SuggestionRow(long id, long formId, String topic, String suggested, String questionIds, String reason, String decision,
                         String decidedBy, OffsetDateTime decidedAt) {
    }

    @SqlUpdate("INSERT INTO mds2_form (product_id, version_text, file_name, file_sha256, sheet_name, form_manufacturer, form_model,"
            + " document_id, release_date, questions, imported_by, imported_at) VALUES (:productId, :versionText, :fileName, :sha256,"
            + " :sheet, :manufacturer, :model, :documentId, :releaseDate, :questions, :by, :at)")
    @GetGeneratedKeys("id")
    long insertForm(@Bind("productId") long productId, @Bind("versionText") String versionText, @Bind("fileName") String fileName,
                    @Bind("sha256") String sha256, @Bind("sheet") String sheet, @Bind("manufacturer") String manufacturer,
                    @Bind("model") String model, @Bind("documentId") String documentId, @Bind("releaseDate") String releaseDate,
                    @Bind("questions") int questions, @Bind("by") String by, @Bind("at") OffsetDateTime at);

    @SqlBatch("INSERT INTO mds2_answer (form_id, position, row_number, section_code, section_title, question_id, question, answer,"
            + " kind, note_ref, note) VALUES (:formId, :position, :rowNumber, :sectionCode, :sectionTitle, :questionId, :question,"
            + " :answer, :kind, :noteRef, :note)")
    void insertAnswers(@BindMethods List<AnswerRow> rows);

    @SqlUpdate("INSERT INTO mds2_suggestion (form_id, topic, suggested, question_ids, reason, decision) VALUES (:formId, :topic,"
            + " :suggested, :questionIds, :reason, 'proposed')")
    @GetGeneratedKeys("id")
    long insertSuggestion(@Bind("formId") long formId, @Bind("topic") String topic, @Bind("suggested") String suggested,
                          @Bind("questionIds") String questionIds, @Bind("reason") String reason);

    @SqlQuery("SELECT * FROM mds2_form WHERE product_id = :productId ORDER BY imported_at DESC, id DESC")
    List<FormRow> formsOf(@Bind("productId") long productId);

    @SqlQuery("SELECT * FROM mds2_suggestion WHERE form_id = :formId ORDER BY id")
    List<SuggestionRow> suggestionsOf(@Bind("formId") long formId);

    @SqlQuery("SELECT * FROM mds2_suggestion WHERE id = :id")
    Optional<SuggestionRow> suggestion(@Bind("id") long id);

    @SqlQuery("SELECT * FROM mds2_form WHERE id = :id")
    Optional<FormRow> form(@Bind("id") long id);

    @SqlUpdate("UPDATE mds2_suggestion SET decision = :decision, decided_by = :by, decided_at = :at WHERE id = :id")
    void decide(@Bind("id") long id, @Bind("decision") String decision, @Bind("by") String by, @Bind("at") OffsetDateTime at);

    @SqlQuery("SELECT COUNT(*) FROM mds2_answer WHERE form_id = :formId")
    int answerCount(@Bind("formId") long formId);

    /** A stored form with its product's name and the number of its suggestions still waiting for a decision. */
    record FormSummary(long id, long productId, String manufacturer, String model, String versionText, String fileName,
                       String documentId, int questions, String importedBy, OffsetDateTime importedAt, int proposed) {

        public String product() {
            return manufacturer + " " + model;
        }
    }

    String SUMMARY_SELECT = "SELECT f.id, f.product_id, m.name AS manufacturer, p.model, f.version_text, f.file_name, f.document_id,"
            + " f.questions, f.imported_by, f.imported_at, (SELECT COUNT(*) FROM mds2_suggestion s WHERE s.form_id = f.id"
            + " AND s.decision = 'proposed') AS proposed FROM mds2_form f JOIN product p ON p.id = f.product_id"
            + " JOIN manufacturer m ON m.id = p.manufacturer_id";

    @SqlQuery(SUMMARY_SELECT + " ORDER BY LOWER(m.name), LOWER(p.model), f.imported_at DESC, f.id DESC")
    @RegisterConstructorMapper(FormSummary.class)
    List<FormSummary> formSummaries();

    @SqlQuery(SUMMARY_SELECT + " WHERE f.id = :id")
    @RegisterConstructorMapper(FormSummary.class)
    Optional<FormSummary> formSummary(@Bind("id") long id);

    /** A stored answer in form order. */
    record AnswerView(String sectionCode, String sectionTitle, int rowNumber, String questionId, String question, String answer,
                      String kind, String noteRef, String note) {
    }

    @SqlQuery("SELECT section_code, section_title, row_number, question_id, question, answer, kind, note_ref, note FROM mds2_answer"
            + " WHERE form_id = :formId ORDER BY position")
    @RegisterConstructorMapper(AnswerView.class)
    List<AnswerView> answersOf(@Bind("formId") long formId);
}
