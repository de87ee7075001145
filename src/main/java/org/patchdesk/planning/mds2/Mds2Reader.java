package org.patchdesk.planning.mds2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.tabular.TabularFile;
import org.patchdesk.tabular.TabularFileException;
import org.patchdesk.tabular.TabularFiles;

/**
 * Reads an MDS2 form from a workbook without changing it. The sheet is the first one with a
 * "Question ID" header. The question, answer and note columns are found from that header, which
 * lets columns move and other sheets come first. Below the header, a row whose ID looks
 * like "CSUP-2.1" is a question. A row without an ID whose text is in capitals or ends in a code
 * in parentheses, such as "REMOTE SERVICE (RMOT)", starts a section. A row "Note 3" gives a
 * note. Other rows (titles, sub-headers, section descriptions) are skipped.
 */
public final class Mds2Reader {

    /** Question IDs: a section code, a dash and numbers, such as DOC-1, CSUP-2.1 or CONN-1.1.4. */
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z]{2,6}-\\d+(\\.\\d+)*");
    private static final Pattern SECTION = Pattern.compile(".*\\(([A-Za-z]{2,6})\\)\\s*");
    private static final Pattern NOTE = Pattern.compile("(?i)note\\s*#?\\s*(\\d+)\\s*:?");
    private static final Pattern NOTE_REF = Pattern.compile("(?i).*note\\s*#?\\s*(\\d+).*");
    /** Fewer questions than this is not a form but a fragment or another workbook. */
    private static final int MIN_QUESTIONS = 10;

    private record Row(int number, List<String> cells) {
        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
        }
    }

    private record Columns(int id, int question, int answer, int note) {
    }

    /**
     * Reads the form.
     *
     * @throws Mds2FormatException when the file cannot be opened as a spreadsheet or contains no MDS2 form
     */
    public Mds2Form read(Path file) throws Mds2FormatException {
        String fileName = file.getFileName().toString();
        try (TabularFile table = TabularFiles.open(file)) {
            for (String sheet : table.sheetNames()) {
                List<Row> rows = new ArrayList<>();
                table.readRows(sheet, (number, cells) -> rows.add(new Row(number, List.copyOf(cells))), ProgressMonitor.NONE);
                Mds2Form form = readSheet(fileName, sheet, rows);
                if (form != null) {
                    return form;
                }
            }
        } catch (TabularFileException e) {
            throw new Mds2FormatException(e.getMessage(), e);
        }
        throw new Mds2FormatException(fileName + " is not an MDS2 form: no sheet has a \"Question ID\" column with at least "
                + MIN_QUESTIONS + " questions such as DOC-1 or CSUP-2.1 below it");
    }

    private static Mds2Form readSheet(String fileName, String sheet, List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Columns columns = header(rows.get(i));
            if (columns != null) {
                Mds2Form form = readBelow(fileName, sheet, rows.subList(i + 1, rows.size()), columns);
                if (form.questionCount() >= MIN_QUESTIONS) {
                    return form;
                }
            }
        }
        return null;
    }

    /** Finds the columns from the header row, or returns null when the row is not the header. */
    private static Columns header(Row row) {
        int id = -1;
        int question = -1;
        int note = -1;
        int answer = -1;
        for (int i = 0; i < row.cells().size(); i++) {
            String text = row.cell(i).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (text.equals("question id") || text.equals("question #") || text.equals("id")) {
                id = id < 0 ? i : id;
            } else if (text.equals("question") && question < 0) {
                question = i;
            } else if (text.startsWith("see note") || text.equals("note #") || text.equals("note")) {
                note = note < 0 ? i : note;
            } else if (text.startsWith("answer") || text.startsWith("response") || text.startsWith("yes, no")) {
                answer = answer < 0 ? i : answer;
            }
        }
        if (id < 0) {
            return null;
        }
        if (question < 0) {
            question = id + 1;
        }
        if (answer < 0) {
            // The example form leaves the answer column's header cell empty, between the question and the note columns.
            answer = question + 1;
        }
        return new Columns(id, question, answer, note);
    }

    private static Mds2Form readBelow(String fileName, String sheet, List<Row> rows, Columns columns) {
        List<Mds2Section> sections = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();

        String code = null;
        String title = null;
        List<Mds2Answer> answers = new ArrayList<>();
        for (Row row : rows) {
            String id = row.cell(columns.id());
            String text = row.cell(columns.question());
            Matcher note = NOTE.matcher(id);
            if (QUESTION_ID.matcher(id).matches()) {
                if (code == null) {
                    // Questions before the first section row (the DOC questions of the 2019 form), or after a section
                    // title without a code, take the code of their first ID.
                    code = prefix(id);
                    title = title == null ? (code.equals("DOC") ? "DOCUMENT AND DEVICE (DOC)" : code) : title + " (" + code + ")";
                }
                answers.add(new Mds2Answer(row.number(), id.toUpperCase(Locale.ROOT), text, row.cell(columns.answer()), null,
                        noteRef(row.cell(columns.note())), null));
            } else if (note.matches()) {
                notes.put(note.group(1), text);
            } else if (id.isEmpty() && isSectionTitle(text)) {
                if (code != null && !answers.isEmpty()) {
                    sections.add(new Mds2Section(code, title, answers));
                }
                Matcher section = SECTION.matcher(text);
                code = section.matches() ? section.group(1).toUpperCase(Locale.ROOT) : null;
                title = text.replaceAll("\\s+", " ").strip();
                answers = new ArrayList<>();
            }
        }
        if (code != null && !answers.isEmpty()) {
            sections.add(new Mds2Section(code, title, answers));
        }

        // Notes come last in the form, so answers get their note text once every row is read.
        List<Mds2Section> withNotes = new ArrayList<>();
        for (Mds2Section section : sections) {
            List<Mds2Answer> completed = new ArrayList<>();
            for (Mds2Answer answer : section.answers()) {
                Mds2Answer.Kind kind = Mds2Answer.Kind.of(answer.answer());
                if (kind == Mds2Answer.Kind.EMPTY && answer.noteRef() != null) {
                    kind = Mds2Answer.Kind.SEE_NOTE;
                }
                completed.add(new Mds2Answer(answer.rowNumber(), answer.id(), answer.question(), answer.answer().strip(), kind,
                        answer.noteRef(), answer.noteRef() == null ? null : notes.get(answer.noteRef())));
            }
            withNotes.add(new Mds2Section(section.code(), section.title(), completed));
        }
        return new Mds2Form(fileName, sheet, withNotes, notes);
    }

    /**
     * True for a section title: text ending in a code in parentheses, or text in capitals such as
     * "MANAGEMENT OF PERSONALLY IDENTIFIABLE INFORMATION". Section descriptions are in sentence case.
     */
    private static boolean isSectionTitle(String text) {
        if (SECTION.matcher(text).matches()) {
            return true;
        }
        return text.chars().anyMatch(Character::isLetter) && text.equals(text.toUpperCase(Locale.ROOT)) && text.strip().contains(" ");
    }

    private static String prefix(String id) {
        return id.substring(0, id.indexOf('-')).toUpperCase(Locale.ROOT);
    }

    private static String noteRef(String cell) {
        Matcher matcher = NOTE_REF.matcher(cell);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
