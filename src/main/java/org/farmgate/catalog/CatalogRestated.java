package org.farmgate.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The catalog's products and SKUs as they stand, told again (by {@link CatalogHistory})
 * for a listener that starts late or rebuilds what it keeps.
 */
public record CatalogRestated(UUID id, List<ProductAdded> products, List<SkuAdded> skus) {
}
