package org.patchdesk.recovery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.patchdesk.reports.ReportDocument;
import org.patchdesk.reports.ReportSite;
import org.patchdesk.reports.ReportDocument.KeyValue;

/**
 * Prints a recovery protocol: on its own as a PDF, or as sections appended to another document,
 * such as a risk acceptance form. Parts that are not recorded print as "Not recorded." so that a
 * reader sees the gap.
 */
public final class RecoveryProtocolPdf {

    static final String NOT_RECORDED = "Not recorded.";

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.US);

    private RecoveryProtocolPdf() {
    }

    /**
     * Writes one protocol to {@code target}, replacing the file only once it is complete. The
     * running header shows the site, and a demo site marks every page; the footer shows who printed it and when.
     */
    public static void write(RecoveryProtocol protocol, ReportSite site, String printedBy, ZonedDateTime printedAt, Path target)
            throws IOException {
        try (ReportDocument document = start(protocol, site, printedBy, printedAt)) {
            appendTo(document, protocol);
            document.save(target);
        }
    }

    /** Writes one protocol to {@code out}, which stays open. */
    public static void write(RecoveryProtocol protocol, ReportSite site, String printedBy, ZonedDateTime printedAt, OutputStream out)
            throws IOException {
        try (ReportDocument document = start(protocol, site, printedBy, printedAt)) {
            appendTo(document, protocol);
            document.save(out);
        }
    }

    /**
     * Appends the protocol to a document as a heading, the key facts (what it is for, who decides
     * the return to service, the review dates), one subheading per part of the procedure, and the
     * document paths. Returns {@code document}.
     */
    public static ReportDocument appendTo(ReportDocument document, RecoveryProtocol protocol) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(protocol, "protocol");
        document.heading("Incident recovery protocol: " + protocol.target());
        document.keyValues(facts(protocol));
        for (RecoveryProtocol.Section section : protocol.sections()) {
            document.subheading(section.title());
            document.paragraph(section.text() == null ? NOT_RECORDED : section.text());
        }
        document.subheading("Documents");
        document.paragraph(protocol.documentPaths().isEmpty() ? "No document is listed." : String.join("\n", protocol.documentPaths()));
        return document;
    }

    private static ReportDocument start(RecoveryProtocol protocol, ReportSite site, String printedBy, ZonedDateTime printedAt) {
        Objects.requireNonNull(protocol, "protocol");
        String note = printedAt == null ? "" : "Printed " + printedAt.format(PRINTED);
        if (printedBy != null && !printedBy.isBlank()) {
            note = note.isEmpty() ? "Printed by " + printedBy : note + " by " + printedBy;
        }
        return new ReportDocument(site, "Recovery protocol: " + protocol.target()).footerNote(note);
    }

    private static List<KeyValue> facts(RecoveryProtocol protocol) {
        List<KeyValue> facts = new ArrayList<>();
        if (protocol.isForDevice()) {
            facts.add(KeyValue.of("Device", protocol.assetTag()));
            facts.add(KeyValue.of("Product", protocol.productLabel() == null ? "no model recorded" : protocol.productLabel()));
            facts.add(KeyValue.of("Applies to", "this device only; it takes precedence over a protocol of its product"));
        } else {
            facts.add(KeyValue.of("Product", protocol.productLabel()));
            facts.add(KeyValue.of("Applies to", "every device of this product without a protocol of its own"));
        }
        facts.add(KeyValue.of(RecoveryProtocol.RETURN_TO_SERVICE, protocol.returnToServiceDecider()));
        facts.add(KeyValue.of("Last reviewed", protocol.lastReviewedOn() == null ? "never"
                : protocol.lastReviewedOn() + " by " + protocol.lastReviewedBy()));
        facts.add(KeyValue.of("Next review", protocol.nextReviewOn() == null ? "not scheduled" : protocol.nextReviewOn().toString()));
        return facts;
    }
}
