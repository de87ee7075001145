package org.patchdesk.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.patchdesk.inventory.ManufacturerNames;

class ProductMatcherTest {

    private static final long PHILIPS = 1;

    private static ProductMatcher.InventoryProduct product(long id, String model) {
        return new ProductMatcher.InventoryProduct(id, PHILIPS, model, ProductNames.compactKey(model));
    }

    private final ProductMatcher matcher = new ProductMatcher(
            Map.of(ManufacturerNames.key("Philips"), PHILIPS, ManufacturerNames.key("Philips Healthcare"), PHILIPS),
            Map.of(PHILIPS, ManufacturerNames.key("Philips")),
            Map.of(PHILIPS, List.of(product(10, "MX40"), product(11, "PIC iX"), product(12, "IntelliVue MX450"),
                    product(13, "IntelliSpace Portal"))));

    private List<ProductMatcher.Candidate> match(String vendor, String product) {
        return matcher.match(vendor, product);
    }

    @Test
    void sameModelMatchesExactlyOrByAlias() {
        assertThat(match("Philips", "MX40")).singleElement().satisfies(candidate -> {
            assertThat(candidate.productId()).isEqualTo(10);
            assertThat(candidate.kind()).isEqualTo(MatchKind.EXACT);
        });
        assertThat(match("Philips Healthcare", "mx-40")).singleElement()
                .satisfies(candidate -> assertThat(candidate.kind()).isEqualTo(MatchKind.ALIAS));
    }

    @Test
    void modelOccurringAsWholeWordsIsAClosematch() {
        assertThat(match("Philips", "Patient Information Center iX (PICiX)")).singleElement().satisfies(candidate -> {
            assertThat(candidate.productId()).isEqualTo(11);
            assertThat(candidate.kind()).isEqualTo(MatchKind.CLOSE);
            assertThat(candidate.reason()).isEqualTo("the model 'PIC iX' occurs in 'Patient Information Center iX (PICiX)'");
        });
        assertThat(match("Philips", "IntelliSpace Portal 7.0.x")).extracting(ProductMatcher.Candidate::productId).containsExactly(13L);
    }

    @Test
    void modelInsideALongerWordIsNoMatch() {
        assertThat(match("Philips", "MX400-MX850")).isEmpty();
        assertThat(match("Philips", "MX4000 wearable")).isEmpty();
    }

    @Test
    void sharedNumberedWordIsProposed() {
        assertThat(match("Philips", "IntelliVue Patient Monitors MX450, MX500, MX550")).extracting(ProductMatcher.Candidate::productId)
                .containsExactly(12L);
    }

    @Test
    void otherManufacturerIsNeverMatched() {
        assertThat(match("GE Healthcare", "MX40")).isEmpty();
    }
}
