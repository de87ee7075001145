package org.patchdesk.intel.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses CSAF 2.0 advisories, such as the CISA ICS Medical Advisories (ICSMA), and checks them against the
 * {@code .sha512} file published beside them.
 */
public final class CsafAdvisoryParser {

    private static final String SUPPORTED_VERSION = "2.0";
    private static final int SHA512_HEX_LENGTH = 128;

    private final ObjectMapper mapper = FeedJson.newMapper();

    public CsafAdvisory parse(Path file) throws FeedFormatException, IOException {
        String fileName = file.getFileName().toString();
        JsonNode root = FeedJson.readTree(mapper, file);
        if (!root.isObject()) {
            throw new FeedFormatException(fileName + " is not a CSAF advisory: it is a JSON list, not a document object");
        }
        String other = FeedJson.otherFeed(root);
        if (!other.isEmpty() && !other.contains("CSAF")) {
            throw new FeedFormatException(fileName + " is not a CSAF advisory" + other);
        }
        JsonNode document = FeedJson.optionalObject(root, "document", fileName, "");
        if (document == null) {
            throw new FeedFormatException(fileName + " is not a CSAF advisory: it has no \"document\" object");
        }
        String csafVersion = FeedJson.optionalText(document, "csaf_version", fileName, "/document");
        if (csafVersion == null) {
            throw new FeedFormatException(fileName + " is not a CSAF advisory: it has no document.csaf_version");
        }
        if (!csafVersion.equals(SUPPORTED_VERSION)) {
            throw new FeedFormatException(fileName + ": unsupported CSAF version " + csafVersion
                    + " (PatchDesk reads CSAF " + SUPPORTED_VERSION + ")");
        }

        JsonNode tracking = FeedJson.optionalObject(document, "tracking", fileName, "/document");
        if (tracking == null) {
            throw FeedFormatException.atPointer(fileName, "/document", "\"tracking\" is missing");
        }
        String trackingId = requiredNonBlank(tracking, "id", fileName, "/document/tracking");
        String version = requiredNonBlank(tracking, "version", fileName, "/document/tracking");
        OffsetDateTime currentReleaseDate = timestamp(tracking, "current_release_date", fileName, "/document/tracking");
        OffsetDateTime initialReleaseDate = timestamp(tracking, "initial_release_date", fileName, "/document/tracking");
        String title = FeedJson.optionalText(document, "title", fileName, "/document");
        JsonNode publisher = FeedJson.optionalObject(document, "publisher", fileName, "/document");
        String publisherName = publisher == null ? null : FeedJson.optionalText(publisher, "name", fileName, "/document/publisher");

        JsonNode productTree = FeedJson.optionalObject(root, "product_tree", fileName, "");
        List<CsafProduct> products = products(fileName, productTree);
        Map<String, List<String>> groups = productGroups(fileName, productTree);
        List<CsafVulnerability> vulnerabilities = new ArrayList<>();
        JsonNode vulnerabilityNodes = FeedJson.optionalArray(root, "vulnerabilities", fileName, "");
        for (int i = 0; i < vulnerabilityNodes.size(); i++) {
            vulnerabilities.add(vulnerability(fileName, "/vulnerabilities/" + i, vulnerabilityNodes.get(i), groups));
        }

        return new CsafAdvisory(trackingId, version, currentReleaseDate, initialReleaseDate, title, publisherName,
                products, vulnerabilities);
    }

    /**
     * Returns the lower-case SHA-512 hex digest from {@code <advisory>.sha512} beside the advisory, or empty when there
     * is no such file. The file contains {@code <hex>  <file name>} as written by sha512sum, and the name is not checked.
     */
    public static Optional<String> expectedSha512(Path advisory) throws FeedFormatException, IOException {
        Path checksumFile = checksumFile(advisory);
        if (!Files.exists(checksumFile)) {
            return Optional.empty();
        }
        String text = Files.readString(checksumFile, StandardCharsets.ISO_8859_1).strip();
        String hex = text.split("\\s+", 2)[0];
        if (hex.length() != SHA512_HEX_LENGTH || !isHex(hex)) {
            throw new FeedFormatException(checksumFile.getFileName() + " is not a SHA-512 checksum file"
                    + " (expected 128 hexadecimal digits, two spaces and the file name)");
        }
        return Optional.of(hex.toLowerCase(Locale.ROOT));
    }

    /** Checks the advisory against {@code <advisory>.sha512} when that file exists, and does nothing otherwise. */
    public static void verifySha512(Path advisory) throws FeedFormatException, IOException {
        Optional<String> expected = expectedSha512(advisory);
        if (expected.isEmpty()) {
            return;
        }
        if (!sha512(advisory).equals(expected.get())) {
            throw new FeedFormatException(advisory.getFileName() + " does not match the checksum in "
                    + checksumFile(advisory).getFileName() + ": the file was changed or not downloaded completely");
        }
    }

    private static Path checksumFile(Path advisory) {
        return advisory.resolveSibling(advisory.getFileName() + ".sha512");
    }

    private static String sha512(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-512", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String requiredNonBlank(JsonNode parent, String field, String fileName, String pointer)
            throws FeedFormatException {
        String text = FeedJson.requiredText(parent, field, fileName, pointer);
        if (text.isBlank()) {
            throw FeedFormatException.atPointer(fileName, pointer + "/" + field, "the value is empty");
        }
        return text;
    }

    /** Reads a CSAF date-time such as 2017-12-12T00:00:00.000000Z, which must have an offset. */
    private static OffsetDateTime timestamp(JsonNode parent, String field, String fileName, String pointer)
            throws FeedFormatException {
        String text = FeedJson.optionalText(parent, field, fileName, pointer);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw FeedFormatException.atPointer(fileName, pointer + "/" + field,
                    "'" + text + "' is not a date and time with an offset, such as 2025-01-30T07:00:00.000000Z");
        }
    }

    // Product tree

    /** The vendor, product name and version collected along a path of branches. */
    private record BranchPath(String vendor, String productName, String version, boolean versionIsRange) {

        BranchPath with(String category, String name) {
            switch (category) {
                case "vendor":
                    return new BranchPath(name, productName, version, versionIsRange);
                case "product_name":
                    return new BranchPath(vendor, name, version, versionIsRange);
                case "product_version":
                    return new BranchPath(vendor, productName, name, false);
                case "product_version_range":
                    return new BranchPath(vendor, productName, name, true);
                default:
                    return this;
            }
        }
    }

    /**
     * Flattens the branches into one product per product id. Products listed under full_product_names and
     * relationships, outside the branches, are added with their full name and no vendor or version.
     */
    private static List<CsafProduct> products(String fileName, JsonNode productTree) throws FeedFormatException {
        Map<String, CsafProduct> products = new LinkedHashMap<>();
        if (productTree == null) {
            return new ArrayList<>();
        }
        JsonNode branches = FeedJson.optionalArray(productTree, "branches", fileName, "/product_tree");
        addBranches(fileName, "/product_tree/branches", branches, new BranchPath(null, null, null, false), products);

        JsonNode fullNames = FeedJson.optionalArray(productTree, "full_product_names", fileName, "/product_tree");
        for (int i = 0; i < fullNames.size(); i++) {
            String pointer = "/product_tree/full_product_names/" + i;
            addProduct(fileName, pointer, fullNames.get(i), new BranchPath(null, null, null, false), products);
        }
        JsonNode relationships = FeedJson.optionalArray(productTree, "relationships", fileName, "/product_tree");
        for (int i = 0; i < relationships.size(); i++) {
            String pointer = "/product_tree/relationships/" + i;
            JsonNode product = FeedJson.optionalObject(relationships.get(i), "full_product_name", fileName, pointer);
            if (product != null) {
                addProduct(fileName, pointer + "/full_product_name", product, new BranchPath(null, null, null, false),
                        products);
            }
        }
        return new ArrayList<>(products.values());
    }

    private static void addBranches(String fileName, String pointer, JsonNode branches, BranchPath path,
            Map<String, CsafProduct> products) throws FeedFormatException {
        for (int i = 0; i < branches.size(); i++) {
            String branchPointer = pointer + "/" + i;
            JsonNode branch = branches.get(i);
            String category = FeedJson.requiredText(branch, "category", fileName, branchPointer);
            String name = FeedJson.requiredText(branch, "name", fileName, branchPointer);
            BranchPath branchPath = path.with(category, name);

            JsonNode product = FeedJson.optionalObject(branch, "product", fileName, branchPointer);
            if (product != null) {
                addProduct(fileName, branchPointer + "/product", product, branchPath, products);
            }
            JsonNode children = FeedJson.optionalArray(branch, "branches", fileName, branchPointer);
            addBranches(fileName, branchPointer + "/branches", children, branchPath, products);
        }
    }

    private static void addProduct(String fileName, String pointer, JsonNode product, BranchPath path,
            Map<String, CsafProduct> products) throws FeedFormatException {
        String productId = requiredNonBlank(product, "product_id", fileName, pointer);
        String productName = path.productName() != null
                ? path.productName()
                : FeedJson.optionalText(product, "name", fileName, pointer);
        CsafProduct flattened = new CsafProduct(productId, path.vendor(), productName, path.version(),
                path.versionIsRange());
        if (products.putIfAbsent(productId, flattened) != null) {
            throw FeedFormatException.atPointer(fileName, pointer + "/product_id",
                    "product id " + productId + " is defined twice");
        }
    }

    private static Map<String, List<String>> productGroups(String fileName, JsonNode productTree)
            throws FeedFormatException {
        Map<String, List<String>> groups = new HashMap<>();
        if (productTree == null) {
            return groups;
        }
        JsonNode groupNodes = FeedJson.optionalArray(productTree, "product_groups", fileName, "/product_tree");
        for (int i = 0; i < groupNodes.size(); i++) {
            String pointer = "/product_tree/product_groups/" + i;
            String groupId = requiredNonBlank(groupNodes.get(i), "group_id", fileName, pointer);
            groups.put(groupId, ids(fileName, pointer, groupNodes.get(i), "product_ids"));
        }
        return groups;
    }

    // Vulnerabilities

    private static CsafVulnerability vulnerability(String fileName, String pointer, JsonNode node,
            Map<String, List<String>> groups) throws FeedFormatException {
        if (!node.isObject()) {
            throw FeedFormatException.atPointer(fileName, pointer, "expected an object, found " + FeedJson.kind(node));
        }
        String rawCve = FeedJson.optionalText(node, "cve", fileName, pointer);
        String cve = null;
        if (rawCve != null) {
            cve = CveIds.normalize(rawCve);
            if (cve == null) {
                throw FeedFormatException.atPointer(fileName, pointer + "/cve", CveIds.invalid(rawCve));
            }
        }
        JsonNode cwe = FeedJson.optionalObject(node, "cwe", fileName, pointer);
        String cweId = cwe == null ? null : FeedJson.optionalText(cwe, "id", fileName, pointer + "/cwe");
        String cweName = cwe == null ? null : FeedJson.optionalText(cwe, "name", fileName, pointer + "/cwe");

        JsonNode status = FeedJson.optionalObject(node, "product_status", fileName, pointer);
        String statusPointer = pointer + "/product_status";
        List<String> knownAffected = status == null ? List.of()
                : ids(fileName, statusPointer, status, "known_affected", "first_affected", "last_affected");
        List<String> fixed = status == null ? List.of() : ids(fileName, statusPointer, status, "fixed", "first_fixed");
        List<String> knownNotAffected = status == null ? List.of()
                : ids(fileName, statusPointer, status, "known_not_affected");

        return new CsafVulnerability(cve, cweId, cweName, FeedJson.optionalText(node, "title", fileName, pointer),
                summary(fileName, pointer, node), scores(fileName, pointer, node), knownAffected, fixed,
                knownNotAffected, remediations(fileName, pointer, node, groups), referenceUrls(fileName, pointer, node));
    }

    private static String summary(String fileName, String pointer, JsonNode vulnerability) throws FeedFormatException {
        JsonNode notes = FeedJson.optionalArray(vulnerability, "notes", fileName, pointer);
        for (int i = 0; i < notes.size(); i++) {
            String notePointer = pointer + "/notes/" + i;
            if ("summary".equals(FeedJson.optionalText(notes.get(i), "category", fileName, notePointer))) {
                return FeedJson.optionalText(notes.get(i), "text", fileName, notePointer);
            }
        }
        return null;
    }

    /** Reads the CVSS v3 scores. A score entry with only cvss_v2 is skipped, because CsafScore contains CVSS v3 only. */
    private static List<CsafScore> scores(String fileName, String pointer, JsonNode vulnerability)
            throws FeedFormatException {
        List<CsafScore> scores = new ArrayList<>();
        JsonNode nodes = FeedJson.optionalArray(vulnerability, "scores", fileName, pointer);
        for (int i = 0; i < nodes.size(); i++) {
            String scorePointer = pointer + "/scores/" + i;
            JsonNode cvss = FeedJson.optionalObject(nodes.get(i), "cvss_v3", fileName, scorePointer);
            if (cvss == null) {
                continue;
            }
            String cvssPointer = scorePointer + "/cvss_v3";
            String vector = FeedJson.optionalText(cvss, "vectorString", fileName, cvssPointer);
            String version = FeedJson.optionalText(cvss, "version", fileName, cvssPointer);
            if (version == null && vector != null && vector.startsWith("CVSS:3.")) {
                version = vector.substring("CVSS:".length(), "CVSS:3.1".length());
            }
            scores.add(new CsafScore(version, vector, FeedJson.optionalNumber(cvss, "baseScore", fileName, cvssPointer),
                    ids(fileName, scorePointer, nodes.get(i), "products")));
        }
        return scores;
    }

    private static List<CsafRemediation> remediations(String fileName, String pointer, JsonNode vulnerability,
            Map<String, List<String>> groups) throws FeedFormatException {
        List<CsafRemediation> remediations = new ArrayList<>();
        JsonNode nodes = FeedJson.optionalArray(vulnerability, "remediations", fileName, pointer);
        for (int i = 0; i < nodes.size(); i++) {
            String remediationPointer = pointer + "/remediations/" + i;
            JsonNode node = nodes.get(i);
            Set<String> productIds = new LinkedHashSet<>(ids(fileName, remediationPointer, node, "product_ids"));
            List<String> groupIds = ids(fileName, remediationPointer, node, "group_ids");
            for (String groupId : groupIds) {
                List<String> members = groups.get(groupId);
                if (members == null) {
                    throw FeedFormatException.atPointer(fileName, remediationPointer + "/group_ids",
                            "product group " + groupId + " is not defined in the product tree");
                }
                productIds.addAll(members);
            }
            remediations.add(new CsafRemediation(
                    FeedJson.requiredText(node, "category", fileName, remediationPointer),
                    FeedJson.optionalText(node, "details", fileName, remediationPointer),
                    FeedJson.optionalText(node, "url", fileName, remediationPointer),
                    new ArrayList<>(productIds)));
        }
        return remediations;
    }

    private static List<String> referenceUrls(String fileName, String pointer, JsonNode vulnerability)
            throws FeedFormatException {
        List<String> urls = new ArrayList<>();
        JsonNode references = FeedJson.optionalArray(vulnerability, "references", fileName, pointer);
        for (int i = 0; i < references.size(); i++) {
            String url = FeedJson.optionalText(references.get(i), "url", fileName, pointer + "/references/" + i);
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** Collects the string ids of one or more list fields, in order and without repeats. */
    private static List<String> ids(String fileName, String pointer, JsonNode parent, String... fields)
            throws FeedFormatException {
        Set<String> ids = new LinkedHashSet<>();
        for (String field : fields) {
            JsonNode list = FeedJson.optionalArray(parent, field, fileName, pointer);
            for (int i = 0; i < list.size(); i++) {
                JsonNode id = list.get(i);
                if (!id.isTextual()) {
                    throw FeedFormatException.atPointer(fileName, pointer + "/" + field + "/" + i,
                            "expected a product id, found " + FeedJson.kind(id));
                }
                ids.add(id.asText());
            }
        }
        return new ArrayList<>(ids);
    }
}
