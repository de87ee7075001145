package org.patchdesk.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.patchdesk.demo.AdvisoryProducts.AdvisoryProduct;
import org.patchdesk.demo.DemoDevice.AcquisitionDate;
import org.patchdesk.demo.DemoDevice.AssetTag;
import org.patchdesk.demo.DemoDevice.DateStyle;
import org.patchdesk.demo.NetworkAddresses.MacNotation;

/**
 * Makes the rows of one demo inventory from a seeded random number generator, so that the same
 * seed, date and device count give the same rows. Some rows are reserved for the advisory products:
 * every version in {@link AdvisoryProducts} gets one row at a random position, as long as the
 * inventory has enough rows.
 */
final class DemoDeviceFactory {

    private static final WeightedChoice<String> STATUSES = new WeightedChoice<>(
            List.of("Active", "Inactive", "In Storage", "Retired"), new int[] {84, 5, 7, 4});
    private static final WeightedChoice<DateStyle> DATE_STYLES = new WeightedChoice<>(
            List.of(DateStyle.EXCEL_DATE, DateStyle.US_TEXT, DateStyle.DAY_MONTH_TEXT, DateStyle.BLANK), new int[] {80, 8, 6, 6});
    /** Scales kind shares times product weights to integer weights with enough resolution for small products. */
    private static final int WEIGHT_SCALE = 1_000;
    private static final int BLANK_VERSION_PERCENT = 4;
    private static final int FULL_VLAN_NAME_PERCENT = 60;

    /** A row reserved for one version of an advisory product. */
    private record Reserved(ProductLine line, String version) {
    }

    /** The network columns of one row. */
    private record NetworkCells(String networked, String ipAddresses, String macAddresses, String hostname, String vlan,
            String remoteAccess) {
    }

    private final SplittableRandom random;
    private final LocalDate today;
    private final WeightedChoice<ProductLine> products;
    private final Map<Integer, Reserved> reservedRows;
    private final Identifiers identifiers;
    private final NetworkAddresses addresses;

    /** Acquisition dates lie before {@code today}, the export date, and notes mention months before it. */
    DemoDeviceFactory(SplittableRandom random, LocalDate today, int deviceCount) {
        this.random = random;
        this.today = today;
        this.products = productChoice();
        this.reservedRows = reserveRows(deviceCount);
        this.identifiers = new Identifiers(random);
        this.addresses = new NetworkAddresses(random);
    }

    /** Returns the number of rows needed to give every advisory product version its own row. */
    static int reservedRowCount() {
        return advisoryVersions().size();
    }

    /** Makes the device of row {@code index}, counted from 0. Rows must be made in order. */
    DemoDevice create(int index) {
        Reserved reserved = reservedRows.get(index);
        ProductLine line = reserved != null ? reserved.line() : products.pick(random);
        String version = reserved != null ? reserved.version() : pickVersion(line);
        Department department = pickDepartment(line);
        String status = STATUSES.pick(random);
        Platform platform = pick(line.platforms());
        AcquisitionDate acquired = new AcquisitionDate(acquisitionDate(line, platform), DATE_STYLES.pick(random));

        NetworkCells network = network(line, department);
        DeviceLocations.Place place = DeviceLocations.place(random, department, status);
        boolean dhcp = !network.macAddresses().isEmpty() && network.ipAddresses().isEmpty();
        String note = DeviceNotes.note(random, today, status, department, dhcp);
        String phi = line.kind().phi.pick(random);

        AssetTag assetTag = identifiers.nextAssetTag();
        String cmmsId = identifiers.nextCmmsId();
        String serialNumber = identifiers.nextSerialNumber(line.serialPattern());
        return new DemoDevice(assetTag, cmmsId, pickSpelling(line.manufacturers()), pickSpelling(line.models()), serialNumber,
                line.description(), department.displayName, place.location(), place.building(), place.floor(), place.room(), status,
                acquired, version, platform.os(), platform.osVersion(), network.ipAddresses(), network.macAddresses(),
                network.hostname(), network.vlan(), network.networked(), network.remoteAccess(), phi, note);
    }

    /** Weighs each product by its kind's share of the inventory, split over the products of that kind. */
    private static WeightedChoice<ProductLine> productChoice() {
        List<ProductLine> lines = new ArrayList<>(ProductCatalog.LINES);
        for (AdvisoryProduct product : AdvisoryProducts.ALL) {
            lines.add(product.line());
        }
        Map<DeviceKind, Integer> kindTotals = new EnumMap<>(DeviceKind.class);
        for (ProductLine line : lines) {
            kindTotals.merge(line.kind(), line.weight(), Integer::sum);
        }
        int[] weights = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            ProductLine line = lines.get(i);
            long scaled = (long) line.kind().share * line.weight() * WEIGHT_SCALE / kindTotals.get(line.kind());
            weights[i] = (int) Math.max(1, scaled);
        }
        return new WeightedChoice<>(lines, weights);
    }

    private static List<Reserved> advisoryVersions() {
        List<Reserved> versions = new ArrayList<>();
        for (AdvisoryProduct product : AdvisoryProducts.ALL) {
            for (String version : product.line().versions()) {
                versions.add(new Reserved(product.line(), version));
            }
        }
        return versions;
    }

    private Map<Integer, Reserved> reserveRows(int deviceCount) {
        List<Reserved> versions = advisoryVersions();
        Map<Integer, Reserved> rows = new HashMap<>();
        Set<Integer> usedRows = new HashSet<>();
        for (int i = 0; i < Math.min(versions.size(), deviceCount); i++) {
            int row = random.nextInt(deviceCount);
            while (!usedRows.add(row)) {
                row = random.nextInt(deviceCount);
            }
            rows.put(row, versions.get(i));
        }
        return rows;
    }

    private String pickVersion(ProductLine line) {
        if (random.nextInt(100) < BLANK_VERSION_PERCENT) {
            return "";
        }
        return pick(line.versions());
    }

    private Department pickDepartment(ProductLine line) {
        return line.departments() != null ? pick(line.departments()) : line.kind().departments.pick(random);
    }

    /** Picks the common spelling (the first) in six of ten rows and a data-entry variant otherwise. */
    private String pickSpelling(List<String> spellings) {
        if (spellings.size() == 1 || random.nextInt(10) < 6) {
            return spellings.get(0);
        }
        return spellings.get(random.nextInt(1, spellings.size()));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Draws a day in the years both the product and its operating system were sold, before today. */
    private LocalDate acquisitionDate(ProductLine line, Platform platform) {
        int firstYear = Math.max(line.firstYear(), platform.firstYear());
        int lastYear = Math.min(today.getYear(), platform.lastYear());
        if (firstYear > lastYear) {
            firstYear = line.firstYear();
            lastYear = today.getYear();
        }
        LocalDate last = LocalDate.of(lastYear, 12, 31);
        if (!last.isBefore(today)) {
            last = today.minusDays(1);
        }
        LocalDate first = LocalDate.of(firstYear, 1, 1);
        if (first.isAfter(last)) {
            first = last;
        }
        return first.plusDays(random.nextLong(ChronoUnit.DAYS.between(first, last) + 1));
    }

    private NetworkCells network(ProductLine line, Department department) {
        if (random.nextInt(100) >= line.networkedPercent()) {
            return new NetworkCells(random.nextBoolean() ? "N" : "No", "", "", "", "", random.nextBoolean() ? "No" : "");
        }
        DeviceKind kind = line.kind();
        int interfaces = random.nextInt(100) < kind.dualNicPercent ? 2 : 1;
        MacNotation notation = NetworkAddresses.NOTATIONS.pick(random);
        String oui = pick(line.ouis());
        List<String> macs = new ArrayList<>(interfaces);
        for (int i = 0; i < interfaces; i++) {
            macs.add(NetworkAddresses.formatMac(addresses.nextMac(oui), notation));
        }
        List<String> ips = new ArrayList<>(interfaces);
        if (random.nextInt(100) < kind.recordedIpPercent) {
            for (int i = 0; i < interfaces; i++) {
                ips.add(addresses.nextIp(department));
            }
        }
        String hostname = kind.hasHostnames && !line.hostCode().isEmpty() ? identifiers.nextHostname(department, line.hostCode()) : "";
        String vlan = random.nextInt(100) < FULL_VLAN_NAME_PERCENT
                ? "VLAN " + department.vlan + " - " + department.vlanName
                : Integer.toString(department.vlan);
        return new NetworkCells(random.nextBoolean() ? "Y" : "Yes", String.join(", ", ips), String.join("; ", macs), hostname, vlan,
                kind.remoteAccess.pick(random));
    }
}
