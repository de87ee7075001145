package org.patchdesk.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jdbi.v3.core.Handle;
import org.patchdesk.intel.versions.Applicability;
import org.patchdesk.intel.versions.VersionSpec;

/**
 * Writes feed files for a large benchmark site: CSAF 2.0 advisories about the products of an
 * inventory, KEV catalogs that list some of their CVEs beside the real catalog, and a second EPSS
 * file with changed scores. Everything is random but repeatable: the same inventory and seed give
 * the same files.
 */
final class SyntheticFeeds {

    /** CVSS v3.1 base vectors of the kinds medical-device advisories publish. */
    private static final List<String> VECTORS = List.of(
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:H",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
            "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");

    private final ObjectMapper mapper = new ObjectMapper();

    /** A product of the inventory with the number of in-service devices on each software version (null for no version). */
    record Product(long id, String manufacturer, String model, Map<String, Integer> devicesByVersion) {
    }

    /** What one advisory states about one CVE on one product: a version range, or a list of exact versions. */
    record Affected(Product product, String range, List<String> exactVersions) {
    }

    record Cve(String id, String vector, List<Affected> affected) {
    }

    record Advisory(String trackingId, String manufacturer, List<Cve> cves) {
    }

    /** The advisories planned for a site and the number of findings they are expected to cause. */
    record Plan(List<Advisory> advisories, long expectedFindings) {

        List<Cve> cves() {
            return advisories.stream().flatMap(advisory -> advisory.cves().stream()).toList();
        }
    }

    /** Loads the inventory's products with the software versions of their devices, leaving out retired devices. */
    static List<Product> loadProducts(Handle handle) {
        Map<Long, Product> products = new LinkedHashMap<>();
        handle.createQuery("SELECT p.id, m.name, p.model, d.software_version, COUNT(*) FROM device d JOIN product p ON p.id = d.product_id"
                        + " JOIN manufacturer m ON m.id = p.manufacturer_id WHERE d.status <> 'RETIRED'"
                        + " GROUP BY p.id, m.name, p.model, d.software_version ORDER BY p.id, d.software_version")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)})
                .forEach(row -> products.computeIfAbsent((Long) row[0], id -> new Product(id, (String) row[1], (String) row[2],
                        new LinkedHashMap<>())).devicesByVersion().put((String) row[3], (Integer) row[4]));
        return List.copyOf(products.values());
    }

    /**
     * Plans advisories until the findings they are expected to cause reach {@code targetFindings}.
     * Each advisory names one to four products of one manufacturer and three to ten CVEs, and a
     * CVE affects one product, or with one chance in five, two or more of them. The expected count
     * tests every device version with the same version rules the finding engine uses, and it
     * counts a device whose version needs review as a finding, as the engine does. It leaves out
     * what the KEV catalog adds later.
     */
    static Plan plan(List<Product> products, List<String> cveIds, long targetFindings, Random random) {
        Map<String, List<Product>> byManufacturer = new LinkedHashMap<>();
        for (Product product : products) {
            byManufacturer.computeIfAbsent(product.manufacturer(), key -> new ArrayList<>()).add(product);
        }
        List<Advisory> advisories = new ArrayList<>();
        long expected = 0;
        int nextCve = 0;
        while (expected < targetFindings) {
            // A manufacturer with many products publishes more advisories, so pick one through a random product.
            String manufacturer = products.get(random.nextInt(products.size())).manufacturer();
            List<Product> lineUp = new ArrayList<>(byManufacturer.get(manufacturer));
            Collections.shuffle(lineUp, random);
            List<Product> named = lineUp.subList(0, Math.min(lineUp.size(), 1 + random.nextInt(4)));
            List<Cve> cves = new ArrayList<>();
            int cveCount = 3 + random.nextInt(8);
            for (int c = 0; c < cveCount && nextCve < cveIds.size(); c++) {
                List<Affected> affected = new ArrayList<>();
                boolean several = named.size() > 1 && random.nextInt(5) == 0;
                for (Product product : several ? named : List.of(named.get(random.nextInt(named.size())))) {
                    Affected statement = affected(product, random);
                    affected.add(statement);
                    expected += expectedFindings(statement);
                }
                cves.add(new Cve(cveIds.get(nextCve++), VECTORS.get(random.nextInt(VECTORS.size())), affected));
            }
            if (cves.isEmpty()) {
                throw new IllegalStateException("The EPSS file has too few CVE ids for " + targetFindings + " findings");
            }
            advisories.add(new Advisory(String.format(Locale.ROOT, "ICSMA-BENCH-%04d", advisories.size() + 1), manufacturer, cves));
        }
        return new Plan(advisories, expected);
    }

    /** Chooses the versions a CVE affects: up to a version (six in ten), some exact versions (three in ten), or all versions. */
    private static Affected affected(Product product, Random random) {
        List<String> versions = product.devicesByVersion().keySet().stream().filter(version -> version != null).sorted().toList();
        int kind = random.nextInt(10);
        if (versions.isEmpty() || kind == 9) {
            return new Affected(product, "vers:all/*", List.of());
        }
        if (kind < 6) {
            return new Affected(product, "<=" + versions.get(random.nextInt(versions.size())), List.of());
        }
        List<String> exact = new ArrayList<>(versions);
        Collections.shuffle(exact, random);
        return new Affected(product, null, List.copyOf(exact.subList(0, 1 + random.nextInt(exact.size()))));
    }

    private static long expectedFindings(Affected statement) {
        long count = 0;
        for (Map.Entry<String, Integer> entry : statement.product().devicesByVersion().entrySet()) {
            if (applies(statement, entry.getKey())) {
                count += entry.getValue();
            }
        }
        return count;
    }

    private static boolean applies(Affected statement, String deviceVersion) {
        if (statement.range() != null) {
            return VersionSpec.range(statement.range()).test(deviceVersion) != Applicability.NOT_AFFECTED;
        }
        boolean anyReview = false;
        for (String version : statement.exactVersions()) {
            Applicability result = VersionSpec.exact(version).test(deviceVersion);
            if (result == Applicability.AFFECTED) {
                return true;
            }
            anyReview |= result == Applicability.NEEDS_REVIEW;
        }
        return anyReview;
    }

    /** Writes each advisory as a CSAF 2.0 file named after its tracking id, and returns the files. */
    List<Path> writeCsaf(Path folder, Plan plan) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (Advisory advisory : plan.advisories()) {
            Path file = folder.resolve(advisory.trackingId().toLowerCase(Locale.ROOT) + ".json");
            mapper.writeValue(file.toFile(), csaf(advisory));
            files.add(file);
        }
        return files;
    }

    private ObjectNode csaf(Advisory advisory) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode document = root.putObject("document");
        document.put("category", "csaf_security_advisory");
        document.put("csaf_version", "2.0");
        document.put("title", advisory.manufacturer() + " products (benchmark advisory)");
        document.putObject("publisher").put("category", "coordinator").put("name", "PatchDesk benchmark");
        ObjectNode tracking = document.putObject("tracking");
        tracking.put("id", advisory.trackingId());
        tracking.put("version", "1");
        tracking.put("status", "final");
        tracking.put("initial_release_date", "2026-11-20T07:00:00.000000Z");
        tracking.put("current_release_date", "2026-11-20T07:00:00.000000Z");

        // One product_name branch per product, with one leaf per version statement that any CVE uses.
        Map<String, String> productIds = new LinkedHashMap<>();
        Map<Long, ArrayNode> leavesByProduct = new LinkedHashMap<>();
        ArrayNode vendorBranches = root.putObject("product_tree").putArray("branches").addObject()
                .put("category", "vendor").put("name", advisory.manufacturer()).putArray("branches");
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (Cve cve : advisory.cves()) {
            ObjectNode vulnerability = vulnerabilities.addObject();
            vulnerability.put("cve", cve.id());
            vulnerability.putObject("cwe").put("id", "CWE-287").put("name", "Improper Authentication");
            vulnerability.put("title", "Benchmark vulnerability " + cve.id());
            ArrayNode knownAffected = vulnerability.putObject("product_status").putArray("known_affected");
            for (Affected affected : cve.affected()) {
                ArrayNode leaves = leavesByProduct.computeIfAbsent(affected.product().id(), id -> vendorBranches.addObject()
                        .put("category", "product_name").put("name", affected.product().model()).putArray("branches"));
                List<String[]> versions = affected.range() != null
                        ? List.<String[]>of(new String[] {"product_version_range", affected.range()})
                        : affected.exactVersions().stream().map(version -> new String[] {"product_version", version}).toList();
                for (String[] version : versions) {
                    String key = affected.product().id() + "\u0000" + version[0] + "\u0000" + version[1];
                    String productId = productIds.get(key);
                    if (productId == null) {
                        productId = String.format(Locale.ROOT, "CSAFPID-%04d", productIds.size() + 1);
                        productIds.put(key, productId);
                        leaves.addObject().put("category", version[0]).put("name", version[1]).putObject("product")
                                .put("name", advisory.manufacturer() + " " + affected.product().model() + " " + version[1])
                                .put("product_id", productId);
                    }
                    knownAffected.add(productId);
                }
            }
            ObjectNode cvss = vulnerability.putArray("scores").addObject();
            cvss.set("products", knownAffected.deepCopy());
            cvss.putObject("cvss_v3").put("version", "3.1").put("vectorString", cve.vector());
        }
        return root;
    }

    /**
     * Writes a KEV catalog in the JSON layout CISA publishes: the real catalog of the test resources,
     * followed by an entry for each of {@code listed}, naming the product its first advisory names.
     */
    void writeKev(Path file, List<Cve> listed, String catalogVersion) throws IOException {
        ObjectNode root;
        try (InputStream in = SyntheticFeeds.class.getResourceAsStream("/intel/kev/known_exploited_vulnerabilities.json")) {
            if (in == null) {
                throw new IOException("The test resource /intel/kev/known_exploited_vulnerabilities.json is missing;"
                        + " run mvn test-compile");
            }
            root = (ObjectNode) mapper.readTree(in);
        }
        ArrayNode entries = (ArrayNode) root.get("vulnerabilities");
        for (Cve cve : listed) {
            Affected first = cve.affected().get(0);
            ObjectNode entry = entries.addObject();
            entry.put("cveID", cve.id());
            entry.put("vendorProject", first.product().manufacturer());
            entry.put("product", first.product().model());
            entry.put("vulnerabilityName", first.product().manufacturer() + " " + first.product().model() + " Improper Authentication");
            entry.put("dateAdded", "2026-11-25");
            entry.put("shortDescription", "Benchmark entry for " + cve.id() + ".");
            entry.put("requiredAction", "Apply mitigations per vendor instructions or discontinue use of the product.");
            entry.put("dueDate", "2026-12-16");
            entry.put("knownRansomwareCampaignUse", "Unknown");
            entry.put("notes", "");
            entry.putArray("cwes").add("CWE-287");
        }
        root.put("catalogVersion", catalogVersion);
        root.put("dateReleased", catalogVersion.replace('.', '-') + "T17:00:00.0000Z");
        root.put("count", entries.size());
        mapper.writeValue(file.toFile(), root);
    }

    /** Returns the CVE ids of an EPSS file in file order. */
    static List<String> readEpssIds(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("CVE-")) {
                    ids.add(line.substring(0, line.indexOf(',')));
                }
            }
        }
        return ids;
    }

    /**
     * Writes the next day's EPSS file: the same CVEs, with seven scores in ten moved by up to 15 %
     * and the others as they were. Percentiles are copied, so they no longer rank the scores
     * exactly, which the import does not check.
     */
    static void writeNextDay(Path from, Path to, Random random) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(from, StandardCharsets.US_ASCII);
             BufferedWriter writer = Files.newBufferedWriter(to, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    writer.write(line.replaceFirst("score_date:\\d{4}-\\d{2}-\\d{2}", "score_date:2026-09-30"));
                } else if (line.startsWith("CVE-") && random.nextInt(10) < 7) {
                    String[] fields = line.split(",");
                    double score = Double.parseDouble(fields[1]);
                    if (score >= 0.0001) {
                        double moved = Math.min(1.0, score * (0.85 + 0.3 * random.nextDouble()));
                        fields[1] = BigDecimal.valueOf(Math.max(moved, 0.0001)).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros()
                                .toPlainString();
                    }
                    writer.write(String.join(",", fields));
                } else {
                    writer.write(line);
                }
                writer.write('\n');
            }
        }
    }

    /** Copies a KEV catalog written by {@link #writeKev} with another catalog version and release date. */
    static Path redateKev(Path from, Path to, LocalDate date) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(from.toFile());
        root.put("catalogVersion", date.toString().replace('-', '.'));
        root.put("dateReleased", date + "T17:00:00.0000Z");
        new ObjectMapper().writeValue(to.toFile(), root);
        return to;
    }

    /** Copies an EPSS file with another {@code score_date}. */
    static Path redateEpss(Path from, Path to, LocalDate date) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(from, StandardCharsets.US_ASCII);
             BufferedWriter writer = Files.newBufferedWriter(to, StandardCharsets.US_ASCII)) {
            String line = reader.readLine();
            writer.write(line.replaceFirst("score_date:\\d{4}-\\d{2}-\\d{2}", "score_date:" + date));
            writer.write('\n');
            reader.transferTo(writer);
        }
        return to;
    }
}
