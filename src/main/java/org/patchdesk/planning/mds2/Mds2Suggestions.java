package org.patchdesk.planning.mds2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.patchdesk.planning.Patchability;

/**
 * Derives suggestions from an MDS2 form's answers:
 * <ul>
 * <li>patchability from the CSUP section. For each kind of component (CSUP-2 operating system,
 * CSUP-3 drivers and firmware, CSUP-4 anti-malware, CSUP-5 other commercial software, CSUP-6
 * other software) that the device contains, n.2 "requires vendor or vendor-authorized service to
 * install" makes it vendor-installed only, and n.1 "documentation provides instructions for
 * owner installation" makes it owner-installable after validation. Vendor installation wins,
 * because one vendor-only component already keeps the owner from patching the device alone.
 * CSUP-1 "No" means there is no software that takes security updates.</li>
 * <li>vendor remote access from RMOT-1, connections outside the site network from CONN-4 and
 * CONN-6, SBOM availability from SBOM-1, anti-malware support from MLDP-2, and compensating
 * controls from MLDP-3 with its note.</li>
 * </ul>
 */
public final class Mds2Suggestions {

    /** The CSUP component questions: operating system, drivers and firmware, anti-malware, other commercial software, other software. */
    private static final Map<Integer, String> COMPONENTS = Map.of(2, "operating system", 3, "drivers and firmware", 4,
            "anti-malware software", 5, "non-operating-system commercial software", 6, "other software");

    private Mds2Suggestions() {
    }

    public static List<Mds2Suggestion> derive(Mds2Form form) {
        List<Mds2Suggestion> suggestions = new ArrayList<>();
        patchability(form).ifPresent(suggestions::add);
        yesOrNo(form, "RMOT-1", Mds2Suggestion.Topic.REMOTE_SERVICE, "the device permits remote service connections for maintenance",
                "the device permits no remote service connections").ifPresent(suggestions::add);
        external(form).ifPresent(suggestions::add);
        yesOrNo(form, "SBOM-1", Mds2Suggestion.Topic.SBOM, "the manufacturer makes the SBOM available",
                "the manufacturer does not make the SBOM available").ifPresent(suggestions::add);
        yesOrNo(form, "MLDP-2", Mds2Suggestion.Topic.ANTI_MALWARE, "the device supports anti-malware software",
                "the device does not support anti-malware software").ifPresent(suggestions::add);
        form.answer("MLDP-3").filter(Mds2Answer::isYes).ifPresent(answer -> suggestions.add(new Mds2Suggestion(
                Mds2Suggestion.Topic.COMPENSATING_CONTROLS, answer.note() != null ? answer.note() : "described by the manufacturer",
                List.of("MLDP-3"), "without anti-malware, the manufacturer documents other controls"
                        + (answer.noteRef() != null ? " (note " + answer.noteRef() + ")" : ""))));
        return suggestions;
    }

    private static Optional<Mds2Suggestion> patchability(Mds2Form form) {
        Optional<Mds2Answer> hasSoftware = form.answer("CSUP-1");
        if (hasSoftware.isPresent() && hasSoftware.get().isNo()) {
            return Optional.of(new Mds2Suggestion(Mds2Suggestion.Topic.PATCHABILITY, Patchability.PROHIBITED_OR_NONE.word(),
                    List.of("CSUP-1"), "the device contains no software or firmware that may need security updates"));
        }
        List<String> vendorIds = new ArrayList<>();
        List<String> vendorParts = new ArrayList<>();
        List<String> ownerIds = new ArrayList<>();
        List<String> ownerParts = new ArrayList<>();
        List<String> remoteIds = new ArrayList<>();
        for (int n = 2; n <= 6; n++) {
            String component = COMPONENTS.get(n);
            if (answered(form, "CSUP-" + n + ".2")) {
                vendorIds.add("CSUP-" + n + ".2");
                vendorParts.add(component);
            }
            if (answered(form, "CSUP-" + n + ".1")) {
                ownerIds.add("CSUP-" + n + ".1");
                ownerParts.add(component);
            }
            if (answered(form, "CSUP-" + n + ".3")) {
                remoteIds.add("CSUP-" + n + ".3");
            }
        }
        if (!vendorIds.isEmpty()) {
            List<String> ids = new ArrayList<>(vendorIds);
            ids.addAll(remoteIds);
            return Optional.of(new Mds2Suggestion(Mds2Suggestion.Topic.PATCHABILITY, Patchability.VENDOR_ONLY.word(), ids,
                    "vendor or vendor-authorized service must install updates of the " + String.join(", ", vendorParts)
                            + (remoteIds.isEmpty() ? "" : "; the device can receive them remotely")));
        }
        if (!ownerIds.isEmpty()) {
            List<String> ids = new ArrayList<>(ownerIds);
            boolean approvals = form.answer("CSUP-11.1").map(Mds2Answer::isYes).orElse(false);
            if (approvals) {
                ids.add("CSUP-11.1");
            }
            return Optional.of(new Mds2Suggestion(Mds2Suggestion.Topic.PATCHABILITY, Patchability.OWNER_AFTER_VALIDATION.word(), ids,
                    "the documentation tells the owner how to install updates of the " + String.join(", ", ownerParts)
                            + (approvals ? "; the manufacturer publishes the review and approval status of updates" : "")));
        }
        return Optional.empty();
    }

    private static boolean answered(Mds2Form form, String id) {
        return form.answer(id).map(Mds2Answer::isYes).orElse(false);
    }

    private static Optional<Mds2Suggestion> external(Mds2Form form) {
        Optional<Mds2Answer> outside = form.answer("CONN-4");
        Optional<Mds2Answer> internet = form.answer("CONN-6");
        if (internet.isPresent() && internet.get().isYes()) {
            return Optional.of(new Mds2Suggestion(Mds2Suggestion.Topic.EXTERNAL_CONNECTIONS, "internet", List.of("CONN-6"),
                    "the device requires an internet connection for its intended use"));
        }
        if (outside.isPresent() && outside.get().isYes()) {
            return Optional.of(new Mds2Suggestion(Mds2Suggestion.Topic.EXTERNAL_CONNECTIONS, "outside the site", List.of("CONN-4"),
                    "the device can communicate with systems outside the customer's network"));
        }
        if (outside.isPresent() && outside.get().isNo()) {
            return Optional.of(new Mds2Suggestion(Mds2Suggestion.Topic.EXTERNAL_CONNECTIONS, "none", List.of("CONN-4"),
                    "the device does not communicate with systems outside the customer's network"));
        }
        return Optional.empty();
    }

    private static Optional<Mds2Suggestion> yesOrNo(Mds2Form form, String id, Mds2Suggestion.Topic topic, String yes, String no) {
        return form.answer(id).filter(answer -> answer.isYes() || answer.isNo()).map(answer -> new Mds2Suggestion(topic,
                answer.isYes() ? "yes" : "no", List.of(id), answer.isYes() ? yes : no));
    }
}
