package org.patchdesk.demo;

import java.util.SplittableRandom;

/**
 * Makes the location columns of a row. The Location text takes one of the forms technicians type,
 * such as "Main Hospital 3F Rm 312" or "MH 3-312". Building, Floor and Room are filled for most rows.
 */
final class DeviceLocations {

    /** The location columns. Empty text is a blank cell. */
    record Place(String location, String building, String floor, String room) {
    }

    private static final Place BIOMED_STORAGE = new Place("Biomed Storage, Main Hospital B1", Department.Building.MAIN.displayName,
            "B1", "B60");
    private static final int BLANK_COLUMNS_PERCENT = 8;

    private DeviceLocations() {
    }

    /** Places devices "In Storage" in the clinical engineering store room, and others in a room of their department. */
    static Place place(SplittableRandom random, Department department, String status) {
        if ("In Storage".equals(status)) {
            return BIOMED_STORAGE;
        }
        String room = department.roomLabel(random.nextInt(department.firstRoom, department.lastRoom + 1));
        String location = locationText(random, department, room);
        if (random.nextInt(100) < BLANK_COLUMNS_PERCENT) {
            return new Place(location, "", "", "");
        }
        return new Place(location, department.building.displayName, department.floor, room);
    }

    private static String locationText(SplittableRandom random, Department department, String room) {
        Department.Building building = department.building;
        String floor = department.floor;
        int form = random.nextInt(100);
        if (form < 40) {
            String floorTag = floor.startsWith("B") ? floor : floor + "F";
            return building.displayName + " " + floorTag + " Rm " + room;
        }
        if (form < 65) {
            return building.abbreviation + " " + floor + "-" + room;
        }
        if (form < 85) {
            return department.displayName + " Rm " + room;
        }
        return building.displayName + ", Floor " + floor + ", Room " + room;
    }
}
