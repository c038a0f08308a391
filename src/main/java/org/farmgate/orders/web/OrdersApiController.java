package org.farmgate.orders.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.AfterSaleStatus;
import org.farmgate.orders.ImportJobView;
import org.farmgate.orders.OrderException;
import org.farmgate.orders.OrderImports;
import org.farmgate.orders.OrderIntegrations;
import org.farmgate.orders.OrderMessage;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderQuery;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.OrderView;
import org.farmgate.orders.channels.ExportFile;

import org.farmgate.web.PageOf;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The orders API: import jobs of export files for a shop, and the orders of the caller's
 * scope with filters and paging. A merchant reaches only its own organisation's shops and
 * orders; anything else is 404.
 */
@RestController
class OrdersApiController {

	private final OrderImports imports;

	private final OrderManagement orders;

	private final OrderIntegrations integrations;

	OrdersApiController(OrderImports imports, OrderManagement orders, OrderIntegrations integrations) {
		this.imports = imports;
		this.orders = orders;
		this.integrations = integrations;
	}

	/**
	 * Starts an import of one or more export files (parts named {@code file}); answers
	 * 202 with the job, to be followed at {@code /api/v1/order-imports/{id}}.
	 */
	@PostMapping("/api/v1/shops/{shopId}/order-imports")
	ResponseEntity<ImportJobView> startImport(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID shopId,
			@RequestParam(name = "file", required = false) List<MultipartFile> files) throws IOException {
		List<ExportFile> exports = new ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			exports.add(new ExportFile(file.getOriginalFilename(), file.getBytes()));
		}
		ImportJobView job = this.imports.start(user, shopId, exports);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/order-imports/" + job.id()))
			.body(job);
	}

	@GetMapping("/api/v1/order-imports/{id}")
	ImportJobView importJob(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.imports.job(user, id).orElseThrow(OrderException::notFound);
	}

	@GetMapping("/api/v1/orders")
	PageOf<OrderView> orders(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID shopId,
			@RequestParam(required = false) String platformOrderNo, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) AfterSaleStatus afterSale,
			@RequestParam(defaultValue = "false") boolean held,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page) {
		return this.orders.orders(user,
				new OrderQuery(shopId, platformOrderNo, status, afterSale, held, from, to, q, page));
	}

	/**
	 * Takes one order in the documented JSON shape ({@link OrderMessage}); the
	 * {@code Idempotency-Key} header makes a retry safe: 201 the first time, 200 with the
	 * same order after.
	 */
	@PostMapping(value = "/api/v1/shops/{shopId}/orders", consumes = "application/json")
	ResponseEntity<OrderView> receive(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID shopId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody String body) {
		OrderIntegrations.Received received = this.integrations.receive(user, shopId, key, body);
		return ResponseEntity.status(received.first() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/orders/" + received.order().id()))
			.body(received.order());
	}

	/**
	 * A shop's webhook: an order or a buyer's message, signed with the shop's secret
	 * ({@code X-Farmgate-Timestamp}, {@code X-Farmgate-Signature}: hex HMAC-SHA256 of the
	 * timestamp followed by the body); 401 when the signature or timestamp is not right.
	 */
	@PostMapping("/api/v1/webhooks/{shopId}")
	ResponseEntity<Accepted> webhook(@PathVariable UUID shopId,
			@RequestHeader(name = "X-Farmgate-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Farmgate-Signature", required = false) String signature,
			@RequestBody(required = false) String body) {
		OrderView order = this.integrations.webhook(shopId, timestamp, signature, (body != null) ? body : "");
		return ResponseEntity.ok(new Accepted(order.id(), order.platformOrderNo(), order.status()));
	}

	/**
	 * What a webhook call answers: the order it concerned and its status now.
	 */
	record Accepted(UUID orderId, String platformOrderNo, OrderStatus status) {
	}

	@GetMapping("/api/v1/orders/{id}")
	OrderView order(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.orders.order(user, id).orElseThrow(OrderException::notFound);
	}

}
