package org.patchdesk.intel.feeds;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses CVE records in the CVE JSON 5 format (dataVersion 5.0, 5.1 and later 5.x). Records in state REJECTED are
 * parsed like published ones and keep their state.
 */
public final class CveRecordParser {

    /** The CVSS objects read from a metrics entry, in this order. The name gives the version. CVSS v2 is not read. */
    private static final List<String> CVSS_FIELDS = List.of("cvssV4_0", "cvssV3_1", "cvssV3_0");

    private final ObjectMapper mapper = FeedJson.newMapper();

    public CveRecord parse(Path file) throws FeedFormatException, IOException {
        String fileName = file.getFileName().toString();
        JsonNode root = FeedJson.readTree(mapper, file);
        if (!root.isObject()) {
            throw new FeedFormatException(fileName + " is not a CVE JSON 5 record: it is a JSON list, not a record object");
        }
        String other = FeedJson.otherFeed(root);
        if (!other.isEmpty() && !other.contains("CVE record")) {
            throw new FeedFormatException(fileName + " is not a CVE JSON 5 record" + other);
        }
        String cveId = checkFormat(fileName, root);
        JsonNode metadata = root.get("cveMetadata");
        String state = FeedJson.optionalText(metadata, "state", fileName, "/cveMetadata");
        OffsetDateTime datePublished = timestamp(metadata, "datePublished", fileName, "/cveMetadata");
        OffsetDateTime dateUpdated = timestamp(metadata, "dateUpdated", fileName, "/cveMetadata");

        JsonNode containers = FeedJson.optionalObject(root, "containers", fileName, "");
        JsonNode cna = containers == null ? null : FeedJson.optionalObject(containers, "cna", fileName, "/containers");
        if (cna == null) {
            throw new FeedFormatException(fileName + " is not a CVE JSON 5 record: it has no containers.cna");
        }
        String description = englishText(fileName, cna, "descriptions");
        if (description == null) {
            description = englishText(fileName, cna, "rejectedReasons");
        }

        return new CveRecord(cveId, state, description, cwes(fileName, cna), datePublished, dateUpdated,
                affected(fileName, cna), metrics(fileName, containers, cna));
    }

    /**
     * Checks that the record has dataVersion 5.x and returns its normalized cveMetadata.cveId. Records of the older
     * CVE JSON 4 format carry "data_version" instead and are rejected by version.
     */
    private static String checkFormat(String fileName, JsonNode root) throws FeedFormatException {
        String dataVersion = FeedJson.optionalText(root, "dataVersion", fileName, "");
        if (dataVersion == null) {
            dataVersion = FeedJson.optionalText(root, "data_version", fileName, "");
        }
        if (dataVersion != null && !dataVersion.startsWith("5.")) {
            throw new FeedFormatException(fileName + ": unsupported CVE record format version " + dataVersion
                    + " (PatchDesk reads CVE JSON 5)");
        }
        JsonNode metadata = FeedJson.optionalObject(root, "cveMetadata", fileName, "");
        String rawId = metadata == null ? null : FeedJson.optionalText(metadata, "cveId", fileName, "/cveMetadata");
        if (rawId == null) {
            throw new FeedFormatException(fileName + " is not a CVE JSON 5 record: it has no cveMetadata.cveId");
        }
        if (dataVersion == null) {
            throw new FeedFormatException(fileName + " is not a CVE JSON 5 record: it has no dataVersion");
        }
        String cveId = CveIds.normalize(rawId);
        if (cveId == null) {
            throw FeedFormatException.atPointer(fileName, "/cveMetadata/cveId", CveIds.invalid(rawId));
        }
        return cveId;
    }

    /**
     * Reads a timestamp such as 2024-12-17T15:16:44.982Z. The CVE schema allows the offset to be left out and then
     * specifies UTC, which older records such as CVE-2019-10964 rely on.
     */
    private static OffsetDateTime timestamp(JsonNode parent, String field, String fileName, String pointer)
            throws FeedFormatException {
        String text = FeedJson.optionalText(parent, field, fileName, pointer);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw FeedFormatException.atPointer(fileName, pointer + "/" + field,
                        "'" + text + "' is not a date and time such as 2024-12-17T15:16:44.982Z");
            }
        }
    }

    /** Returns the value of the first entry whose lang is English ("en", "en-US"), or null. */
    private static String englishText(String fileName, JsonNode container, String field) throws FeedFormatException {
        JsonNode entries = FeedJson.optionalArray(container, field, fileName, "/containers/cna");
        for (int i = 0; i < entries.size(); i++) {
            String pointer = "/containers/cna/" + field + "/" + i;
            String lang = FeedJson.optionalText(entries.get(i), "lang", fileName, pointer);
            if (lang != null && isEnglish(lang)) {
                return FeedJson.optionalText(entries.get(i), "value", fileName, pointer);
            }
        }
        return null;
    }

    private static boolean isEnglish(String lang) {
        String lower = lang.toLowerCase(Locale.ROOT);
        return lower.equals("en") || lower.startsWith("en-") || lower.startsWith("en_");
    }

    private static List<String> cwes(String fileName, JsonNode cna) throws FeedFormatException {
        Set<String> cwes = new LinkedHashSet<>();
        JsonNode problemTypes = FeedJson.optionalArray(cna, "problemTypes", fileName, "/containers/cna");
        for (int i = 0; i < problemTypes.size(); i++) {
            String pointer = "/containers/cna/problemTypes/" + i;
            JsonNode descriptions = FeedJson.optionalArray(problemTypes.get(i), "descriptions", fileName, pointer);
            for (int k = 0; k < descriptions.size(); k++) {
                String cweId = FeedJson.optionalText(descriptions.get(k), "cweId", fileName, pointer + "/descriptions/" + k);
                if (cweId != null) {
                    cwes.add(cweId);
                }
            }
        }
        return new ArrayList<>(cwes);
    }

    private static List<CveAffected> affected(String fileName, JsonNode cna) throws FeedFormatException {
        List<CveAffected> affected = new ArrayList<>();
        JsonNode entries = FeedJson.optionalArray(cna, "affected", fileName, "/containers/cna");
        for (int i = 0; i < entries.size(); i++) {
            String pointer = "/containers/cna/affected/" + i;
            JsonNode entry = entries.get(i);
            String product = FeedJson.optionalText(entry, "product", fileName, pointer);
            if (product == null) {
                product = FeedJson.optionalText(entry, "packageName", fileName, pointer);
            }
            affected.add(new CveAffected(FeedJson.optionalText(entry, "vendor", fileName, pointer), product,
                    FeedJson.optionalText(entry, "defaultStatus", fileName, pointer),
                    versions(fileName, pointer, entry)));
        }
        return affected;
    }

    private static List<CveVersion> versions(String fileName, String pointer, JsonNode affected)
            throws FeedFormatException {
        List<CveVersion> versions = new ArrayList<>();
        JsonNode entries = FeedJson.optionalArray(affected, "versions", fileName, pointer);
        for (int i = 0; i < entries.size(); i++) {
            String versionPointer = pointer + "/versions/" + i;
            JsonNode entry = entries.get(i);
            versions.add(new CveVersion(FeedJson.optionalText(entry, "version", fileName, versionPointer),
                    FeedJson.optionalText(entry, "lessThan", fileName, versionPointer),
                    FeedJson.optionalText(entry, "lessThanOrEqual", fileName, versionPointer),
                    FeedJson.optionalText(entry, "status", fileName, versionPointer),
                    FeedJson.optionalText(entry, "versionType", fileName, versionPointer)));
        }
        return versions;
    }

    /** Reads the CNA's CVSS metrics, or when it has none, those of every ADP container (CISA adds some there). */
    private static List<CveMetric> metrics(String fileName, JsonNode containers, JsonNode cna) throws FeedFormatException {
        List<CveMetric> metrics = containerMetrics(fileName, "/containers/cna", cna);
        if (!metrics.isEmpty()) {
            return metrics;
        }
        JsonNode adps = FeedJson.optionalArray(containers, "adp", fileName, "/containers");
        for (int i = 0; i < adps.size(); i++) {
            metrics.addAll(containerMetrics(fileName, "/containers/adp/" + i, adps.get(i)));
        }
        return metrics;
    }

    private static List<CveMetric> containerMetrics(String fileName, String pointer, JsonNode container)
            throws FeedFormatException {
        List<CveMetric> metrics = new ArrayList<>();
        JsonNode entries = FeedJson.optionalArray(container, "metrics", fileName, pointer);
        for (int i = 0; i < entries.size(); i++) {
            String entryPointer = pointer + "/metrics/" + i;
            for (String field : CVSS_FIELDS) {
                JsonNode cvss = FeedJson.optionalObject(entries.get(i), field, fileName, entryPointer);
                if (cvss != null) {
                    String cvssPointer = entryPointer + "/" + field;
                    String version = field.substring("cvssV".length()).replace('_', '.');
                    metrics.add(new CveMetric(version,
                            FeedJson.optionalText(cvss, "vectorString", fileName, cvssPointer),
                            FeedJson.optionalNumber(cvss, "baseScore", fileName, cvssPointer)));
                }
            }
        }
        return metrics;
    }
}
