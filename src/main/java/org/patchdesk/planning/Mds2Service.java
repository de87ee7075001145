package org.patchdesk.planning;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.Sha256;
import org.patchdesk.inventory.ManufacturerDao;
import org.patchdesk.inventory.ManufacturerNames;
import org.patchdesk.inventory.ModelNames;
import org.patchdesk.inventory.ProductDao;
import org.patchdesk.planning.mds2.Mds2Answer;
import org.patchdesk.planning.mds2.Mds2Form;
import org.patchdesk.planning.mds2.Mds2FormatException;
import org.patchdesk.planning.mds2.Mds2Reader;
import org.patchdesk.planning.mds2.Mds2Section;
import org.patchdesk.planning.mds2.Mds2Suggestion;
import org.patchdesk.planning.mds2.Mds2Suggestions;

/**
 * Imports MDS2 forms for inventory products: the form with every answer, and its suggestions,
 * which wait for a user's decision.
 */
public final class Mds2Service {

    public static final String RECORD_TYPE = "mds2_form";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PatchabilityService patchability;
    private final Clock clock;

    public Mds2Service(Jdbi jdbi, AuditLog auditLog, PatchabilityService patchability, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.patchability = patchability;
        this.clock = clock;
    }

    /** The result of an import: the stored form, what was read, and the suggestions it produced. */
    public record ImportResult(long formId, String product, Mds2Form form, List<Mds2Suggestion> suggestions) {

        /** Describes the result in a few lines for the command line and the GUI. */
        public String describe() {
            StringBuilder text = new StringBuilder("Imported the MDS2 form ")
                    .append(form.documentId().map(id -> id + " ").orElse(""))
                    .append("from ").append(form.fileName()).append(" for ").append(product).append(": ")
                    .append(form.questionCount()).append(" questions in ").append(form.sections().size()).append(" sections, ")
                    .append(form.notes().size()).append(form.notes().size() == 1 ? " note." : " notes.");
            if (suggestions.isEmpty()) {
                text.append("\nThe answers suggest nothing to apply.");
            } else {
                text.append("\nSuggestions, applied only once accepted:");
                for (Mds2Suggestion suggestion : suggestions) {
                    text.append("\n  ").append(suggestion.topic().label()).append(": ").append(suggestion.value()).append(" (")
                            .append(String.join(", ", suggestion.questionIds())).append("): ").append(suggestion.reason());
                }
            }
            return text.toString();
        }
    }

    /**
     * Reads the form and stores it for the inventory product with this manufacturer and model,
     * optionally for some software versions only.
     *
     * @throws Mds2FormatException      when the file contains no MDS2 form; nothing is stored
     * @throws IllegalArgumentException when no inventory product has this manufacturer and model
     */
    public ImportResult importForm(Path file, String manufacturer, String model, String versions, Actor actor)
            throws Mds2FormatException {
        Mds2Form form = new Mds2Reader().read(file);
        String sha256;
        try {
            sha256 = Sha256.ofFile(file);
        } catch (java.io.IOException e) {
            throw new Mds2FormatException(file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
        List<Mds2Suggestion> suggestions = Mds2Suggestions.derive(form);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            long productId = productId(handle, manufacturer, model).orElseThrow(() -> new IllegalArgumentException(
                    "No inventory product is " + manufacturer.strip() + " " + model.strip()
                            + "; give the manufacturer and model as the device list shows them"));
            String product = PatchabilityService.productLabel(handle, productId);
            Mds2Dao dao = handle.attach(Mds2Dao.class);
            String versionText = versions == null || versions.isBlank() ? null : versions.strip();
            long formId = dao.insertForm(productId, versionText, file.getFileName().toString(), sha256, form.sheet(),
                    form.manufacturer().orElse(null), form.model().orElse(null), form.documentId().orElse(null),
                    form.releaseDate().orElse(null), form.questionCount(), actor.name(), now);
            List<Mds2Dao.AnswerRow> rows = new ArrayList<>();
            int position = 0;
            for (Mds2Section section : form.sections()) {
                for (Mds2Answer answer : section.answers()) {
                    rows.add(new Mds2Dao.AnswerRow(formId, position++, answer.rowNumber(), section.code(), section.title(), answer.id(),
                            answer.question(), answer.answer(), answer.kind().name().toLowerCase(java.util.Locale.ROOT),
                            answer.noteRef(), answer.note()));
                }
            }
            dao.insertAnswers(rows);
            for (Mds2Suggestion suggestion : suggestions) {
                dao.insertSuggestion(formId, suggestion.topic().name(), suggestion.value(), String.join(", ", suggestion.questionIds()),
                        suggestion.reason());
            }
            ImportResult result = new ImportResult(formId, product, form, suggestions);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.IMPORT, RECORD_TYPE, formId,
                    product + " " + file.getFileName(), null, Map.of(), Map.of("file", file.getFileName().toString(), "sha256", sha256,
                    "questions", Integer.toString(form.questionCount())), result.describe()));
            return result;
        });
    }

    /**
     * Accepts or rejects a patchability suggestion. Accepting it sets the product's patchability,
     * for the versions the form covers, with the suggestion's reason and question IDs.
     *
     * @throws IllegalArgumentException when no patchability suggestion has the id, or it was already decided
     */
    public void decidePatchability(long suggestionId, boolean accept, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbi.useTransaction(handle -> {
            Mds2Dao dao = handle.attach(Mds2Dao.class);
            Mds2Dao.SuggestionRow suggestion = dao.suggestion(suggestionId)
                    .filter(row -> row.topic().equals(Mds2Suggestion.Topic.PATCHABILITY.name()))
                    .orElseThrow(() -> new IllegalArgumentException("No patchability suggestion has the id " + suggestionId));
            if (!suggestion.decision().equals("proposed")) {
                throw new IllegalArgumentException("The suggestion " + suggestionId + " was already " + suggestion.decision() + " by "
                        + suggestion.decidedBy());
            }
            Mds2Dao.FormRow form = dao.form(suggestion.formId()).orElseThrow();
            if (accept) {
                patchability.setForProduct(handle, form.productId(), form.versionText(), Patchability.fromWord(suggestion.suggested()),
                        suggestion.reason() + " (MDS2 " + Optional.ofNullable(form.documentId()).orElse(form.fileName()) + ": "
                                + suggestion.questionIds() + ")", PatchabilityService.Source.MDS2, "mds2 form " + form.id(), actor);
            }
            dao.decide(suggestionId, accept ? "accepted" : "rejected", actor.name(), now);
        });
    }

    /** Returns the forms stored for a product, newest first. */
    public List<Mds2Dao.FormRow> formsOf(long productId) {
        return jdbi.withHandle(handle -> handle.attach(Mds2Dao.class).formsOf(productId));
    }

    public List<Mds2Dao.SuggestionRow> suggestionsOf(long formId) {
        return jdbi.withHandle(handle -> handle.attach(Mds2Dao.class).suggestionsOf(formId));
    }

    private static Optional<Long> productId(Handle handle, String manufacturer, String model) {
        if (manufacturer == null || manufacturer.isBlank() || model == null || model.isBlank()) {
            return Optional.empty();
        }
        // Every manufacturer's own name is one of its aliases, so the alias list finds it by either.
        return handle.attach(ManufacturerDao.class).findIdByAliasKey(ManufacturerNames.key(manufacturer))
                .flatMap(manufacturerId -> handle.attach(ProductDao.class).findId(manufacturerId, ModelNames.key(model)));
    }
}
