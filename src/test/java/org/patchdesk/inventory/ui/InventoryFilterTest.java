package org.patchdesk.inventory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.patchdesk.inventory.DeviceField;

class InventoryFilterTest {

    private static InventoryFilter filter(String search) {
        return new InventoryFilter(search, Map.of());
    }

    @Test
    void longerTermNarrowsShorterOne() {
        assertThat(filter("infusion").narrows(filter("inf"))).isTrue();
        assertThat(filter("infusion icu").narrows(filter("infusion"))).isTrue();
    }

    @Test
    void changedTermDoesNotNarrow() {
        assertThat(filter("inf").narrows(filter("infusion"))).isFalse();
        assertThat(filter("pump").narrows(filter("infusion"))).isFalse();
    }

    @Test
    void addedColumnFilterNarrows() {
        InventoryFilter before = new InventoryFilter("bd", Map.of());
        InventoryFilter after = new InventoryFilter("bd", Map.of(DeviceField.DEPARTMENT, "icu"));

        assertThat(after.narrows(before)).isTrue();
        assertThat(before.narrows(after)).isFalse();
    }

    @Test
    void equalFiltersIgnoreCaseAndSpaces() {
        assertThat(filter("  Infusion   ICU ")).isEqualTo(filter("infusion icu"));
        assertThat(filter("")).isEqualTo(InventoryFilter.NONE);
    }
}
