package org.patchdesk.inventory.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.BeforeImport;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.common.Sha256;
import org.patchdesk.inventory.DeviceDao;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.FdaProductClassification;
import org.patchdesk.inventory.InventoryChangeListener;
import org.patchdesk.tabular.TabularFile;
import org.patchdesk.tabular.TabularFileException;
import org.patchdesk.tabular.TabularFiles;
import org.patchdesk.tabular.XlsxTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports device inventories from CMMS exports and vendor spreadsheets. An import runs in one
 * transaction: it commits whole or changes nothing. Rows are matched to devices by asset tag; a
 * cell that is empty in the file never erases a stored value. Each import is recorded as a batch
 * that can be undone.
 */
public final class InventoryImportService {

    private static final Logger log = LoggerFactory.getLogger(InventoryImportService.class);

    /** How many rows a preview holds: enough to find the header below title rows and to show sample data. */
    public static final int PREVIEW_ROWS = 60;

    static final String BATCH_RECORD_TYPE = "import_batch";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final FdaProductClassification fda;
    private final Clock clock;
    private final InventoryChangeListener listener;
    private final BeforeImport beforeImport;
    private final ObjectMapper json = new ObjectMapper();

    public InventoryImportService(Jdbi jdbi, AuditLog auditLog, FdaProductClassification fda, Clock clock,
                                  InventoryChangeListener listener) {
        this(jdbi, auditLog, fda, clock, listener, BeforeImport.NONE);
    }

    /** Creates the service with work, such as a backup, that runs before each import changes the database. */
    public InventoryImportService(Jdbi jdbi, AuditLog auditLog, FdaProductClassification fda, Clock clock,
                                  InventoryChangeListener listener, BeforeImport beforeImport) {
        this.jdbi = jdbi;
        this.beforeImport = beforeImport;
        this.listener = listener;
        this.auditLog = auditLog;
        this.fda = fda;
        this.clock = clock;
    }

    /** Returns the sheets of a file, in workbook order. */
    public List<String> sheets(Path file) throws TabularFileException {
        try (TabularFile tabular = TabularFiles.open(file)) {
            return tabular.sheetNames();
        }
    }

    /**
     * Returns the sheet that most likely contains the devices: the first whose first rows contain a
     * header naming two or more device fields, else the first sheet. Workbooks often open with a
     * notes or cover sheet.
     */
    public String suggestSheet(Path file) throws TabularFileException {
        try (TabularFile tabular = TabularFiles.open(file)) {
            List<String> sheets = tabular.sheetNames();
            for (String sheet : sheets) {
                List<SheetRow> rows = new ArrayList<>();
                tabular.readRows(sheet, (number, cells) -> {
                    rows.add(new SheetRow(number, cells));
                    return rows.size() < HeaderDetection.ROWS_SEARCHED;
                }, ProgressMonitor.NONE);
                if (HeaderDetection.bestScore(rows) >= 2) {
                    return sheet;
                }
            }
            return sheets.isEmpty() ? null : sheets.get(0);
        }
    }

    /**
     * Reads the first rows of a sheet (the first sheet when {@code sheet} is null) and finds its
     * header row.
     */
    public SheetPreview preview(Path file, String sheet) throws TabularFileException {
        try (TabularFile tabular = TabularFiles.open(file)) {
            List<String> sheets = tabular.sheetNames();
            if (sheets.isEmpty()) {
                throw new TabularFileException(file.getFileName() + " contains no sheets");
            }
            String chosen = sheet == null ? sheets.get(0) : sheet;
            if (!sheets.contains(chosen)) {
                throw new TabularFileException(file.getFileName() + " has no sheet named '" + chosen + "'; its sheets are "
                        + String.join(", ", sheets));
            }
            List<SheetRow> rows = new ArrayList<>();
            tabular.readRows(chosen, (number, cells) -> {
                rows.add(new SheetRow(number, cells));
                return rows.size() < PREVIEW_ROWS;
            }, ProgressMonitor.NONE);
            if (rows.isEmpty()) {
                throw new TabularFileException("The sheet '" + chosen + "' of " + file.getFileName() + " is empty");
            }
            return new SheetPreview(file.getFileName().toString(), sheets, chosen, rows, HeaderDetection.detect(rows),
                    tabular.readingNotes());
        }
    }

    /** Returns the mapping confirmed for an earlier file with the same headers, if any. */
    public Optional<ColumnMapping> rememberedMapping(List<String> headers) {
        Optional<String> stored = jdbi.withExtension(ColumnMappingDao.class, dao -> dao.findMapping(ColumnMapping.headerKey(headers)));
        return stored.map(text -> new ColumnMapping(headers, readFields(text, headers.size())));
    }

    /** Returns the remembered mapping for these headers, or else the one the header synonyms give. */
    public ColumnMapping suggestMapping(List<String> headers) {
        return rememberedMapping(headers).orElseGet(() -> ColumnMapping.fromSynonyms(headers));
    }

    /** Returns the earlier imports of a file with the same content that were not undone. */
    public List<ImportBatch> earlierImportsOf(Path file) throws IOException {
        String sha256 = Sha256.ofFile(file);
        return jdbi.withExtension(ImportBatchDao.class, dao -> dao.findBySha256(sha256));
    }

    public List<ImportBatch> history() {
        return jdbi.withExtension(ImportBatchDao.class, ImportBatchDao::listAll);
    }

    public Optional<ImportBatch> findBatch(long id) {
        return jdbi.withExtension(ImportBatchDao.class, dao -> dao.findById(id));
    }

    /** Returns the headers of the file a batch imported. */
    public List<String> batchHeaders(long batchId) {
        return jdbi.withExtension(ImportBatchDao.class, dao -> dao.findHeaders(batchId))
                .map(text -> readList(text, new TypeReference<List<String>>() { }))
                .orElse(List.of());
    }

    /** Returns the rows a batch rejected, with their cells and problems, in file order. */
    public List<RejectedRow> rejections(long batchId) {
        List<ImportBatchDao.StoredRejection> rows = jdbi.withExtension(ImportBatchDao.class, dao -> dao.listRejections(batchId));
        Map<Integer, List<RowProblem>> problems = new LinkedHashMap<>();
        Map<Integer, List<String>> cells = new HashMap<>();
        for (ImportBatchDao.StoredRejection row : rows) {
            problems.computeIfAbsent(row.rowNumber(), key -> new ArrayList<>())
                    .add(new RowProblem(row.rowNumber(), row.columnName(), row.cellValue(), row.reason()));
            cells.computeIfAbsent(row.rowNumber(), key -> readList(row.rowValues(), new TypeReference<List<String>>() { }));
        }
        List<RejectedRow> result = new ArrayList<>();
        problems.forEach((number, list) -> result.add(new RejectedRow(number, cells.get(number), list)));
        return result;
    }

    /**
     * Checks the data rows of a preview as an import with {@code mapping} would. For each row, the
     * result states whether it adds a device, updates one, is skipped or is rejected.
     */
    public List<RowCheck> checkRows(SheetPreview preview, ColumnMapping mapping) {
        RowConverter converter = new RowConverter(mapping);
        List<RowConverter.Outcome> outcomes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (SheetRow row : preview.dataRows()) {
            RowConverter.Outcome outcome = converter.convert(row);
            outcomes.add(outcome);
            if (outcome instanceof RowConverter.Accepted accepted) {
                keys.add(DeviceValues.assetTagKey(accepted.values().assetTag()));
            }
        }
        Set<String> known = new HashSet<>();
        if (!keys.isEmpty()) {
            jdbi.useExtension(DeviceDao.class, dao -> dao.findByAssetTagKeys(keys)
                    .forEach(device -> known.add(DeviceValues.assetTagKey(device.assetTag()))));
        }
        List<RowCheck> checks = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            SheetRow row = preview.dataRows().get(i);
            RowConverter.Outcome outcome = outcomes.get(i);
            if (outcome instanceof RowConverter.Accepted accepted) {
                String tag = accepted.values().assetTag();
                boolean update = known.contains(DeviceValues.assetTagKey(tag));
                checks.add(new RowCheck(row, update ? RowCheck.Kind.UPDATE : RowCheck.Kind.NEW,
                        update ? "Updates " + tag : "New device", ""));
            } else if (outcome instanceof RowConverter.Rejected rejected) {
                String problems = String.join("; ", rejected.row().problems().stream().map(RowProblem::describeInRow).toList());
                checks.add(new RowCheck(row, RowCheck.Kind.REJECTED, "Rejected", problems));
            } else {
                String why = outcome == RowConverter.Skipped.TOTALS ? "Skipped: totals row" : "Skipped: blank row";
                checks.add(new RowCheck(row, RowCheck.Kind.SKIPPED, why, ""));
            }
        }
        return checks;
    }

    /** Writes rejected rows to an .xlsx workbook: the row number, the original cells under their headers, and the problems. */
    public void saveRejectedRows(List<String> headers, List<RejectedRow> rejected, Path target) throws IOException {
        try (XlsxTableWriter writer = new XlsxTableWriter(target)) {
            List<String> columns = new ArrayList<>();
            columns.add("Row");
            columns.addAll(headers);
            columns.add("Problems");
            writer.startSheet("Rejected rows", columns);
            for (RejectedRow row : rejected) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.rowNumber());
                for (int i = 0; i < headers.size(); i++) {
                    String cell = i < row.cells().size() ? row.cells().get(i) : "";
                    cells.add(cell.isEmpty() ? null : cell);
                }
                cells.add(row.reasons());
                writer.addRow(cells);
            }
            writer.finish();
        }
    }

    /**
     * Imports the file with the sheet, header row and mapping of the request. The file is only
     * read, never written.
     *
     * @throws ImportException when no column is mapped to the asset tag, or no row can be imported
     * @throws TabularFileException when the file cannot be read
     * @throws org.patchdesk.common.OperationCancelledException when the monitor is cancelled; nothing was changed
     */
    public ImportResult importFile(ImportRequest request, Actor actor, ProgressMonitor monitor)
            throws ImportException, TabularFileException {
        if (!request.mapping().isMapped(DeviceField.ASSET_TAG)) {
            throw new ImportException("No column of " + request.file().getFileName()
                    + " is mapped to Asset Tag; map the column that holds the asset tag");
        }
        String sha256 = sha256(request.file());
        beforeImport.run("inventory import of " + request.file().getFileName());
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(handle -> importInTransaction(handle, request, sha256, actor, now, monitor));
        } catch (CheckedFailure failure) {
            if (failure.getCause() instanceof ImportException importFailure) {
                throw importFailure;
            }
            throw (TabularFileException) failure.getCause();
        }
    }

    /** Carries a checked exception out of the transaction callback, which rolls back on it. */
    private static final class CheckedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckedFailure(Exception cause) {
            super(cause);
        }
    }

    /**
     * Reads the file and writes its rows a chunk at a time as they are read, so that memory keeps
     * a few chunks of rows however long the file is. Everything happens in the caller's transaction.
     */
    private ImportResult importInTransaction(Handle handle, ImportRequest request, String sha256, Actor actor, Instant now,
                                             ProgressMonitor monitor) {
        long batchId = insertBatch(handle, request, sha256, actor, now);
        ImportApplier applier = new ImportApplier(handle, auditLog, fda, clock, actor, now, batchId);
        RowPipeline pipeline = new RowPipeline(request, monitor);
        try {
            pipeline.run(chunk -> {
                monitor.checkCancelled();
                applier.apply(chunk);
            });
        } catch (TabularFileException e) {
            throw new CheckedFailure(e);
        }
        List<RejectedRow> rejected = pipeline.rejected();
        if (pipeline.accepted() == 0) {
            throw new CheckedFailure(new ImportException("No row of " + request.file().getFileName() + " could be imported ("
                    + rejected.size() + " rejected)", rejected));
        }
        monitor.checkCancelled();
        monitor.progress(-1, 0, "Saving the import record");
        insertRejections(handle, batchId, rejected);
        ImportBatchDao dao = handle.attach(ImportBatchDao.class);
        int rowsRead = pipeline.accepted() + rejected.size() + pipeline.skipped();
        dao.updateCounts(batchId, rowsRead, applier.added(), applier.updated(), applier.unchanged(), rejected.size(), pipeline.skipped());
        ImportBatch saved = dao.findById(batchId).orElseThrow();
        Map<String, String> auditValues = batchValues(saved);
        if (!applier.conflicts().isEmpty()) {
            auditValues.put("version_conflicts", Integer.toString(applier.conflicts().size()));
        }
        auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.IMPORT, BATCH_RECORD_TYPE, batchId,
                saved.fileName(), batchId, Map.of(), auditValues, "Inventory import: " + saved.countsText()));
        VersionConflictService.insert(handle, batchId, applier.conflicts());
        saveMapping(handle, request.mapping(), actor, now);
        monitor.checkCancelled();
        if (saved.added() + saved.updated() > 0) {
            listener.devicesChanged(handle, List.of(), monitor);
            monitor.checkCancelled();
        }
        log.info("Imported {} (sheet {}): {}, {} skipped, {} software versions kept from the patch log", request.file(),
                request.sheet(), saved.countsText(), saved.skipped(), applier.conflicts().size());
        return new ImportResult(saved, rejected, pipeline.readingNotes(), VersionConflictService.ofBatch(handle, batchId));
    }

    private long insertBatch(Handle handle, ImportRequest request, String sha256, Actor actor, Instant now) {
        Map<String, Object> row = new HashMap<>();
        row.put("kind", ImportBatch.KIND_INVENTORY);
        row.put("file_name", request.file().getFileName().toString());
        row.put("file_path", request.file().toAbsolutePath().toString());
        row.put("file_sha256", sha256);
        row.put("sheet_name", request.sheet());
        row.put("header_row", request.headerRowNumber());
        row.put("column_headers", writeJson(request.mapping().headers()));
        row.put("column_mapping", writeJson(fieldNames(request.mapping())));
        row.put("imported_at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        row.put("imported_by", actor.name());
        return handle.attach(ImportBatchDao.class).insert(row);
    }

    private void insertRejections(Handle handle, long batchId, List<RejectedRow> rejected) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RejectedRow row : rejected) {
            String cells = writeJson(row.cells());
            for (RowProblem problem : row.problems()) {
                Map<String, Object> values = new HashMap<>();
                values.put("batch_id", batchId);
                values.put("row_number", problem.rowNumber());
                values.put("column_name", problem.column());
                values.put("cell_value", truncate(problem.value(), 2000));
                values.put("reason", truncate(problem.reason(), 1000));
                values.put("row_values", cells);
                rows.add(values);
            }
        }
        if (!rows.isEmpty()) {
            handle.attach(ImportBatchDao.class).insertRejections(rows);
        }
    }

    private void saveMapping(Handle handle, ColumnMapping mapping, Actor actor, Instant now) {
        handle.attach(ColumnMappingDao.class).save(mapping.headerKey(), writeJson(mapping.headers()), writeJson(fieldNames(mapping)),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), actor.name());
    }

    /**
     * Undoes an import: devices it added are deleted and devices it updated get their earlier
     * values back. Devices that changed after the import are listed and left as they are.
     *
     * @throws IllegalStateException when the import was already undone
     */
    public UndoResult undo(long batchId, Actor actor) {
        return jdbi.inTransaction(handle -> {
            UndoResult result = new ImportUndo(handle, auditLog, fda, actor, clock.instant()).undo(batchId);
            listener.devicesChanged(handle, List.of(), ProgressMonitor.NONE);
            return result;
        });
    }

    static Map<String, String> batchValues(ImportBatch batch) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("file_name", batch.fileName());
        values.put("file_sha256", batch.fileSha256());
        if (batch.sheetName() != null) {
            values.put("sheet_name", batch.sheetName());
        }
        values.put("added", Integer.toString(batch.added()));
        values.put("updated", Integer.toString(batch.updated()));
        values.put("unchanged", Integer.toString(batch.unchanged()));
        values.put("rejected", Integer.toString(batch.rejected()));
        return values;
    }

    private static List<String> fieldNames(ColumnMapping mapping) {
        List<String> names = new ArrayList<>();
        for (DeviceField field : mapping.fields()) {
            names.add(field == null ? null : field.name());
        }
        return names;
    }

    private List<DeviceField> readFields(String text, int columns) {
        List<String> names = readList(text, new TypeReference<List<String>>() { });
        List<DeviceField> fields = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            String name = i < names.size() ? names.get(i) : null;
            fields.add(name == null ? null : DeviceField.byName(name).orElse(null));
        }
        return fields;
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always converts to JSON", e);
        }
    }

    private <T> T readList(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "[]" : text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored import data is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(Path file) throws TabularFileException {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new TabularFileException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
