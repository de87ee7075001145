package org.patchdesk.intel.feeds;

/**
 * One product of a CSAF product tree, taken from the path of branches that ends in its product id.
 *
 * @param vendor the name of the {@code vendor} branch, as given (ICSMA-18-058-02 spells Philips "Phillips")
 * @param productName the name of the {@code product_name} branch
 * @param version the version text of the leaf, free text such as "1.6", "<=4.0.1" or "vers:all/*", or null when
 *        the path has no version branch
 * @param versionIsRange whether the version comes from a {@code product_version_range} branch
 */
public record CsafProduct(String productId, String vendor, String productName, String version, boolean versionIsRange) {
}
