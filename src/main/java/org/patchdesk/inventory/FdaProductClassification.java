package org.patchdesk.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The FDA product classification file ({@code foiclass.txt}, pipe-delimited, Windows-1252, about
 * 6,000 product codes, as published by the FDA around 2016), and the lookup from the device type
 * names a CMMS uses to a product code.
 */
public final class FdaProductClassification {

    private static final String RESOURCE = "foiclass.txt";

    /**
     * Common CMMS device type names and the product code that best describes them. Names are in
     * the normalized form of {@link #typeKey}.
     */
    private static final Map<String, String> COMMON_TYPE_CODES = commonTypeCodes();

    private final Map<String, FdaProductCode> byCode;
    private final Map<String, FdaProductCode> byNameWords;

    private FdaProductClassification(Map<String, FdaProductCode> byCode) {
        this.byCode = byCode;
        Map<String, FdaProductCode> words = new HashMap<>();
        for (FdaProductCode code : byCode.values()) {
            words.putIfAbsent(sortedWords(code.deviceName()), code);
        }
        this.byNameWords = words;
    }

    /** Loads the copy of the FDA file that ships with PatchDesk. */
    public static FdaProductClassification load() {
        try (InputStream in = FdaProductClassification.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The FDA product classification " + RESOURCE + " is missing from the application");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the FDA product classification failed", e);
        }
    }

    static FdaProductClassification read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.forName("windows-1252")));
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("The FDA product classification is empty");
        }
        List<String> columns = List.of(header.split("\\|", -1));
        int codeColumn = requireColumn(columns, "PRODUCTCODE");
        int nameColumn = requireColumn(columns, "DEVICENAME");
        int classColumn = requireColumn(columns, "DEVICECLASS");
        int lifeColumn = requireColumn(columns, "Life_Sustain_support_flag");
        Map<String, FdaProductCode> byCode = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String[] cells = line.split("\\|", -1);
            if (cells.length <= lifeColumn) {
                continue;
            }
            String code = cells[codeColumn].trim();
            byCode.put(code, new FdaProductCode(code, cells[nameColumn].trim(), cells[classColumn].trim(),
                    "Y".equalsIgnoreCase(cells[lifeColumn].trim())));
        }
        return new FdaProductClassification(Map.copyOf(byCode));
    }

    private static int requireColumn(List<String> columns, String name) throws IOException {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IOException("The FDA product classification has no column " + name);
        }
        return index;
    }

    public Optional<FdaProductCode> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    public Collection<FdaProductCode> all() {
        return byCode.values();
    }

    /**
     * Finds the product code for a CMMS device type name: first among common CMMS names, then an
     * FDA device name with the same words in any order ("Infusion Pump" finds "Pump, Infusion").
     */
    public Optional<FdaProductCode> forDeviceType(String typeName) {
        String code = COMMON_TYPE_CODES.get(typeKey(typeName));
        if (code != null) {
            return byCode(code);
        }
        return Optional.ofNullable(byNameWords.get(sortedWords(typeName)));
    }

    /** Lower-cases a name and replaces every run of characters other than letters and digits with one space. */
    public static String typeKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").trim();
    }

    private static String sortedWords(String name) {
        return String.join(" ", new TreeSet<>(List.of(typeKey(name).split(" "))));
    }

    private static Map<String, String> commonTypeCodes() {
        Map<String, String> codes = new HashMap<>();
        put(codes, "FRN", "infusion pump", "infusion pumps", "iv pump", "large volume pump", "lvp", "syringe pump",
                "infusion system", "infusion pump module", "pump infusion", "point of care unit", "pcu");
        put(codes, "MEA", "pca pump", "patient controlled analgesia pump");
        put(codes, "MHX", "patient monitor", "patient monitors", "physiological monitor", "bedside monitor", "monitor patient",
                "central station", "central monitoring station", "patient information center", "multiparameter monitor");
        put(codes, "MWI", "vital signs monitor", "spot check monitor");
        put(codes, "DRG", "telemetry", "telemetry transmitter", "telemetry system");
        put(codes, "CBK", "ventilator", "ventilators", "mechanical ventilator", "icu ventilator", "critical care ventilator");
        put(codes, "NQY", "home ventilator", "portable ventilator");
        put(codes, "BSZ", "anesthesia machine", "anesthesia workstation", "anesthesia system", "anesthesia unit",
                "anaesthesia machine", "anesthesia delivery system");
        put(codes, "LDD", "defibrillator", "defibrillator monitor", "defib", "monitor defibrillator");
        put(codes, "MKJ", "aed", "automated external defibrillator");
        put(codes, "JAK", "ct scanner", "ct", "computed tomography", "ct system", "cat scanner", "ct scanner system");
        put(codes, "LNH", "mri", "mr", "mri scanner", "mr scanner", "mr system", "mri system", "magnetic resonance imaging");
        put(codes, "KPR", "x ray", "xray", "x ray system", "radiographic system", "digital radiography", "dr system",
                "radiography system", "x ray radiographic");
        put(codes, "IZL", "portable x ray", "mobile x ray", "x ray portable", "x ray mobile");
        put(codes, "JAA", "fluoroscopy", "c arm", "fluoroscopy system");
        put(codes, "IYN", "ultrasound", "ultrasound system", "ultrasound scanner", "sonography", "ultrasound imaging system");
        put(codes, "LLZ", "pacs", "pacs workstation", "pacs server", "radiology workstation", "imaging workstation",
                "image processing workstation", "advanced visualization workstation");
        put(codes, "DPS", "ecg", "ekg", "electrocardiograph", "ecg cart", "ekg cart", "12 lead ecg");
        put(codes, "DQA", "pulse oximeter", "oximeter", "spo2 monitor");
        put(codes, "DXN", "nibp monitor", "blood pressure monitor");
        put(codes, "HGM", "fetal monitor", "fetal monitoring system");
        put(codes, "FKP", "dialysis machine", "hemodialysis machine", "dialysis system");
        put(codes, "JJE", "chemistry analyzer", "clinical chemistry analyzer", "lab analyzer", "laboratory analyzer");
        put(codes, "GEI", "electrosurgical unit", "esu", "electrosurgical generator");
        put(codes, "FLL", "thermometer", "electronic thermometer");
        return Map.copyOf(codes);
    }

    private static void put(Map<String, String> codes, String code, String... names) {
        for (String name : names) {
            codes.put(typeKey(name), code);
        }
    }
}
