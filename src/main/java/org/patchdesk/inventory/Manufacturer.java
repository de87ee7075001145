package org.patchdesk.inventory;

import java.util.List;

/** A manufacturer under its canonical name, with every alias that leads to it and its number of devices. */
public record Manufacturer(long id, String name, List<String> aliases, long deviceCount) {
}
