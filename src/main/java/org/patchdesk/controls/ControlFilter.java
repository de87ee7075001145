package org.patchdesk.controls;

/**
 * Which controls {@link ControlService#list} returns: of one type (a catalog code) or any when
 * null, covering one device (directly or through one of its findings) or any when null, and only
 * those whose verification is overdue when {@code overdueOnly}.
 */
public record ControlFilter(String typeCode, Long deviceId, boolean overdueOnly) {

    public static ControlFilter all() {
        return new ControlFilter(null, null, false);
    }

    public ControlFilter withType(String code) {
        return new ControlFilter(code, deviceId, overdueOnly);
    }

    public ControlFilter withDevice(Long id) {
        return new ControlFilter(typeCode, id, overdueOnly);
    }

    public ControlFilter withOverdueOnly(boolean overdue) {
        return new ControlFilter(typeCode, deviceId, overdue);
    }
}
