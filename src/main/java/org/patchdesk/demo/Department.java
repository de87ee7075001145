package org.patchdesk.demo;

/**
 * A department of the demo hospital: where its devices stand and the VLAN they use. Each VLAN
 * owns the private address blocks 10.{@code vlan}.0.0/16 to 10.{@code vlan + 3}.0.0/16, so the second
 * octet of an address shows its VLAN.
 */
enum Department {
    ICU("ICU", "ICU", 110, "ICU Biomed", Building.MAIN, "3", 301, 340),
    EMERGENCY("Emergency Department", "ED", 120, "ED Biomed", Building.MAIN, "1", 101, 160),
    RADIOLOGY("Radiology", "RAD", 130, "Radiology Imaging", Building.MAIN, "1", 170, 199),
    ONCOLOGY("Oncology", "ONC", 140, "Oncology Clinical", Building.CANCER_CENTER, "2", 201, 240),
    LABORATORY("Laboratory", "LAB", 150, "Lab Instruments", Building.MAIN, "B1", 10, 39),
    OPERATING_ROOM("Operating Room", "OR", 160, "OR Biomed", Building.MAIN, "2", 201, 224),
    CARDIOLOGY("Cardiology", "CARD", 170, "Cardiology Clinical", Building.NORTH_TOWER, "2", 210, 260),
    MED_SURG_4_WEST("Med/Surg 4 West", "4W", 180, "4 West Biomed", Building.MAIN, "4", 401, 448),
    NICU("NICU", "NICU", 190, "NICU Biomed", Building.WOMENS_PAVILION, "3", 301, 330),
    PHARMACY("Pharmacy", "PHARM", 200, "Pharmacy", Building.MAIN, "B1", 40, 55);

    /** The buildings of the demo hospital, with the short form that technicians type in locations. */
    enum Building {
        MAIN("Main Hospital", "MH"),
        NORTH_TOWER("North Tower", "NT"),
        CANCER_CENTER("Cancer Center", "CC"),
        WOMENS_PAVILION("Women's Pavilion", "WP");

        final String displayName;
        final String abbreviation;

        Building(String displayName, String abbreviation) {
            this.displayName = displayName;
            this.abbreviation = abbreviation;
        }
    }

    final String displayName;
    /** The department part of hostnames, such as "RAD" in RAD-PACS-WS03. */
    final String code;
    final int vlan;
    final String vlanName;
    final Building building;
    final String floor;
    final int firstRoom;
    final int lastRoom;

    Department(String displayName, String code, int vlan, String vlanName, Building building, String floor, int firstRoom,
            int lastRoom) {
        this.displayName = displayName;
        this.code = code;
        this.vlan = vlan;
        this.vlanName = vlanName;
        this.building = building;
        this.floor = floor;
        this.firstRoom = firstRoom;
        this.lastRoom = lastRoom;
    }

    /** Returns the room label as signs show it, with a "B" prefix for basement rooms, such as B12. */
    String roomLabel(int number) {
        return floor.startsWith("B") ? "B" + number : Integer.toString(number);
    }
}
