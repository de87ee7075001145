package org.patchdesk.demo;

import static org.patchdesk.demo.DeviceKind.CENTRAL_STATION;
import static org.patchdesk.demo.DeviceKind.INFUSION_ACCESSORY;
import static org.patchdesk.demo.DeviceKind.INFUSION_PUMP;
import static org.patchdesk.demo.DeviceKind.PACS_WORKSTATION;
import static org.patchdesk.demo.DeviceKind.PATIENT_MONITOR;
import static org.patchdesk.demo.DeviceKind.SERVER;
import static org.patchdesk.demo.DeviceKind.VENTILATOR;
import static org.patchdesk.demo.ProductCatalog.ALARIS_OUI;
import static org.patchdesk.demo.ProductCatalog.BBRAUN_OUI;
import static org.patchdesk.demo.ProductCatalog.BD_OUI;
import static org.patchdesk.demo.ProductCatalog.CAREFUSION_OUI;
import static org.patchdesk.demo.ProductCatalog.DELL_OUI;
import static org.patchdesk.demo.ProductCatalog.FRESENIUS_VIAL_OUI;
import static org.patchdesk.demo.ProductCatalog.HP_OUI;
import static org.patchdesk.demo.ProductCatalog.INTEL_OUI;
import static org.patchdesk.demo.ProductCatalog.PHILIPS_OUI;
import static org.patchdesk.demo.ProductCatalog.REALTEK_OUI;
import static org.patchdesk.demo.ProductCatalog.SMITHS_OUI;

import java.util.ArrayList;
import java.util.List;

/**
 * Products that CISA ICS medical advisories name, as the demo hospital's CMMS records them, with
 * the software versions the demo inventory gives them. {@code vendor} and {@code product} are spelled
 * as the advisory spells them. Versions inside the affected range are ones the advisory lists or its
 * range covers. Versions outside it are fixed releases or later ones. Every version of every product
 * appears in a demo inventory that is large enough (see {@link DemoInventoryGenerator}).
 *
 * <p>NOTE: Life2000 06.09.00.00 and PIC iX D.00 are made up in the vendor's numbering style, because
 * the advisories name no fixed version. The CMS8000 build outside the listed range is made up too, and
 * is still affected, because ICSMA-25-030-01 names all CMS8000 versions.
 */
final class AdvisoryProducts {

    /** An advisory product and the versions chosen for it. {@code line.versions()} contains both lists. */
    record AdvisoryProduct(String vendor, String product, List<String> insideRange, List<String> outsideRange, ProductLine line) {

        AdvisoryProduct {
            insideRange = List.copyOf(insideRange);
            outsideRange = List.copyOf(outsideRange);
        }
    }

    private static final String BD = "BD|Becton Dickinson|CareFusion|BD Medical";
    private static final String PHILIPS = "Philips|Philips Healthcare|Phillips|Philips Medical Systems";
    private static final String CONTEC = "Contec|Contec Medical Systems|CONTEC|Contec Health";
    private static final String BBRAUN = "B. Braun|B Braun Medical|B. Braun Medical Inc.|BBraun";
    private static final String FRESENIUS = "Fresenius Kabi|Fresenius|Fresenius-Kabi";

    static final List<AdvisoryProduct> ALL = List.of(
            product("Becton, Dickinson and Company (BD)", "BD Alaris Point-of-Care Unit (PCU) Model 8015",
                    List.of("9.19", "9.33", "12.1.0", "12.1.2", "12.1.3"), List.of("12.3.1"),
                    ProductLine.of(INFUSION_PUMP, 22, BD, "Alaris PCU 8015|8015|Alaris PC Unit 8015|PCU 8015", "")
                            .networked(90, ALARIS_OUI, CAREFUSION_OUI, BD_OUI).on(Platform.VXWORKS, Platform.NONE).serial("########").since(2006)),
            product("Becton, Dickinson and Company (BD)", "BD Alaris Systems Manager",
                    List.of("4.33", "12.1.0", "12.3"), List.of("12.5.1"),
                    ProductLine.of(SERVER, 3, BD, "Alaris Systems Manager|Systems Manager|Alaris SM", "")
                            .described("Infusion Management Server").networked(100, DELL_OUI, HP_OUI)
                            .on(Platform.WINDOWS_SERVER_2012_R2, Platform.WINDOWS_SERVER_2016).host("ASM").serial("@@#######")
                            .since(2013).in(Department.PHARMACY)),
            product("Baxter", "Life2000 Ventilation System",
                    List.of("06.07.00.00", "06.08.00.00"), List.of("06.09.00.00"),
                    ProductLine.of(VENTILATOR, 6, "Baxter|Baxter Healthcare|Breathe Technologies|Hill-Rom",
                            "Life2000|Life2000 Ventilator|Life 2000|L2K Ventilator", "").serial("L2K-######").since(2017)),
            product("Philips", "Patient Information Center iX (PICiX)",
                    List.of("B.02", "C.02", "C.03"), List.of("D.00"),
                    ProductLine.of(CENTRAL_STATION, 35, PHILIPS, "PIC iX|Patient Information Center iX|PIC iX Surveillance|PICiX", "")
                            .networked(100, DELL_OUI, INTEL_OUI, HP_OUI)
                            .on(Platform.WINDOWS_10_LTSC_2019, Platform.WINDOWS_10_IOT_2021, Platform.WINDOWS_SERVER_2012_R2)
                            .host("PICIX").serial("US########").since(2015)),
            product("Philips", "PerformanceBridge Focal Point",
                    List.of("A.01"), List.of(),
                    ProductLine.of(SERVER, 1, PHILIPS, "PerformanceBridge Focal Point|Focal Point|PerformanceBridge", "")
                            .described("Clinical Interface Server").networked(100, DELL_OUI, HP_OUI)
                            .on(Platform.WINDOWS_SERVER_2016).host("FOCALPT").serial("US########").since(2018)
                            .in(Department.ICU, Department.CARDIOLOGY)),
            product("Philips", "IntelliVue patient monitor MX400-MX850",
                    List.of("L.01", "M.04", "N.01"), List.of(),
                    ProductLine.of(PATIENT_MONITOR, 30, PHILIPS, "IntelliVue MX450|MX450|IntelliVue MX500|MX800|IntelliVue MX750|MX550", "")
                            .networked(85, PHILIPS_OUI).on(Platform.VXWORKS, Platform.NONE).serial("DE########").since(2013)),
            product("Philips", "IntelliVue patient monitor MP2-MP90",
                    List.of("H.15", "J.10", "L.01"), List.of(),
                    ProductLine.of(PATIENT_MONITOR, 12, PHILIPS, "IntelliVue MP70|MP50|IntelliVue MP30|MP5|IntelliVue MP90", "")
                            .networked(80, PHILIPS_OUI).on(Platform.VXWORKS, Platform.NONE).serial("DE########").since(2006)),
            product("Philips", "IntelliVue X3",
                    List.of("M.04", "N.01"), List.of(),
                    ProductLine.of(PATIENT_MONITOR, 6, PHILIPS, "IntelliVue X3|X3|IntelliVue X3 Transport", "")
                            .networked(70, PHILIPS_OUI).serial("DE########").since(2016)),
            product("Philips", "IntelliVue X2",
                    List.of("H.15", "L.01"), List.of(),
                    ProductLine.of(PATIENT_MONITOR, 3, PHILIPS, "IntelliVue X2|X2|M3002A", "")
                            .networked(60, PHILIPS_OUI).serial("DE########").since(2008)),
            product("Philips", "IntelliVue patient monitor MX100",
                    List.of("M.04", "N.01"), List.of(),
                    ProductLine.of(PATIENT_MONITOR, 3, PHILIPS, "IntelliVue MX100|MX100", "")
                            .networked(60, PHILIPS_OUI).serial("DE########").since(2016)),
            product("Phillips", "IntelliSpace Portal 7.0.x",
                    List.of("7.0.1", "7.0.3"), List.of("9.0.1"),
                    intelliSpacePortal(8)),
            product("Phillips", "IntelliSpace Portal 8.0.x",
                    List.of("8.0.1", "8.0.2"), List.of("11.1", "12.1"),
                    intelliSpacePortal(8)),
            product("Contec Health", "CMS8000 CONTEC ICU CCU Vital Signs Patient Monitor",
                    List.of("smart3250-2.6.27-wlan2.1.7.cramfs", "CMS7.820.075.08/0.74(0.75)", "CMS7.820.120.01/0.93(0.95)"),
                    List.of("CMS7.820.120.04/0.95(0.97)"),
                    ProductLine.of(PATIENT_MONITOR, 6, CONTEC, "CMS8000|CMS 8000|CMS8000 Patient Monitor|CMS-8000", "")
                            .networked(90, REALTEK_OUI).on(Platform.EMBEDDED_LINUX).serial("########").since(2014)),
            product("B. Braun Medical", "SpaceStation with SpaceCom 2",
                    List.of("012U000040", "012U000061"), List.of("012U000093"),
                    ProductLine.of(INFUSION_ACCESSORY, 10, BBRAUN, "SpaceStation with SpaceCom 2|SpaceCom 2|SpaceCom|Space Station w/ SpaceCom", "")
                            .networked(100, BBRAUN_OUI).on(Platform.EMBEDDED_LINUX).serial("#######").since(2015)),
            product("Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump",
                    List.of("1.1", "1.1.2", "1.5", "1.6"), List.of("1.6.1", "1.7.0"),
                    ProductLine.of(INFUSION_PUMP, 5, "Smiths Medical|Smiths Medical ASD|Smiths", "Medfusion 4000|4000|Medfusion 4000 Wireless", "")
                            .networked(70, SMITHS_OUI).serial("########").since(2011)),
            product("Fresenius Kabi", "Agilia Connect WiFi module of the pumps",
                    List.of("D22", "D25"), List.of("D29"),
                    ProductLine.of(INFUSION_PUMP, 3, FRESENIUS, "Agilia VP MC WiFi|Agilia SP MC WiFi|Agilia VP MC|Agilia SP MC", "")
                            .networked(90, FRESENIUS_VIAL_OUI).serial("########").since(2017)),
            product("Fresenius Kabi", "Agilia Link+",
                    List.of("3.0 D13", "3.0 D15"), List.of("3.0 D16"),
                    ProductLine.of(INFUSION_ACCESSORY, 3, FRESENIUS, "Agilia Link+|Link+ Agilia|Agilia Link Plus", "")
                            .described("Infusion Pump Rack").networked(100, FRESENIUS_VIAL_OUI).serial("########").since(2017)));

    private AdvisoryProducts() {
    }

    private static AdvisoryProduct product(String vendor, String product, List<String> insideRange, List<String> outsideRange,
            ProductLine line) {
        List<String> versions = new ArrayList<>(insideRange);
        versions.addAll(outsideRange);
        return new AdvisoryProduct(vendor, product, insideRange, outsideRange, line.withVersions(versions));
    }

    private static ProductLine intelliSpacePortal(int weight) {
        return ProductLine.of(PACS_WORKSTATION, weight, PHILIPS, "IntelliSpace Portal|Intellispace Portal|ISP|IntelliSpace Portal Workstation", "")
                .networked(100, DELL_OUI, HP_OUI, INTEL_OUI)
                .on(Platform.WINDOWS_7, Platform.WINDOWS_SERVER_2012_R2, Platform.WINDOWS_10).host("ISP").serial("@@#######").since(2013);
    }
}
