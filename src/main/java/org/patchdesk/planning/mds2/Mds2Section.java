package org.patchdesk.planning.mds2;

import java.util.List;

/** A section of the form, such as "CYBER SECURITY PRODUCT UPGRADES (CSUP)", with its questions in form order. */
public record Mds2Section(String code, String title, List<Mds2Answer> answers) {

    public Mds2Section {
        answers = List.copyOf(answers);
    }
}
