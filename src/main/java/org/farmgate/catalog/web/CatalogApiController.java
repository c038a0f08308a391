package org.farmgate.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.AdjustmentInput;
import org.farmgate.catalog.AdjustmentView;
import org.farmgate.catalog.BatchInput;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.BatchView;
import org.farmgate.catalog.CatalogException;
import org.farmgate.catalog.Certification;
import org.farmgate.catalog.ListingInput;
import org.farmgate.catalog.ListingManagement;
import org.farmgate.catalog.ListingMatch;
import org.farmgate.catalog.ListingView;
import org.farmgate.catalog.OrderLineKey;
import org.farmgate.catalog.ProductInput;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.ReservationInput;
import org.farmgate.catalog.ReservationView;
import org.farmgate.catalog.SkuInput;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.catalog.StockManagement;
import org.farmgate.catalog.StockView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog API: products and their SKUs, listings and the order-line lookup, stock
 * with adjustments and reservations, batches. A merchant's calls reach only its own
 * organisation's records; anything else is 404.
 */
@RestController
class CatalogApiController {

	private final ProductManagement products;

	private final SkuManagement skus;

	private final ListingManagement listings;

	private final StockManagement stock;

	private final BatchManagement batches;

	CatalogApiController(ProductManagement products, SkuManagement skus, ListingManagement listings,
			StockManagement stock, BatchManagement batches) {
		this.products = products;
		this.skus = skus;
		this.listings = listings;
		this.stock = stock;
		this.batches = batches;
	}

	@GetMapping("/api/v1/products")
	List<ProductView> products(@AuthenticationPrincipal SignedInUser user) {
		return this.products.products(user);
	}

	@GetMapping("/api/v1/products/{id}")
	ProductView product(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.products.product(user, id).orElseThrow(CatalogException::notFound);
	}

	@PostMapping("/api/v1/products")
	ResponseEntity<ProductView> addProduct(@AuthenticationPrincipal SignedInUser user,
			@RequestBody ProductInput input) {
		ProductView added = this.products.add(user, input);
		return ResponseEntity.created(URI.create("/api/v1/products/" + added.id())).body(added);
	}

	@PutMapping("/api/v1/products/{id}")
	ProductView changeProduct(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody ProductInput input) {
		return this.products.change(user, id, input);
	}

	@PostMapping("/api/v1/products/{id}/certifications")
	ResponseEntity<ProductView> certify(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody Certification certification) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.products.certify(user, id, certification));
	}

	@GetMapping("/api/v1/products/{id}/skus")
	List<SkuView> skus(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.skus.skusOf(user, id);
	}

	@PostMapping("/api/v1/products/{id}/skus")
	ResponseEntity<SkuView> addSku(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody SkuInput input) {
		SkuView added = this.skus.add(user, id, input);
		return ResponseEntity.created(URI.create("/api/v1/skus/" + added.id())).body(added);
	}

	@GetMapping("/api/v1/skus/{id}")
	SkuView sku(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.skus.sku(user, id).orElseThrow(CatalogException::notFound);
	}

	@PutMapping("/api/v1/skus/{id}")
	SkuView changeSku(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestBody SkuInput input) {
		return this.skus.change(user, id, input);
	}

	@GetMapping("/api/v1/listings")
	List<ListingView> listings(@AuthenticationPrincipal SignedInUser user) {
		return this.listings.listings(user);
	}

	@PostMapping("/api/v1/listings")
	ResponseEntity<ListingView> list(@AuthenticationPrincipal SignedInUser user, @RequestBody ListingInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.listings.list(user, input));
	}

	@DeleteMapping("/api/v1/listings/{id}")
	ResponseEntity<Void> unlist(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		this.listings.unlist(user, id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The SKU an order line of a shop is for (what the orders module does for every
	 * imported line); 404 when nothing matches.
	 */
	@GetMapping("/api/v1/listings/match")
	ListingMatch match(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID shopId,
			@RequestParam(required = false) String itemId, @RequestParam(required = false) String skuId,
			@RequestParam(required = false) String merchantCode, @RequestParam(required = false) String title) {
		return this.listings.match(user, new OrderLineKey(null, shopId, itemId, skuId, merchantCode, title))
			.orElseThrow(() -> CatalogException.because("catalog.error.no-match"));
	}

	@GetMapping("/api/v1/stock")
	List<StockView> stock(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID skuId) {
		return (skuId != null) ? this.stock.stockOf(user, skuId) : this.stock.stock(user);
	}

	@PostMapping("/api/v1/stock/adjustments")
	ResponseEntity<StockView> adjust(@AuthenticationPrincipal SignedInUser user, @RequestBody AdjustmentInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.stock.adjust(user, input));
	}

	@GetMapping("/api/v1/stock/adjustments")
	List<AdjustmentView> adjustments(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID skuId) {
		return this.stock.adjustments(user, skuId);
	}

	/**
	 * Reserves stock for an order line: 201 when reserved now, 200 when the same order
	 * line was reserved before, 409 {@code catalog.error.insufficient-stock} when fewer
	 * units are available.
	 */
	@PostMapping("/api/v1/stock/reservations")
	ResponseEntity<ReservationView> reserve(@AuthenticationPrincipal SignedInUser user,
			@RequestBody ReservationInput input) {
		ReservationView reservation = this.stock.reserve(user, input);
		return ResponseEntity.status(reservation.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/stock/reservations/" + reservation.id()))
			.body(reservation);
	}

	@GetMapping("/api/v1/stock/reservations/{id}")
	ReservationView reservation(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.stock.reservation(user, id).orElseThrow(CatalogException::notFound);
	}

	@PostMapping("/api/v1/stock/reservations/{id}/release")
	ReservationView release(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.stock.release(user, id);
	}

	@PostMapping("/api/v1/stock/reservations/{id}/commit")
	ReservationView commit(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.stock.commit(user, id);
	}

	@GetMapping("/api/v1/batches")
	List<BatchView> batches(@AuthenticationPrincipal SignedInUser user) {
		return this.batches.batches(user);
	}

	@GetMapping("/api/v1/batches/{id}")
	BatchView batch(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.batches.batch(user, id).orElseThrow(CatalogException::notFound);
	}

	@PostMapping("/api/v1/batches")
	ResponseEntity<BatchView> record(@AuthenticationPrincipal SignedInUser user, @RequestBody BatchInput input) {
		BatchView recorded = this.batches.record(user, input);
		return ResponseEntity.created(URI.create("/api/v1/batches/" + recorded.id())).body(recorded);
	}

}
