package org.patchdesk.risk;

import java.util.List;

/**
 * Why a finding has its decision, priority and due date: every input with its value and where it
 * came from, in sections that the GUI shows as a panel and the command line prints as text.
 */
public record Explanation(String title, List<Section> sections) {

    public Explanation {
        sections = List.copyOf(sections);
    }

    /** A group of inputs, such as the CVSS vectors or the SSVC decision points. */
    public record Section(String heading, List<Item> items) {

        public Section {
            items = List.copyOf(items);
        }
    }

    /** One input or result: its name, its value, and where the value came from or why it has it (may be empty). */
    public record Item(String name, String value, String source) {

        public Item {
            source = source == null ? "" : source;
        }
    }

    /** Returns the explanation as plain text, one item per line, with its source or reason indented below it. */
    public String asText() {
        StringBuilder text = new StringBuilder(title).append(System.lineSeparator());
        for (Section section : sections) {
            text.append(System.lineSeparator()).append(section.heading()).append(System.lineSeparator());
            for (Item item : section.items()) {
                text.append("  ").append(item.name()).append(": ").append(item.value().replace("\n", System.lineSeparator() + "    "))
                        .append(System.lineSeparator());
                if (!item.source().isEmpty()) {
                    text.append("    - ").append(item.source()).append(System.lineSeparator());
                }
            }
        }
        return text.toString();
    }
}
