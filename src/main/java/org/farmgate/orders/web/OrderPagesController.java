package org.farmgate.orders.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.orders.AfterSaleStatus;
import org.farmgate.orders.HoldReason;
import org.farmgate.orders.ImportJobView;
import org.farmgate.orders.MerchantAlerts;
import org.farmgate.orders.OrderException;
import org.farmgate.orders.OrderImports;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderQuery;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.OrderTimes;
import org.farmgate.orders.OrderView;
import org.farmgate.orders.channels.ChannelExports;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.farmgate.web.CsvCells;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merchant's order inbox (every order of its shops, with filters, search by order
 * number, recipient or the last four digits of the phone, and paging), an order's page,
 * and order imports with their progress and report.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'ANALYST')")
class OrderPagesController {

	private final OrderManagement orders;

	private final OrderImports imports;

	private final RegistryManagement registry;

	private final MessageSource messages;

	private final MerchantAlerts alerts;

	private final ProductManagement products;

	private final SkuManagement skus;

	OrderPagesController(OrderManagement orders, OrderImports imports, RegistryManagement registry,
			MessageSource messages, MerchantAlerts alerts, ProductManagement products, SkuManagement skus) {
		this.products = products;
		this.skus = skus;
		this.alerts = alerts;
		this.orders = orders;
		this.imports = imports;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/orders")
	String inbox(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID shopId,
			@RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) AfterSaleStatus afterSale,
			@RequestParam(defaultValue = "false") boolean held, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("list",
				this.orders.orders(user, new OrderQuery(shopId, null, status, afterSale, held, null, null, q, page)));
		List<ShopView> shops = this.registry.shops(user);
		model.addAttribute("shops", shops);
		model.addAttribute("shopNames", shops.stream().collect(Collectors.toMap(ShopView::id, ShopView::name)));
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("shopId", shopId);
		model.addAttribute("status", status);
		model.addAttribute("held", held);
		model.addAttribute("q", q);
		return "orders/inbox";
	}

	/**
	 * The live alerts of the user's scope as Server-Sent Events ({@code order} events
	 * with the alert as JSON), for the open inbox.
	 */
	@GetMapping(value = "/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	SseEmitter stream(@AuthenticationPrincipal SignedInUser user) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		Runnable stop = this.alerts.listen(user, alert -> {
			try {
				emitter.send(SseEmitter.event().name("order").data(alert, MediaType.APPLICATION_JSON));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(error -> stop.run());
		return emitter;
	}

	/** Bulk action of the inbox: look again at the chosen orders on hold. */
	@PostMapping("/orders/recheck")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String recheck(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "orderId", required = false) List<UUID> orderIds, RedirectAttributes redirect) {
		int moved = this.orders.recheck(user, (orderIds != null) ? orderIds : List.of());
		redirect.addFlashAttribute("notice", "orders.recheck.done");
		redirect.addFlashAttribute("moved", moved);
		return "redirect:/orders?held=true";
	}

	/**
	 * The orders of the inbox's filters as a CSV file (UTF-8 with BOM for spreadsheets),
	 * phones masked, safe from formula injection.
	 */
	@GetMapping(value = "/orders/export.csv", produces = "text/csv")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) UUID shopId, @RequestParam(required = false) OrderStatus status,
			@RequestParam(defaultValue = "false") boolean held, @RequestParam(defaultValue = "") String q,
			Locale locale) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(CsvCells.row(text("orders.number", locale), text("orders.shop", locale),
				text("orders.status", locale), text("orders.paid-amount", locale), text("orders.recipient", locale),
				text("orders.address", locale), text("orders.created-at", locale)));
		for (int page = 0; page < 250; page++) {
			var found = this.orders.orders(user, new OrderQuery(shopId, null, status, null, held, null, null, q, page));
			for (OrderView order : found.items()) {
				csv.append(CsvCells.row(order.platformOrderNo(), text("registry.platform." + order.platform(), locale),
						text("orders.status." + order.status(), locale), order.paidAmount(),
						(order.recipientName() != null) ? order.recipientName() + " " + order.recipientPhone() : null,
						order.rawAddress(),
						(order.createdAt() != null) ? order.createdAt()
							.atZone(OrderTimes.CHINA)
							.toLocalDateTime()
							.toString()
							.replace('T', ' ') : null));
			}
			if (page + 1 >= found.pages()) {
				break;
			}
		}
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"orders.csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	@GetMapping("/orders/{id}")
	String order(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		OrderView order = this.orders.order(user, id).orElseThrow(NotFound::new);
		model.addAttribute("order", order);
		model.addAttribute("shop", this.registry.shop(user, order.shopId()).orElse(null));
		model.addAttribute("holdReasons", HoldReason.values());
		boolean unmatched = order.lines().stream().anyMatch(line -> line.skuId() == null);
		boolean writes = user.role() != org.farmgate.accounts.Role.ANALYST;
		model.addAttribute("mayMap", unmatched && writes);
		if (unmatched && writes) {
			Map<UUID, String> names = this.products.products(user)
				.stream()
				.filter(product -> product.organisationId().equals(order.organisationId()))
				.collect(Collectors.toMap(ProductView::id, ProductView::nameZh));
			model.addAttribute("skuChoices",
					this.skus.skus(user)
						.stream()
						.filter(sku -> names.containsKey(sku.productId()))
						.map(sku -> Map.entry(sku.id(),
								names.get(sku.productId()) + " · " + sku.specification()
										+ ((sku.merchantCode() != null) ? " · " + sku.merchantCode() : "")))
						.sorted(Map.Entry.comparingByValue())
						.toList());
		}
		return "orders/order";
	}

	@PostMapping("/orders/{id}/lines/map")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String mapLine(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestParam String lineKey,
			@RequestParam(required = false) UUID skuId, RedirectAttributes redirect) {
		try {
			int moved = this.orders.mapLine(user, id, lineKey, skuId);
			redirect.addFlashAttribute("notice", "orders.map.done");
			redirect.addFlashAttribute("moved", moved);
		}
		catch (OrderException ex) {
			if ("orders.error.not-found".equals(ex.messageKey())) {
				throw new NotFound();
			}
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArguments", ex.arguments());
		}
		return "redirect:/orders/" + id;
	}

	@GetMapping("/orders/imports")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String imports(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID shopId,
			Model model) {
		List<ShopView> shops = this.registry.shops(user);
		model.addAttribute("shops", shops);
		UUID chosen = (shopId != null) ? shopId : shops.stream().findFirst().map(ShopView::id).orElse(null);
		model.addAttribute("shopId", chosen);
		model.addAttribute("jobs", (chosen != null) ? this.imports.jobsOf(user, chosen) : List.of());
		return "orders/imports";
	}

	@PostMapping("/orders/imports")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String startImport(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID shopId,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		List<ExportFile> exports = new ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			exports.add(new ExportFile(file.getOriginalFilename(), file.getBytes()));
		}
		try {
			ImportJobView job = this.imports.start(user, shopId, exports);
			return "redirect:/orders/imports/" + job.id();
		}
		catch (OrderException ex) {
			if ("orders.error.not-found".equals(ex.messageKey())) {
				throw new NotFound();
			}
			redirect.addFlashAttribute("problem", ex.messageKey());
			return "redirect:/orders/imports" + ((shopId != null) ? "?shopId=" + shopId : "");
		}
	}

	@GetMapping("/orders/imports/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String job(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model, Locale locale) {
		ImportJobView job = this.imports.job(user, id).orElseThrow(NotFound::new);
		model.addAttribute("job", job);
		model.addAttribute("message", message(job, locale));
		return "orders/import-job";
	}

	/** The progress part of the job page, polled by htmx until the job ends. */
	@GetMapping("/orders/imports/{id}/progress")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String progress(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model, Locale locale) {
		job(user, id, model, locale);
		return "orders/import-job :: progress";
	}

	/** A failed job's message: its key, and after a bar the file or platform it names. */
	private String message(ImportJobView job, Locale locale) {
		if (job.message() == null) {
			return null;
		}
		String[] parts = job.message().split("\\|", 2);
		Object[] arguments = { (parts.length > 1) ? parts[1] : "", String.join("；", ChannelExports.expected()) };
		return this.messages.getMessage(parts[0], arguments, parts[0], locale);
	}

	/**
	 * An order or job that does not exist in the user's scope: the 404 page.
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

	}

}
