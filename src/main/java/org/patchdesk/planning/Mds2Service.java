package org.patchdesk.planning;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.BeforeImport;
import org.patchdesk.common.Sha256;
import org.patchdesk.inventory.Device;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceService;
import org.patchdesk.inventory.ManufacturerDao;
import org.patchdesk.inventory.ManufacturerNames;
import org.patchdesk.inventory.ModelNames;
import org.patchdesk.inventory.ProductDao;
import org.patchdesk.inventory.YesNoUnknown;
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
    public static final String SUGGESTION_RECORD = "mds2_suggestion";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final PatchabilityService patchability;
    private final ProductFactService facts;
    private final DeviceService devices;
    private final Clock clock;
    private final BeforeImport beforeImport;

    public Mds2Service(Jdbi jdbi, AuditLog auditLog, PatchabilityService patchability, ProductFactService facts, DeviceService devices,
                       Clock clock) {
        this(jdbi, auditLog, patchability, facts, devices, clock, BeforeImport.NONE);
    }

    /** Creates the service with work, such as a backup, that runs before each form import changes the database. */
    public Mds2Service(Jdbi jdbi, AuditLog auditLog, PatchabilityService patchability, ProductFactService facts, DeviceService devices,
                       Clock clock, BeforeImport beforeImport) {
        this.beforeImport = beforeImport;
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.patchability = patchability;
        this.facts = facts;
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * Returns a warning when the form names another manufacturer or model than the product it is
     * stored for, or null when it names the same product or no product at all.
     */
    private static String mismatch(Handle handle, Mds2Form form, long productId, String product) {
        if (form.manufacturer().isEmpty() || form.model().isEmpty()) {
            return null;
        }
        Optional<Long> named = productId(handle, form.manufacturer().get(), form.model().get());
        if (named.isPresent() && named.get() == productId) {
            return null;
        }
        return "Check the form: it names " + form.manufacturer().get().strip() + " " + form.model().get().strip() + ", not " + product
                + ". Accept its suggestions only if it describes this product.";
    }

    /** The result of an import: the stored form, what was read, the suggestions it produced, and a warning when the form names another product. */
    public record ImportResult(long formId, String product, Mds2Form form, List<Mds2Suggestion> suggestions, String mismatch) {

        /** Describes the result in a few lines for the command line and the GUI. */
        public String describe() {
            StringBuilder text = new StringBuilder("Imported the MDS2 form ")
                    .append(form.documentId().map(id -> id + " ").orElse(""))
                    .append("from ").append(form.fileName()).append(" for ").append(product).append(": ")
                    .append(form.questionCount()).append(" questions in ").append(form.sections().size()).append(" sections, ")
                    .append(form.notes().size()).append(form.notes().size() == 1 ? " note." : " notes.");
            if (mismatch != null) {
                text.append("\n").append(mismatch);
            }
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
        beforeImport.run("MDS2 import of " + file.getFileName());
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
                            answer.question(), answer.answer(), answer.kind().name().toLowerCase(Locale.ROOT),
                            answer.noteRef(), answer.note()));
                }
            }
            dao.insertAnswers(rows);
            for (Mds2Suggestion suggestion : suggestions) {
                dao.insertSuggestion(formId, suggestion.topic().name(), suggestion.value(), String.join(", ", suggestion.questionIds()),
                        suggestion.reason());
            }
            ImportResult result = new ImportResult(formId, product, form, suggestions, mismatch(handle, form, productId, product));
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.IMPORT, RECORD_TYPE, formId,
                    product + " " + file.getFileName(), null, Map.of(), Map.of("file", file.getFileName().toString(), "sha256", sha256,
                    "questions", Integer.toString(form.questionCount())), result.describe()));
            return result;
        });
    }

    /** The outcome of a decision on a suggestion, with a message that states what changed. */
    public record Decision(long suggestionId, Mds2Suggestion.Topic topic, boolean accepted, String message) {
    }

    /**
     * Accepts or rejects a patchability suggestion.
     *
     * @throws IllegalArgumentException when no patchability suggestion has the id, or it was already decided
     */
    public Decision decidePatchability(long suggestionId, boolean accept, Actor actor) {
        return decide(suggestionId, accept, actor, Mds2Suggestion.Topic.PATCHABILITY);
    }

    /**
     * Accepts or rejects a suggestion of any topic. Accepting applies it in the same transaction:
     * <ul>
     * <li>patchability sets the product's patchability for the versions the form covers;</li>
     * <li>vendor remote access records the fact on the product, and sets Vendor Remote Access on
     * the product's devices whose value is blank or Unknown, through the device service so that
     * the change is audited and their findings are scored again. Devices with Yes or No keep it;</li>
     * <li>connections outside the site network, SBOM, anti-malware and compensating controls
     * record a fact on the product.</li>
     * </ul>
     * Both decisions are stored on the suggestion and written to the audit trail.
     *
     * @throws IllegalArgumentException when no suggestion has the id, or it was already decided
     */
    public Decision decide(long suggestionId, boolean accept, Actor actor) {
        return decide(suggestionId, accept, actor, null);
    }

    private Decision decide(long suggestionId, boolean accept, Actor actor, Mds2Suggestion.Topic expected) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            Mds2Dao dao = handle.attach(Mds2Dao.class);
            Mds2Dao.SuggestionRow suggestion = dao.suggestion(suggestionId)
                    .filter(row -> expected == null || row.topic().equals(expected.name()))
                    .orElseThrow(() -> new IllegalArgumentException("No " + (expected == null ? "" : "patchability ")
                            + "suggestion has the id " + suggestionId));
            if (!suggestion.decision().equals("proposed")) {
                throw new IllegalArgumentException("The suggestion " + suggestionId + " was already " + suggestion.decision() + " by "
                        + suggestion.decidedBy());
            }
            Mds2Suggestion.Topic topic = Mds2Suggestion.Topic.valueOf(suggestion.topic());
            Mds2Dao.FormRow form = dao.form(suggestion.formId()).orElseThrow();
            String product = PatchabilityService.productLabel(handle, form.productId());
            String message = accept ? apply(handle, form, suggestion, topic, product, actor)
                    : topic.label() + ": " + shorten(suggestion.suggested()) + " rejected for " + product + "; nothing changed.";
            String decision = accept ? "accepted" : "rejected";
            dao.decide(suggestionId, decision, actor.name(), now);
            auditLog.append(handle, new AuditEntry(null, now.toInstant(), actor.name(), AuditAction.UPDATE, SUGGESTION_RECORD,
                    suggestionId, product + ": " + topic.label() + " (" + suggestion.questionIds() + ")", null,
                    Map.of("decision", "proposed"), Map.of("decision", decision), message));
            return new Decision(suggestionId, topic, accept, message);
        });
    }

    private String apply(Handle handle, Mds2Dao.FormRow form, Mds2Dao.SuggestionRow suggestion, Mds2Suggestion.Topic topic,
                         String product, Actor actor) {
        String sourceRef = "MDS2 " + Optional.ofNullable(form.documentId()).orElse(form.fileName())
                + (form.versionText() == null ? "" : " (versions " + form.versionText() + ")");
        String ids = suggestion.questionIds();
        return switch (topic) {
            case PATCHABILITY -> {
                patchability.setForProduct(handle, form.productId(), form.versionText(), Patchability.fromWord(suggestion.suggested()),
                        suggestion.reason() + " (MDS2 " + Optional.ofNullable(form.documentId()).orElse(form.fileName()) + ": " + ids + ")",
                        PatchabilityService.Source.MDS2, "mds2 form " + form.id(), actor);
                yield "Patchability " + suggestion.suggested() + " set for " + product
                        + (form.versionText() == null ? "" : ", software versions " + form.versionText()) + ".";
            }
            case REMOTE_SERVICE -> {
                String value = suggestion.suggested();
                facts.record(handle, form.productId(), ProductFact.Kind.REMOTE_SERVICE, value, suggestion.reason(), ids, form.id(),
                        sourceRef, actor);
                yield topic.label() + ": " + value + " recorded for " + product + " (" + ids + "). "
                        + fillRemoteAccess(handle, form.productId(), "yes".equals(value), actor);
            }
            case EXTERNAL_CONNECTIONS -> {
                String value = suggestion.suggested();
                facts.record(handle, form.productId(), ProductFact.Kind.EXTERNAL_CONNECTIONS, value, suggestion.reason(), ids, form.id(),
                        sourceRef, actor);
                yield topic.label() + ": " + value + " recorded for " + product + " (" + ids + ").";
            }
            case SBOM -> {
                String value = "yes".equals(suggestion.suggested()) ? "available" : "not available";
                facts.record(handle, form.productId(), ProductFact.Kind.SBOM, value, suggestion.reason(), ids, form.id(), sourceRef, actor);
                yield "SBOM: " + value + " recorded for " + product + " (" + ids + ").";
            }
            case ANTI_MALWARE -> {
                String value = "yes".equals(suggestion.suggested()) ? "supported" : "not supported";
                facts.record(handle, form.productId(), ProductFact.Kind.ANTI_MALWARE, value, suggestion.reason(), ids, form.id(),
                        sourceRef, actor);
                yield "Anti-malware: " + value + " recorded for " + product + " (" + ids + ").";
            }
            case COMPENSATING_CONTROLS -> {
                facts.record(handle, form.productId(), ProductFact.Kind.COMPENSATING_CONTROLS, suggestion.suggested(),
                        suggestion.reason(), ids, form.id(), sourceRef, actor);
                yield "Compensating controls from the MDS2 form recorded for " + product + " (" + ids + ").";
            }
        };
    }

    /**
     * Sets Vendor Remote Access on the product's devices whose value is blank or Unknown, and
     * returns a sentence that counts the devices changed and the devices that keep their value.
     */
    private String fillRemoteAccess(Handle handle, long productId, boolean remote, Actor actor) {
        YesNoUnknown value = remote ? YesNoUnknown.YES : YesNoUnknown.NO;
        List<Long> ids = handle.createQuery("SELECT id FROM device WHERE product_id = :product ORDER BY asset_tag_key")
                .bind("product", productId).mapTo(Long.class).list();
        int set = 0;
        int unchanged = 0;
        for (long id : ids) {
            Device device = devices.findById(id).orElseThrow();
            YesNoUnknown current = device.values().get(DeviceField.VENDOR_REMOTE_ACCESS, YesNoUnknown.class);
            if (current == null || current == YesNoUnknown.UNKNOWN) {
                // The device service joins this transaction: Jdbi reuses the handle open on this thread, and a
                // transaction opened inside another runs as part of it.
                devices.update(id, device.values().copy().set(DeviceField.VENDOR_REMOTE_ACCESS, value), actor);
                set++;
            } else {
                unchanged++;
            }
        }
        return "Vendor Remote Access set to " + value.label() + " on " + devices(set) + (unchanged == 0 ? "." : "; "
                + devices(unchanged) + (unchanged == 1 ? " keeps its" : " keep their") + " own value.");
    }

    /** Shortens a suggested value, such as a long controls note, to fit a one-line message. */
    static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119).strip() + "…";
    }

    private static String devices(int count) {
        return count + (count == 1 ? " device" : " devices");
    }

    /** Returns the forms stored for a product, newest first. */
    public List<Mds2Dao.FormRow> formsOf(long productId) {
        return jdbi.withHandle(handle -> handle.attach(Mds2Dao.class).formsOf(productId));
    }

    /** Returns every stored form with its product, by manufacturer and model, newest first within a product. */
    public List<Mds2Dao.FormSummary> forms() {
        return jdbi.withHandle(handle -> handle.attach(Mds2Dao.class).formSummaries());
    }

    /**
     * Returns a stored form's answers by section, in form order.
     *
     * @throws IllegalArgumentException when no form has the id
     */
    public List<Mds2Section> sectionsOf(long formId) {
        return jdbi.withHandle(handle -> {
            Mds2Dao dao = handle.attach(Mds2Dao.class);
            dao.form(formId).orElseThrow(() -> new IllegalArgumentException("No MDS2 form has the id " + formId));
            Map<String, List<Mds2Answer>> answers = new LinkedHashMap<>();
            Map<String, String> codes = new HashMap<>();
            for (Mds2Dao.AnswerView row : dao.answersOf(formId)) {
                // Sections are kept by title, because a form may repeat a code under two titles.
                codes.putIfAbsent(row.sectionTitle(), row.sectionCode());
                answers.computeIfAbsent(row.sectionTitle(), title -> new ArrayList<>()).add(new Mds2Answer(row.rowNumber(),
                        row.questionId(), row.question(), row.answer(), Mds2Answer.Kind.valueOf(row.kind().toUpperCase(Locale.ROOT)),
                        row.noteRef(), row.note()));
            }
            List<Mds2Section> sections = new ArrayList<>();
            answers.forEach((title, list) -> sections.add(new Mds2Section(codes.get(title), title, list)));
            return sections;
        });
    }

    /** Returns a form's suggestions with their decisions, in the order they were derived. */
    public List<Mds2Dao.SuggestionRow> suggestionsOf(long formId) {
        return jdbi.withHandle(handle -> handle.attach(Mds2Dao.class).suggestionsOf(formId));
    }

    /** Returns a stored form with its product's name, by the form's id. */
    public Optional<Mds2Dao.FormSummary> form(long formId) {
        return jdbi.withHandle(handle -> handle.attach(Mds2Dao.class).formSummary(formId));
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
