package org.patchdesk.demo;

import static org.patchdesk.demo.DeviceKind.ANESTHESIA;
import static org.patchdesk.demo.DeviceKind.CENTRAL_STATION;
import static org.patchdesk.demo.DeviceKind.CHEMISTRY_ANALYZER;
import static org.patchdesk.demo.DeviceKind.CT;
import static org.patchdesk.demo.DeviceKind.DEFIBRILLATOR;
import static org.patchdesk.demo.DeviceKind.HEMATOLOGY_ANALYZER;
import static org.patchdesk.demo.DeviceKind.INFUSION_PUMP;
import static org.patchdesk.demo.DeviceKind.LAB_WORKSTATION;
import static org.patchdesk.demo.DeviceKind.MRI;
import static org.patchdesk.demo.DeviceKind.PACS_WORKSTATION;
import static org.patchdesk.demo.DeviceKind.PATIENT_MONITOR;
import static org.patchdesk.demo.DeviceKind.PORTABLE_XRAY;
import static org.patchdesk.demo.DeviceKind.SERVER;
import static org.patchdesk.demo.DeviceKind.TELEMETRY;
import static org.patchdesk.demo.DeviceKind.ULTRASOUND;
import static org.patchdesk.demo.DeviceKind.VENTILATOR;
import static org.patchdesk.demo.DeviceKind.XRAY;
import static org.patchdesk.demo.Platform.EMBEDDED_LINUX;
import static org.patchdesk.demo.Platform.QNX;
import static org.patchdesk.demo.Platform.RED_HAT_LINUX;
import static org.patchdesk.demo.Platform.VXWORKS;
import static org.patchdesk.demo.Platform.WINDOWS_10;
import static org.patchdesk.demo.Platform.WINDOWS_10_IOT_2021;
import static org.patchdesk.demo.Platform.WINDOWS_10_LTSC_2019;
import static org.patchdesk.demo.Platform.WINDOWS_7;
import static org.patchdesk.demo.Platform.WINDOWS_CE_6;
import static org.patchdesk.demo.Platform.WINDOWS_EMBEDDED_7;
import static org.patchdesk.demo.Platform.WINDOWS_SERVER_2012_R2;
import static org.patchdesk.demo.Platform.WINDOWS_XP;

import java.util.ArrayList;
import java.util.List;

/**
 * The products of the demo inventory that no advisory in {@link AdvisoryProducts} names. Model
 * names are real products, but software versions are made up in each vendor's numbering style. MAC
 * prefixes are OUIs that the IEEE registry (as of August 2022) assigns to the manufacturer, or to the
 * PC and network module makers (Dell, HP, Intel, Lantronix, Silex, Realtek) whose parts devices contain.
 */
final class ProductCatalog {

    static final String PHILIPS_OUI = "00:09:FB";
    static final String PHILIPS_CARDIAC_OUI = "00:09:5C";
    static final String ALARIS_OUI = "00:D0:75";
    static final String CAREFUSION_OUI = "F8:C6:78";
    static final String BD_OUI = "9C:C8:AE";
    static final String BAXTER_OUI = "58:42:E4";
    static final String BBRAUN_OUI = "00:12:21";
    static final String SMITHS_OUI = "00:1A:01";
    static final String FRESENIUS_VIAL_OUI = "00:13:38";
    static final String REALTEK_OUI = "00:E0:4C";
    static final String DELL_OUI = "18:66:DA";
    static final String DELL_OLD_OUI = "00:14:22";
    static final String HP_OUI = "30:24:A9";
    static final String INTEL_OUI = "AC:ED:5C";
    static final String SILEX_OUI = "00:80:92";
    private static final String ICU_MEDICAL_OUI = "00:03:B1";
    private static final String GE_OUI = "44:4B:5D";
    private static final String DATEX_OUI = "00:40:97";
    private static final String SIEMENS_OUI = "08:00:06";
    private static final String MINDRAY_OUI = "00:0F:14";
    private static final String MINDRAY_USA_OUI = "00:A0:37";
    private static final String DRAEGER_OUI = "00:30:E6";
    private static final String DRAEGER_AG_OUI = "F0:E5:C3";
    private static final String HAMILTON_OUI = "00:1E:9A";
    private static final String LANTRONIX_OUI = "00:80:A3";
    private static final String FUJIFILM_OUI = "88:B4:36";
    private static final String BECKMAN_OUI = "D0:D2:86";
    private static final String SYSMEX_OUI = "00:06:6B";
    private static final String ZOLL_OUI = "00:22:52";
    private static final String PHYSIO_CONTROL_OUI = "40:BD:9E";
    private static final String STRYKER_OUI = "00:0D:D1";

    private static final String BD = "BD|Becton Dickinson|CareFusion|BD Medical|Alaris Medical Systems";
    private static final String BAXTER = "Baxter|Baxter Healthcare|Baxter International";
    private static final String BBRAUN = "B. Braun|B Braun Medical|B. Braun Medical Inc.|BBraun";
    private static final String SMITHS = "Smiths Medical|Smiths Medical ASD|Smiths";
    private static final String PHILIPS = "Philips|Philips Healthcare|Phillips|Philips Medical Systems";
    private static final String GE = "GE Healthcare|GE Medical Systems|GE|GE HealthCare";
    private static final String SIEMENS = "Siemens|Siemens Healthineers|Siemens Medical Solutions USA|Siemens Healthcare";
    private static final String DRAEGER = "Draeger|Dräger|Draeger Medical|Drägerwerk";
    private static final String MINDRAY = "Mindray|Mindray North America|Mindray DS USA";
    private static final String FUJIFILM = "Fujifilm|FUJIFILM Healthcare|Fujifilm Medical Systems USA";
    private static final String BECKMAN = "Beckman Coulter|Beckman Coulter Inc.|Beckman";

    static final List<ProductLine> LINES = List.copyOf(lines());

    private ProductCatalog() {
    }

    private static List<ProductLine> lines() {
        List<ProductLine> lines = new ArrayList<>();
        addInfusion(lines);
        addMonitoring(lines);
        addRespiratoryAndAnesthesia(lines);
        addImaging(lines);
        addLaboratory(lines);
        addDefibrillators(lines);
        return lines;
    }

    private static void addInfusion(List<ProductLine> lines) {
        lines.add(ProductLine.of(INFUSION_PUMP, 28, BD, "Alaris 8100|8100|Alaris LVP Module 8100|8100 LVP Module", "9.19|9.33|12.1.2|12.3.1")
                .since(2006));
        lines.add(ProductLine.of(INFUSION_PUMP, 5, BD, "Alaris 8110|8110|Alaris Syringe Module 8110", "9.19|12.1.2").since(2006));
        lines.add(ProductLine.of(INFUSION_PUMP, 15, BAXTER, "Spectrum IQ|Sigma Spectrum|Spectrum 35700", "8.00.01|8.01.01|9.02.01")
                .networked(80, BAXTER_OUI).on(VXWORKS).serial("S########").since(2012));
        lines.add(ProductLine.of(INFUSION_PUMP, 12, "ICU Medical|Hospira|ICU Medical Inc", "Plum 360|Plum A+ 360|Plum 360 Infuser",
                "15.10|15.11|15.20").networked(85, ICU_MEDICAL_OUI).on(VXWORKS).serial("#########").since(2014));
        lines.add(ProductLine.of(INFUSION_PUMP, 8, BBRAUN, "Infusomat Space|Infusomat Space LVP|Infusomat Space P", "686E|688K|689D")
                .networked(70, BBRAUN_OUI).serial("#######").since(2015));
        lines.add(ProductLine.of(INFUSION_PUMP, 4, SMITHS, "CADD-Solis 2110|CADD Solis|CADD-Solis", "4.1|4.2|4.3")
                .networked(30, SMITHS_OUI).serial("#######").since(2010));
        lines.add(ProductLine.of(INFUSION_PUMP, 3, SMITHS, "Medfusion 3500|3500|Medfusion 3500 Syringe", "5.0.0|6.0.0")
                .serial("########").since(2005));
    }

    private static void addMonitoring(List<ProductLine> lines) {
        lines.add(ProductLine.of(PATIENT_MONITOR, 25, GE, "CARESCAPE B450|CARESCAPE B650|B650|CARESCAPE B850", "2.0.4|3.0.1|3.2.0")
                .networked(85, GE_OUI).on(EMBEDDED_LINUX, Platform.NONE).serial("SK#######@@").since(2012));
        lines.add(ProductLine.of(PATIENT_MONITOR, 8, GE, "Dash 4000|DASH 4000|Dash 5000", "7.1|7.4")
                .networked(60, GE_OUI).on(QNX, Platform.NONE).serial("SD#######@@").since(2006));
        lines.add(ProductLine.of(PATIENT_MONITOR, 20, MINDRAY, "ePM 10|BeneVision N15|Passport 12m|BeneVision N12",
                "03.02.00|04.01.00|01.58.00").networked(75, MINDRAY_OUI, MINDRAY_USA_OUI).on(EMBEDDED_LINUX, WINDOWS_CE_6)
                .serial("@@-########").since(2011));
        lines.add(ProductLine.of(PATIENT_MONITOR, 15, DRAEGER, "Infinity Delta|Infinity M540|Delta XL|Infinity Delta XL", "VF9.1|VF10.1|VG3.0")
                .networked(70, DRAEGER_OUI, DRAEGER_AG_OUI).on(WINDOWS_CE_6, VXWORKS).serial("@@@@-####-##").since(2008));

        lines.add(ProductLine.of(CENTRAL_STATION, 25, GE, "CARESCAPE Central Station|CIC Pro|CARESCAPE CS", "2.0|2.1|5.1")
                .networked(100, DELL_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("CIC").serial("SN#######").since(2010));
        lines.add(ProductLine.of(CENTRAL_STATION, 15, MINDRAY, "BeneVision CMS|BeneVision Central Station|Hypervisor VI", "01.20|02.00")
                .networked(100, DELL_OUI, HP_OUI).on(WINDOWS_7, WINDOWS_10).host("CMS").serial("@@-########").since(2012));
        lines.add(ProductLine.of(CENTRAL_STATION, 10, DRAEGER, "Infinity CentralStation|Infinity Central Station", "VG2.1|VG3.0")
                .networked(100, DELL_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10_LTSC_2019).host("ICS").serial("@@@@-####-##").since(2010));

        lines.add(ProductLine.of(TELEMETRY, 40, PHILIPS, "IntelliVue MX40|MX40|MX40 Telemetry", "B.06.54|B.06.61")
                .networked(30, PHILIPS_OUI).serial("US########").since(2012));
        lines.add(ProductLine.of(TELEMETRY, 25, GE, "ApexPro CH|ApexPro Telemetry|ApexPro CH Transmitter", "1.0|2.0")
                .serial("SA#######@@").since(2008));
        lines.add(ProductLine.of(TELEMETRY, 20, MINDRAY, "BeneVision TM80|TM80|TMS-6016", "01.03.00|02.01.00")
                .networked(40, MINDRAY_OUI).serial("@@-########").since(2014));

        lines.add(ProductLine.of(SERVER, 2, MINDRAY, "eGateway|eGateway Integration Manager", "02.01|03.00")
                .described("Clinical Interface Server").networked(100, DELL_OUI).on(WINDOWS_SERVER_2012_R2, Platform.WINDOWS_SERVER_2016)
                .host("EGW").serial("@@-########").since(2014).in(Department.ICU, Department.CARDIOLOGY));
    }

    private static void addRespiratoryAndAnesthesia(List<ProductLine> lines) {
        lines.add(ProductLine.of(VENTILATOR, 25, "Hamilton Medical|Hamilton|HAMILTON MEDICAL",
                "HAMILTON-C6|Hamilton C6|HAMILTON-C3|HAMILTON-G5|HAMILTON-T1", "2.0.2|2.2.4|3.0.1")
                .networked(50, HAMILTON_OUI).on(Platform.NONE, EMBEDDED_LINUX).serial("######").since(2010));
        lines.add(ProductLine.of(VENTILATOR, 20, "Medtronic|Covidien|Puritan Bennett", "PB980|Puritan Bennett 980|PB840|840",
                "4.0|4.2|6.2").networked(40, LANTRONIX_OUI).on(VXWORKS, Platform.NONE).serial("35B#######").since(2006));
        lines.add(ProductLine.of(VENTILATOR, 20, DRAEGER, "Evita V500|Babylog VN500|Evita V800|Evita Infinity V500", "2.51|2.60|2.61")
                .networked(40, DRAEGER_OUI, DRAEGER_AG_OUI).on(WINDOWS_CE_6, Platform.NONE).serial("@@@@-####-##").since(2009));
        lines.add(ProductLine.of(VENTILATOR, 10, GE, "CARESCAPE R860|R860|Carescape R860", "10.1|11.2")
                .networked(40, GE_OUI).on(Platform.NONE).serial("SHP#######").since(2012));

        lines.add(ProductLine.of(ANESTHESIA, 45, "GE Healthcare|Datex-Ohmeda|GE Datex-Ohmeda|GE Medical Systems",
                "Aisys CS2|Aisys CS²|Avance CS2|Aisys", "11.1|11.5|12.0").networked(60, DATEX_OUI, GE_OUI).on(VXWORKS, Platform.NONE)
                .serial("ANBR######").since(2008));
        lines.add(ProductLine.of(ANESTHESIA, 40, DRAEGER, "Perseus A500|Fabius GS premium|Apollo|Fabius GS", "2.03|3.1|3.3")
                .networked(50, DRAEGER_OUI, DRAEGER_AG_OUI).on(WINDOWS_EMBEDDED_7, WINDOWS_CE_6, Platform.NONE).serial("@@@@-####-##")
                .since(2007));
        lines.add(ProductLine.of(ANESTHESIA, 15, MINDRAY, "A7|A5|Mindray A7", "03.02.00|04.00.00")
                .networked(50, MINDRAY_OUI).on(EMBEDDED_LINUX).serial("@@-########").since(2013));
    }

    private static void addImaging(List<ProductLine> lines) {
        lines.add(ProductLine.of(CT, 40, SIEMENS, "SOMATOM go.Top|SOMATOM Definition AS+|SOMATOM Force|SOMATOM Definition Edge",
                "syngo CT VA30A|syngo CT VA40A|syngo CT VB20A").networked(100, SIEMENS_OUI, INTEL_OUI)
                .on(WINDOWS_7, WINDOWS_10_LTSC_2019, WINDOWS_10_IOT_2021).host("CT").serial("######").since(2010));
        lines.add(ProductLine.of(CT, 35, GE, "Revolution CT|Revolution EVO|Optima CT660|LightSpeed VCT", "CTR 24.0|CTR 25.1|12HW22.5")
                .networked(100, GE_OUI, INTEL_OUI).on(RED_HAT_LINUX).host("CT").serial("######@@").since(2008));
        lines.add(ProductLine.of(CT, 25, PHILIPS, "Incisive CT|Ingenuity CT|Brilliance 64|Brilliance CT 64", "4.1.2|5.0.1|3.5.5")
                .networked(100, PHILIPS_CARDIAC_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("CT").serial("######").since(2008));

        lines.add(ProductLine.of(MRI, 45, SIEMENS, "MAGNETOM Aera|MAGNETOM Vida|MAGNETOM Skyra|MAGNETOM Altea",
                "syngo MR E11C|syngo MR XA30|syngo MR XA50").networked(100, SIEMENS_OUI, INTEL_OUI)
                .on(WINDOWS_7, WINDOWS_10_IOT_2021).host("MR").serial("######").since(2010));
        lines.add(ProductLine.of(MRI, 35, GE, "SIGNA Artist|SIGNA Premier|Optima MR450w|Signa HDxt", "MR29.1|MR30.1|DV26.0")
                .networked(100, GE_OUI, INTEL_OUI).on(RED_HAT_LINUX).host("MR").serial("######@@").since(2008));
        lines.add(ProductLine.of(MRI, 20, PHILIPS, "Ingenia 1.5T|Ingenia Elition 3.0T|Ingenia Ambition 1.5T", "R5.7|R5.9|R11.1")
                .networked(100, PHILIPS_CARDIAC_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("MR").serial("######").since(2012));

        lines.add(ProductLine.of(XRAY, 25, SIEMENS, "Ysio Max|MULTIX Fusion Max|Luminos Agile Max|Ysio", "VF11|VF12|VG10")
                .networked(100, SIEMENS_OUI, DELL_OUI).on(WINDOWS_7, WINDOWS_10).host("XR").serial("######").since(2009));
        lines.add(ProductLine.of(XRAY, 20, GE, "Definium 656 HD|Discovery XR656|Definium 8000", "DV4.3|DV5.1")
                .networked(100, GE_OUI, DELL_OUI).on(WINDOWS_XP, WINDOWS_7, WINDOWS_10).host("XR").serial("######@@").since(2006));
        lines.add(ProductLine.of(XRAY, 15, PHILIPS, "DigitalDiagnost C90|DigitalDiagnost|DigitalDiagnost 4.3", "4.3|5.1")
                .networked(100, PHILIPS_CARDIAC_OUI, DELL_OUI).on(WINDOWS_7, WINDOWS_10).host("XR").serial("######").since(2010));
        lines.add(ProductLine.of(XRAY, 15, FUJIFILM, "FDR Visionary Suite|FDR Smart X|FDR D-EVO II", "V8.0|V9.1|V10.2")
                .networked(100, FUJIFILM_OUI, HP_OUI).on(WINDOWS_7, WINDOWS_10).host("XR").serial("#######").since(2011));

        lines.add(ProductLine.of(PORTABLE_XRAY, 25, GE, "AMX Navigate|Optima XR240amx|AMX 4 Plus", "1.4|2.0.1")
                .networked(80, GE_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("PXR").serial("######@@").since(2009));
        lines.add(ProductLine.of(PORTABLE_XRAY, 20, FUJIFILM, "FDR Go PLUS|FDR Go|FDR Nano", "V6.2|V8.0")
                .networked(80, FUJIFILM_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("PXR").serial("#######").since(2012));
        lines.add(ProductLine.of(PORTABLE_XRAY, 15, SIEMENS, "Mobilett Elara Max|MOBILETT Mira Max|Mobilett Mira", "VF10|VG12")
                .networked(80, SIEMENS_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("PXR").serial("######").since(2011));
        lines.add(ProductLine.of(PORTABLE_XRAY, 10, PHILIPS, "MobileDiagnost Opta|MobileDiagnost wDR", "1.1|2.0")
                .networked(80, PHILIPS_CARDIAC_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("PXR").serial("######").since(2012));

        lines.add(ProductLine.of(ULTRASOUND, 35, GE, "LOGIQ E10|LOGIQ S8|Vivid E95|Vivid S70N|Venue Go", "R3.2.1|R4.0.3|R5.1.0")
                .networked(70, GE_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("US").serial("######US#").since(2011));
        lines.add(ProductLine.of(ULTRASOUND, 30, PHILIPS, "EPIQ 7|EPIQ Elite|Affiniti 70|CX50", "7.0.5|9.0.3|10.0.2")
                .networked(70, PHILIPS_CARDIAC_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("US").serial("US########").since(2011));
        lines.add(ProductLine.of(ULTRASOUND, 15, SIEMENS, "ACUSON Sequoia|ACUSON Juniper|ACUSON S2000", "VA20A|VB10A|VC21")
                .networked(70, SIEMENS_OUI, INTEL_OUI).on(WINDOWS_7, WINDOWS_10).host("US").serial("######").since(2010));
        lines.add(ProductLine.of(ULTRASOUND, 20, "Fujifilm SonoSite|SonoSite|Fujifilm|FUJIFILM SonoSite Inc.",
                "SonoSite X-Porte|SonoSite Edge II|Sonosite PX|SonoSite M-Turbo", "2.4.1|3.2.0|1.7")
                .networked(50, FUJIFILM_OUI, SILEX_OUI).on(WINDOWS_EMBEDDED_7, EMBEDDED_LINUX).serial("@@@######").since(2009));

        lines.add(ProductLine.of(PACS_WORKSTATION, 40, FUJIFILM, "Synapse 7 Workstation|Synapse PACS Workstation|Synapse Workstation",
                "5.7.2|7.1.0|7.3.0").networked(100, DELL_OUI, DELL_OLD_OUI, HP_OUI).on(WINDOWS_XP, WINDOWS_7, WINDOWS_10)
                .host("PACS-WS").serial("@@#######").since(2006));
        lines.add(ProductLine.of(PACS_WORKSTATION, 25, GE, "Centricity PACS RA1000|Centricity Universal Viewer|Centricity RA1000",
                "6.0 SP10|7.0 SP2|3.0").networked(100, DELL_OUI, DELL_OLD_OUI, HP_OUI).on(WINDOWS_XP, WINDOWS_7, WINDOWS_10)
                .host("PACS-WS").serial("@@#######").since(2005));
        lines.add(ProductLine.of(PACS_WORKSTATION, 15, PHILIPS, "IntelliSpace PACS Enterprise|iSite Radiology|IntelliSpace PACS",
                "4.4.5|4.4.553").networked(100, DELL_OUI, HP_OUI).on(WINDOWS_7, WINDOWS_10).host("PACS-WS").serial("@@#######")
                .since(2010));
        lines.add(ProductLine.of(PACS_WORKSTATION, 10, SIEMENS, "syngo.via Client|syngo.via|syngo.via Workstation", "VB40A|VB60A")
                .networked(100, DELL_OUI, HP_OUI).on(WINDOWS_10, WINDOWS_10_LTSC_2019).host("VIA").serial("######").since(2013));
    }

    private static void addLaboratory(List<ProductLine> lines) {
        lines.add(ProductLine.of(CHEMISTRY_ANALYZER, 40, BECKMAN, "AU680|AU5800|DxC 700 AU|AU 680", "6.21|7.10|8.0")
                .networked(100, BECKMAN_OUI, DELL_OUI).on(WINDOWS_XP, WINDOWS_7, WINDOWS_10).host("CHEM").serial("#######").since(2008));
        lines.add(ProductLine.of(CHEMISTRY_ANALYZER, 35, "Siemens Healthineers|Siemens|Siemens Healthcare Diagnostics",
                "Atellica CH 930|Dimension EXL 200|Atellica Solution", "1.25|1.28|2.2").networked(100, SIEMENS_OUI, DELL_OUI)
                .on(WINDOWS_7, WINDOWS_10).host("CHEM").serial("######").since(2010));
        lines.add(ProductLine.of(CHEMISTRY_ANALYZER, 15, BECKMAN, "Access 2|UniCel DxI 800|Access 2 Immunoassay", "3.3|3.5.1")
                .described("Immunoassay Analyzer").networked(100, BECKMAN_OUI, DELL_OUI).on(WINDOWS_XP, WINDOWS_7, WINDOWS_10)
                .host("IA").serial("#######").since(2007));

        lines.add(ProductLine.of(HEMATOLOGY_ANALYZER, 60, "Sysmex|Sysmex America|SYSMEX", "XN-1000|XN-10|XN-2000|XN-450",
                "00-22|00-25|00-28").networked(100, SYSMEX_OUI, DELL_OUI).on(WINDOWS_7, WINDOWS_10).host("HEME").serial("#####-###")
                .since(2011));
        lines.add(ProductLine.of(HEMATOLOGY_ANALYZER, 40, BECKMAN, "DxH 900|UniCel DxH 800|DxH 690T", "3.0.3|3.1|1.1")
                .networked(100, BECKMAN_OUI, DELL_OUI).on(WINDOWS_7, WINDOWS_10).host("HEME").serial("@@#######").since(2010));

        lines.add(ProductLine.of(LAB_WORKSTATION, 60, "Dell|Dell Inc.|DELL", "OptiPlex 7050|OptiPlex 7070|OptiPlex 7090|OptiPlex 780",
                "Remisol Advance 2.0|Instrument Manager 8.15|Sysmex WAM 6.1").networked(100, DELL_OUI, DELL_OLD_OUI, INTEL_OUI)
                .on(WINDOWS_XP, WINDOWS_7, WINDOWS_10).host("WS").serial("@######").since(2006));
        lines.add(ProductLine.of(LAB_WORKSTATION, 40, "HP|Hewlett-Packard|HP Inc.", "EliteDesk 800 G4|EliteDesk 800 G6|Compaq dc7900",
                "Remisol Advance 2.0|Instrument Manager 8.15|Atellica Data Manager 2.1").networked(100, HP_OUI, INTEL_OUI)
                .on(WINDOWS_XP, WINDOWS_7, WINDOWS_10).host("WS").serial("MXL#######").since(2006));
    }

    private static void addDefibrillators(List<ProductLine> lines) {
        lines.add(ProductLine.of(DEFIBRILLATOR, 35, "ZOLL|Zoll Medical|Zoll", "R Series ALS|X Series|AED Plus|R Series Plus",
                "03.05.003|02.34.04|05.01.002").networked(30, ZOLL_OUI, SILEX_OUI).serial("@@##@######").since(2008));
        lines.add(ProductLine.of(DEFIBRILLATOR, 35, "Stryker|Physio-Control|Physio Control|Stryker Emergency Care",
                "LIFEPAK 15|LIFEPAK 20e|LIFEPAK 35|LP15", "4.2|5.0|1.1").networked(20, PHYSIO_CONTROL_OUI, STRYKER_OUI)
                .serial("########").since(2008));
        lines.add(ProductLine.of(DEFIBRILLATOR, 30, PHILIPS, "HeartStart MRx|HeartStart Intrepid|HeartStart FRx|M3535A",
                "F.01|F.03|R1.0").networked(10, PHILIPS_CARDIAC_OUI).serial("US########").since(2007));
    }
}
