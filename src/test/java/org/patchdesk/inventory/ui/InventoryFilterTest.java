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
    void columnTextNarrowsOnlyByExtension() {
        InventoryFilter before = new InventoryFilter("", Map.of(DeviceField.DEPARTMENT, "cu"));
        InventoryFilter after = new InventoryFilter("", Map.of(DeviceField.DEPARTMENT, "icu"));

        assertThat(after.narrows(before)).isFalse();
    }

    @Test
    void columnTextMustStartAWord() {
        assertThat(SearchText.startsAWord("inactive", "active")).isFalse();
        assertThat(SearchText.startsAWord("active", "active")).isTrue();
        assertThat(SearchText.startsAWord("nicu", "icu")).isFalse();
        assertThat(SearchText.startsAWord("med/surg 4 west", "surg")).isTrue();
        assertThat(SearchText.startsAWord("10.20.1.15", "20.1")).isTrue();
    }

    @Test
    void searchIgnoresAccents() {
        assertThat(SearchText.normalize("Dräger Évita")).isEqualTo("drager evita");
    }

    @Test
    void equalFiltersIgnoreCaseAndSpaces() {
        assertThat(filter("  Infusion   ICU ")).isEqualTo(filter("infusion icu"));
        assertThat(filter("")).isEqualTo(InventoryFilter.NONE);
    }
}
