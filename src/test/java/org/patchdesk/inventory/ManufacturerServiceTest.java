package org.patchdesk.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class ManufacturerServiceTest {

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void openSite() {
        services = TestSites.open(folder);
    }

    @AfterEach
    void closeSite() {
        services.close();
    }

    private Manufacturer named(String name) {
        return services.manufacturers().list().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private Device add(String assetTag, String manufacturer, String model) {
        return services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, assetTag)
                .set(DeviceField.MANUFACTURER, manufacturer).set(DeviceField.MODEL, model), TestSites.TECHNICIAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BD", "Becton Dickinson", "Becton, Dickinson and Company (BD)", "CareFusion", "becton dickinson and co.",
            "CAREFUSION CORPORATION", "Becton Dickinson, Inc."})
    void seededAliasesLeadToBd(String spelling) {
        assertThat(services.manufacturers().findByAlias(spelling)).map(Manufacturer::name).contains("BD");
    }

    @Test
    void seededKeysMatchTheNormalization() {
        List<String[]> aliases = services.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT alias, alias_key FROM manufacturer_alias")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .list());

        assertThat(aliases).isNotEmpty();
        for (String[] alias : aliases) {
            assertThat(ManufacturerNames.key(alias[0])).as(alias[0]).isEqualTo(alias[1]);
        }
    }

    @Test
    void unknownManufacturerIsCreatedOnFirstUse() {
        add("X-1", "Acme Medical, Inc.", "Pump 1");

        assertThat(services.manufacturers().findByAlias("ACME MEDICAL")).map(Manufacturer::name).contains("Acme Medical, Inc.");
    }

    @Test
    void addingAnotherManufacturersNameMergesIt() {
        add("X-1", "Acme Medical", "Pump 1");
        add("X-2", "Acme Holdings", "Pump 1");
        Manufacturer target = named("Acme Medical");

        ManufacturerService.AliasOutcome outcome = services.manufacturers().addAlias(target.id(), "Acme Holdings", TestSites.MANAGER);

        assertThat(outcome).isInstanceOf(ManufacturerService.WouldMerge.class);
        assertThat(services.manufacturers().list()).extracting(Manufacturer::name).doesNotContain("Acme Holdings");
        assertThat(named("Acme Medical").deviceCount()).isEqualTo(2);
        assertThat(services.devices().findByAssetTag("X-2").orElseThrow().values().get(DeviceField.MANUFACTURER)).isEqualTo("Acme Medical");
        long products = services.database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM product WHERE manufacturer_id = :id").bind("id", target.id()).mapTo(Long.class).one());
        assertThat(products).isEqualTo(1);
    }

    @Test
    void aliasOfAnotherManufacturerIsAConflict() {
        Manufacturer philips = named("Philips");

        ManufacturerService.AliasOutcome outcome = services.manufacturers().previewAlias(philips.id(), "CareFusion");

        assertThat(outcome).isInstanceOf(ManufacturerService.Conflict.class);
        assertThat(((ManufacturerService.Conflict) outcome).message()).contains("already leads to BD");
    }

    @Test
    void renameKeepsOldNameAsAlias() {
        Manufacturer ge = named("GE HealthCare");

        services.manufacturers().rename(ge.id(), "GE Healthcare Technologies Inc.", TestSites.MANAGER);

        assertThat(services.manufacturers().findByAlias("GE HealthCare")).map(Manufacturer::name).contains("GE Healthcare Technologies Inc.");
    }

    @Test
    void ownNameCannotBeRemoved() {
        Manufacturer bd = named("BD");

        assertThatThrownBy(() -> services.manufacturers().removeAlias(bd.id(), "BD", TestSites.MANAGER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be removed");
    }
}
