package org.patchdesk.demo;

import java.util.List;

/**
 * The device groups of the demo inventory, with the CMMS nomenclature of each and how its devices
 * spread over departments and networks. Department weights are in {@link Department} order: ICU, ED,
 * Radiology, Oncology, Laboratory, OR, Cardiology, Med/Surg 4 West, NICU, Pharmacy.
 */
enum DeviceKind {
    INFUSION_PUMP("Infusion Pump", 300, new int[] {18, 10, 0, 16, 0, 8, 10, 26, 8, 4},
            false, 35, 0, new int[] {5, 70, 25}, new int[] {5, 60, 15, 20}),
    INFUSION_ACCESSORY("Infusion Pump Docking Station", 25, new int[] {25, 10, 0, 15, 0, 10, 10, 20, 10, 0},
            false, 60, 0, new int[] {0, 80, 20}, new int[] {20, 50, 10, 20}),
    SERVER("Server", 3, new int[] {20, 0, 0, 0, 0, 0, 20, 0, 0, 60},
            true, 100, 40, new int[] {90, 0, 10}, new int[] {80, 10, 5, 5}),
    PATIENT_MONITOR("Patient Monitor", 170, new int[] {30, 15, 2, 5, 0, 15, 13, 10, 10, 0},
            false, 70, 0, new int[] {40, 30, 30}, new int[] {10, 50, 20, 20}),
    CENTRAL_STATION("Central Station", 12, new int[] {30, 15, 0, 5, 0, 10, 20, 10, 10, 0},
            true, 100, 30, new int[] {95, 0, 5}, new int[] {70, 15, 10, 5}),
    TELEMETRY("Telemetry Transmitter", 70, new int[] {10, 10, 0, 0, 0, 0, 40, 40, 0, 0},
            false, 0, 0, new int[] {20, 50, 30}, new int[] {0, 60, 20, 20}),
    VENTILATOR("Ventilator", 45, new int[] {50, 15, 0, 0, 0, 5, 5, 5, 20, 0},
            false, 50, 0, new int[] {10, 60, 30}, new int[] {5, 60, 15, 20}),
    ANESTHESIA("Anesthesia Machine", 25, new int[] {0, 0, 5, 0, 0, 90, 5, 0, 0, 0},
            false, 60, 0, new int[] {20, 50, 30}, new int[] {30, 40, 15, 15}),
    CT("CT Scanner", 4, new int[] {0, 15, 80, 5, 0, 0, 0, 0, 0, 0},
            true, 100, 30, new int[] {100, 0, 0}, new int[] {85, 5, 5, 5}),
    MRI("MRI Scanner", 3, new int[] {0, 0, 95, 5, 0, 0, 0, 0, 0, 0},
            true, 100, 30, new int[] {100, 0, 0}, new int[] {85, 5, 5, 5}),
    XRAY("X-Ray System", 7, new int[] {0, 20, 75, 0, 0, 5, 0, 0, 0, 0},
            true, 100, 10, new int[] {95, 0, 5}, new int[] {70, 10, 10, 10}),
    PORTABLE_XRAY("Portable X-Ray", 7, new int[] {25, 15, 50, 0, 0, 0, 0, 0, 10, 0},
            true, 80, 0, new int[] {90, 0, 10}, new int[] {60, 20, 10, 10}),
    ULTRASOUND("Ultrasound System", 40, new int[] {5, 15, 40, 5, 0, 10, 25, 0, 0, 0},
            true, 70, 0, new int[] {85, 5, 10}, new int[] {50, 25, 15, 10}),
    PACS_WORKSTATION("PACS Workstation", 35, new int[] {0, 10, 60, 10, 0, 10, 10, 0, 0, 0},
            true, 100, 25, new int[] {95, 0, 5}, new int[] {40, 40, 10, 10}),
    CHEMISTRY_ANALYZER("Chemistry Analyzer", 12, new int[] {0, 0, 0, 0, 100, 0, 0, 0, 0, 0},
            true, 100, 20, new int[] {70, 10, 20}, new int[] {60, 20, 10, 10}),
    HEMATOLOGY_ANALYZER("Hematology Analyzer", 8, new int[] {0, 0, 0, 0, 100, 0, 0, 0, 0, 0},
            true, 100, 20, new int[] {70, 10, 20}, new int[] {60, 20, 10, 10}),
    LAB_WORKSTATION("Lab Workstation", 35, new int[] {0, 0, 0, 0, 90, 0, 0, 0, 0, 10},
            true, 100, 30, new int[] {90, 0, 10}, new int[] {15, 60, 10, 15}),
    DEFIBRILLATOR("Defibrillator", 55, new int[] {15, 20, 5, 5, 2, 15, 15, 15, 5, 3},
            false, 20, 0, new int[] {10, 60, 30}, new int[] {5, 60, 15, 20});

    /** The Description column value. */
    final String description;
    /** The share of this group in the inventory, relative to the other groups. */
    final int share;
    final WeightedChoice<Department> departments;
    /** Whether networked devices of this group are named hosts, such as RAD-PACS-WS03. */
    final boolean hasHostnames;
    /** The percentage of networked devices with an IP address on record. The others use DHCP and show only a MAC address. */
    final int recordedIpPercent;
    /** The percentage of networked devices with two network interfaces. */
    final int dualNicPercent;
    /** Weights of the PHI values Y, N and blank. */
    final WeightedChoice<String> phi;
    /** Weights of the Remote Access values Yes, No, Unknown and blank for networked devices. */
    final WeightedChoice<String> remoteAccess;

    DeviceKind(String description, int share, int[] departmentWeights, boolean hasHostnames, int recordedIpPercent,
            int dualNicPercent, int[] phiWeights, int[] remoteAccessWeights) {
        this.description = description;
        this.share = share;
        this.departments = new WeightedChoice<>(List.of(Department.values()), departmentWeights);
        this.hasHostnames = hasHostnames;
        this.recordedIpPercent = recordedIpPercent;
        this.dualNicPercent = dualNicPercent;
        this.phi = new WeightedChoice<>(List.of("Y", "N", ""), phiWeights);
        this.remoteAccess = new WeightedChoice<>(List.of("Yes", "No", "Unknown", ""), remoteAccessWeights);
    }
}
