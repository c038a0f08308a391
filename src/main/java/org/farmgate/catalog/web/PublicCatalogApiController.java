package org.farmgate.catalog.web;

import java.util.List;

import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.CatalogException;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.farmgate.catalog.TraceView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public, read-only catalog API (no sign-in): a county's products, and what a trace
 * code says about its batch.
 */
@RestController
class PublicCatalogApiController {

	private final ProductManagement products;

	private final BatchManagement batches;

	private final String defaultCounty;

	PublicCatalogApiController(ProductManagement products, BatchManagement batches,
			@Value("${farmgate.demo-county.code:520122}") String defaultCounty) {
		this.products = products;
		this.batches = batches;
		this.defaultCounty = defaultCounty;
	}

	@GetMapping("/api/public/v1/products")
	List<PublicProduct> products(@RequestParam(required = false) String county) {
		String code = (county != null) ? county.strip() : this.defaultCounty;
		if (!code.matches("[0-9]{6}")) {
			throw CatalogException.because("catalog.error.county");
		}
		return this.products.publicProducts(code);
	}

	@GetMapping("/api/public/v1/trace/{code}")
	TraceView trace(@PathVariable String code) {
		return this.batches.trace(code).orElseThrow(CatalogException::notFound);
	}

}
