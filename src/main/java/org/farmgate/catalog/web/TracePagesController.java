package org.farmgate.catalog.web;

import java.time.Duration;
import java.util.UUID;

import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.Categories;
import org.farmgate.web.QrCodes;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.TraceView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What anyone may open without signing in: a batch's traceability page found by its trace
 * code, the QR code that leads there, and product photos.
 */
@Controller
class TracePagesController {

	private final BatchManagement batches;

	private final ProductManagement products;

	private final Categories categories;

	private final String publicBaseUrl;

	TracePagesController(BatchManagement batches, ProductManagement products, Categories categories,
			@Value("${farmgate.public-base-url:}") String publicBaseUrl) {
		this.batches = batches;
		this.products = products;
		this.categories = categories;
		this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
	}

	@GetMapping("/trace/{code}")
	String trace(@PathVariable String code, Model model) {
		TraceView trace = this.batches.trace(code).orElseThrow(UnknownTraceCode::new);
		model.addAttribute("trace", trace);
		model.addAttribute("category", this.categories.find(trace.categoryCode()).orElse(null));
		return "catalog/trace";
	}

	/** The QR code of a batch's public page, to print on labels. */
	@GetMapping(value = "/trace/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable String code) {
		String traceCode = this.batches.traceCode(code).orElseThrow(UnknownTraceCode::new);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.contentType(MediaType.IMAGE_PNG)
			.body(QrCodes.png(traceUrl(traceCode), 300));
	}

	@GetMapping(value = "/catalog/photos/{id}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@PathVariable UUID id) {
		return image(id, false);
	}

	@GetMapping(value = "/catalog/photos/{id}/thumbnail.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> thumbnail(@PathVariable UUID id) {
		return image(id, true);
	}

	private ResponseEntity<byte[]> image(UUID id, boolean thumbnail) {
		return this.products.photo(id, thumbnail)
			.map(bytes -> ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
				.contentType(MediaType.IMAGE_JPEG)
				.body(bytes))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * The public address of a trace page: {@code farmgate.public-base-url} when set (a
	 * label must not carry whatever host a request named), else this server's.
	 */
	private String traceUrl(String code) {
		String base = this.publicBaseUrl.isEmpty()
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : this.publicBaseUrl;
		return base + "/trace/" + code;
	}

	/**
	 * A trace code that names no batch: the friendly 404 page.
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownTraceCode extends RuntimeException {

	}

}
