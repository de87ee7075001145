package org.patchdesk.intel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.patchdesk.inventory.ManufacturerNames;

/**
 * Finds the inventory products that a source's vendor and product name may mean. The vendor must
 * lead to a manufacturer through the alias list. A product whose model has the same letters and
 * digits as the source's product name is an exact match (or an alias match, when the vendor was
 * spelled as an alias). A close match waits for a user to confirm it. It is a product whose model
 * name occurs in the source's product name as whole words, or whose distinctive words all occur in
 * it (two or more, or one with a digit). It is also a product whose model shares most of its
 * distinctive words with the product name, a numbered one among them.
 */
public final class ProductMatcher {

    /** A product in the inventory: its manufacturer and model, and the model's comparison key. */
    public record InventoryProduct(long id, long manufacturerId, String model, String modelKey) {
    }

    /** A possible match: the inventory product, how it matched, a score from 0 to 1 and the reason in words. */
    public record Candidate(long productId, MatchKind kind, double score, String reason) {
    }

    /** The lowest score of a close match that is proposed to the user. */
    static final double PROPOSAL_THRESHOLD = 0.6;

    private final Map<String, Long> manufacturerIdsByAliasKey;
    private final Map<Long, String> manufacturerNameKeys;
    private final Map<Long, List<InventoryProduct>> productsByManufacturer;

    public ProductMatcher(Map<String, Long> manufacturerIdsByAliasKey, Map<Long, String> manufacturerNameKeys,
                          Map<Long, List<InventoryProduct>> productsByManufacturer) {
        this.manufacturerIdsByAliasKey = manufacturerIdsByAliasKey;
        this.manufacturerNameKeys = manufacturerNameKeys;
        this.productsByManufacturer = productsByManufacturer;
    }

    public List<Candidate> match(String vendor, String product) {
        String vendorKey = ManufacturerNames.key(vendor);
        Long manufacturerId = manufacturerIdsByAliasKey.get(vendorKey);
        if (manufacturerId == null) {
            return List.of();
        }
        boolean canonicalVendor = vendorKey.equals(manufacturerNameKeys.get(manufacturerId));
        String productCompact = ProductNames.compactKey(product);
        Set<String> productWords = ProductNames.words(product);
        List<Candidate> candidates = new ArrayList<>();
        for (InventoryProduct candidate : productsByManufacturer.getOrDefault(manufacturerId, List.of())) {
            if (!productCompact.isEmpty() && productCompact.equals(candidate.modelKey())) {
                candidates.add(new Candidate(candidate.id(), canonicalVendor ? MatchKind.EXACT : MatchKind.ALIAS, 1.0,
                        canonicalVendor ? "same manufacturer and model" : "manufacturer '" + vendor + "' is an alias; same model"));
                continue;
            }
            Candidate close = closeMatch(candidate, productWords, product);
            if (close != null) {
                candidates.add(close);
            }
        }
        return candidates;
    }

    /**
     * True when the model's letters and digits equal one or more consecutive words of the product
     * name, so that "PIC iX" occurs in "Patient Information Center iX (PICiX)" but "MX40" does not
     * occur in "MX400-MX850".
     */
    static boolean occursAsWords(List<String> productWords, String modelKey) {
        for (int start = 0; start < productWords.size(); start++) {
            StringBuilder joined = new StringBuilder();
            for (int end = start; end < productWords.size() && joined.length() < modelKey.length(); end++) {
                joined.append(productWords.get(end));
                if (joined.toString().equals(modelKey)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Candidate closeMatch(InventoryProduct candidate, Set<String> productWords, String product) {
        String modelKey = candidate.modelKey();
        boolean modelIsSpecific = modelKey.length() >= 5 || (modelKey.length() >= 4 && modelKey.chars().anyMatch(Character::isDigit));
        if (modelIsSpecific && occursAsWords(ProductNames.wordList(product), modelKey)) {
            return new Candidate(candidate.id(), MatchKind.CLOSE, 0.9,
                    "the model '" + candidate.model() + "' occurs in '" + product + "'");
        }
        List<String> distinctive = new ArrayList<>();
        for (String word : ProductNames.words(candidate.model())) {
            if (ProductNames.isDistinctive(word)) {
                distinctive.add(word);
            }
        }
        if (distinctive.isEmpty()) {
            return null;
        }
        List<String> shared = new ArrayList<>();
        for (String word : distinctive) {
            if (productWords.contains(word)) {
                shared.add(word);
            }
        }
        boolean sharesNumber = shared.stream().anyMatch(word -> word.chars().anyMatch(Character::isDigit));
        // One shared word without a digit, such as a product line name, is too weak on its own.
        if (shared.size() == distinctive.size() && (shared.size() >= 2 || sharesNumber)) {
            return new Candidate(candidate.id(), MatchKind.CLOSE, 0.8,
                    "every distinctive word of the model '" + candidate.model() + "' (" + String.join(", ", shared) + ") occurs in '"
                            + product + "'");
        }
        double score = (double) shared.size() / distinctive.size();
        if (sharesNumber && score >= PROPOSAL_THRESHOLD) {
            return new Candidate(candidate.id(), MatchKind.CLOSE, score,
                    "the model '" + candidate.model() + "' shares " + String.join(", ", shared) + " with '" + product + "'");
        }
        return null;
    }
}
