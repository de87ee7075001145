package org.patchdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.importing.ColumnMapping;
import org.patchdesk.inventory.importing.ImportException;
import org.patchdesk.inventory.importing.ImportRequest;
import org.patchdesk.inventory.importing.ImportResult;
import org.patchdesk.inventory.importing.InventoryImportService;
import org.patchdesk.inventory.importing.RejectedRow;
import org.patchdesk.inventory.importing.RowProblem;
import org.patchdesk.inventory.importing.SheetPreview;
import org.patchdesk.tabular.TabularFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = {"Imports devices from a CMMS export or vendor spreadsheet (.xlsx, .xls, .csv, .txt).",
                "Columns are mapped by their headers as in the import wizard, using the mapping remembered for files with"
                        + " the same headers. Devices are matched by asset tag; empty cells never erase stored values.",
                "Prints one summary line, then each software version kept because the patch log set it, then each rejected row."})
final class ImportInventoryCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import; it is only read.")
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet to import (default: the first sheet).")
    String sheet;

    @Option(names = "--header-row", paramLabel = "N",
            description = "The row number of the header row (default: found by its headers, below any title rows).")
    Integer headerRow;

    @Option(names = "--map", paramLabel = "HEADER=FIELD",
            description = {"Maps the column headed HEADER to FIELD, a PatchDesk column such as 'Software Version' or"
                    + " 'Asset Tag'; an empty FIELD skips the column. Repeatable. As in the wizard, the corrected mapping"
                    + " is remembered for later files with the same headers.",
                    "Fields: ${COMPLETION-CANDIDATES}"},
            completionCandidates = FieldNames.class)
    List<String> mappings = new ArrayList<>();

    ImportInventoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws TabularFileException {
        InventoryImportService service = context.services().inventoryImport();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SheetPreview preview = service.preview(file, sheet);
        if (headerRow != null) {
            preview = withHeaderRow(preview, headerRow);
        }
        List<String> headers = preview.headers();
        ColumnMapping mapping = service.suggestMapping(headers);
        Set<Integer> mappedByOption = new HashSet<>();
        for (String option : mappings) {
            mappedByOption.add(columnOf(mapping, option));
        }
        for (String option : mappings) {
            mapping = applyMapOption(mapping, option, mappedByOption);
        }
        ImportRequest request = new ImportRequest(file, preview.sheet(), preview.headerRow().number(), mapping);
        try {
            ImportResult result = service.importFile(request, context.actor(), ProgressMonitor.NONE);
            out.println(result.summaryLine());
            result.versionConflicts().forEach(conflict -> out.println(conflict.describe()));
            printRejected(out, result.rejected());
            return 0;
        } catch (ImportException e) {
            err.println(e.getMessage());
            printRejected(err, e.rejected());
            return 1;
        }
    }

    private SheetPreview withHeaderRow(SheetPreview preview, int rowNumber) {
        for (int i = 0; i < preview.rows().size(); i++) {
            if (preview.rows().get(i).number() == rowNumber) {
                return preview.withHeaderIndex(i);
            }
        }
        throw new ParameterException(spec.commandLine(), "Row " + rowNumber + " of " + file.getFileName()
                + " is empty or beyond the first " + InventoryImportService.PREVIEW_ROWS + " rows; it cannot be the header row");
    }

    /**
     * Applies one {@code --map} option. Mapping a field that another column fills is a usage error
     * unless that column also has a {@code --map} option, so that no column is dropped silently.
     */
    private ColumnMapping applyMapOption(ColumnMapping mapping, String option, Set<Integer> mappedByOption) {
        int column = columnOf(mapping, option);
        String fieldName = option.substring(option.lastIndexOf('=') + 1).strip();
        if (fieldName.isEmpty()) {
            return mapping.with(column, null);
        }
        DeviceField field = DeviceField.byName(fieldName).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Invalid --map '" + option + "': '" + fieldName + "' is not a PatchDesk field; use one of "
                        + String.join(", ", new FieldNames())));
        Optional<Integer> other = mapping.columnOf(field);
        if (other.isPresent() && other.get() != column && !mappedByOption.contains(other.get())) {
            String otherHeader = mapping.headers().get(other.get());
            throw new ParameterException(spec.commandLine(), "Invalid --map '" + option + "': column '" + otherHeader
                    + "' already fills " + field.label() + "; map it elsewhere first, or skip it with --map \"" + otherHeader + "=\"");
        }
        return mapping.with(column, field);
    }

    /** Returns the column that the HEADER part of a {@code --map} option names. */
    private int columnOf(ColumnMapping mapping, String option) {
        int equals = option.lastIndexOf('=');
        if (equals <= 0) {
            throw new ParameterException(spec.commandLine(), "Invalid --map '" + option + "': write it as \"HEADER=FIELD\"");
        }
        String header = option.substring(0, equals).strip();
        return findColumn(mapping.headers(), header).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Invalid --map '" + option + "': " + file.getFileName() + " has no column headed '" + header + "'; its headers are "
                        + String.join(", ", mapping.headers())));
    }

    private static Optional<Integer> findColumn(List<String> headers, String header) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).strip().equalsIgnoreCase(header)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static void printRejected(PrintWriter out, List<RejectedRow> rejected) {
        for (RejectedRow row : rejected) {
            for (RowProblem problem : row.problems()) {
                out.println(problem.describe());
            }
        }
        out.flush();
    }

    /** The labels of the device fields, for help and messages. */
    static final class FieldNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        FieldNames() {
            for (DeviceField field : DeviceField.values()) {
                add(field.label());
            }
        }
    }
}
