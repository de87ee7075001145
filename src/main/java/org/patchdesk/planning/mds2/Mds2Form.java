package org.patchdesk.planning.mds2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An MDS2 form (ANSI/NEMA HN 1-2019) as read from a manufacturer's workbook: the identity answers
 * (DOC-1 manufacturer, DOC-3 model, DOC-4 document ID, DOC-7 release date), the sections with
 * their answers, and the numbered notes from the end of the form.
 */
public record Mds2Form(String fileName, String sheet, List<Mds2Section> sections, Map<String, String> notes) {

    public Mds2Form {
        sections = List.copyOf(sections);
        notes = Map.copyOf(notes);
    }

    /** Returns the answer to a question by its ID, such as "CSUP-2.2", ignoring case. */
    public Optional<Mds2Answer> answer(String id) {
        return sections.stream().flatMap(section -> section.answers().stream())
                .filter(answer -> answer.id().equalsIgnoreCase(id))
                .findFirst();
    }

    /** Returns every answer by ID, in form order. A repeated ID keeps its first answer. */
    public Map<String, Mds2Answer> answersById() {
        Map<String, Mds2Answer> byId = new LinkedHashMap<>();
        sections.forEach(section -> section.answers().forEach(answer -> byId.putIfAbsent(answer.id().toUpperCase(java.util.Locale.ROOT),
                answer)));
        return byId;
    }

    public int questionCount() {
        return sections.stream().mapToInt(section -> section.answers().size()).sum();
    }

    /** The text of an identity answer such as DOC-1, or empty when it is missing, blank or "Hidden". */
    public Optional<String> identity(String id) {
        return answer(id).map(Mds2Answer::answer).map(String::strip)
                .filter(text -> !text.isEmpty() && !text.equalsIgnoreCase("hidden"));
    }

    public Optional<String> manufacturer() {
        return identity("DOC-1");
    }

    public Optional<String> model() {
        return identity("DOC-3");
    }

    public Optional<String> documentId() {
        return identity("DOC-4");
    }

    public Optional<String> releaseDate() {
        return identity("DOC-7");
    }
}
