package org.farmgate.geo.web;

import java.util.List;

import org.farmgate.geo.AddressResolver;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A page where an operator pastes addresses (one per line) and sees how each resolves, to
 * check data before an import. Nothing is saved.
 */
@Controller
class AddressCheckController {

	static final int MAX_LINES = 500;

	private final AddressResolver resolver;

	AddressCheckController(@Lazy AddressResolver resolver) {
		this.resolver = resolver;
	}

	@GetMapping("/geo/addresses")
	String form() {
		return "geo/addresses";
	}

	@PostMapping("/geo/addresses")
	String check(@RequestParam(defaultValue = "") String addresses, Model model) {
		List<String> lines = addresses.lines().filter(line -> !line.isBlank()).toList();
		boolean cut = lines.size() > MAX_LINES;
		List<CheckedAddress> checked = lines.stream()
			.limit(MAX_LINES)
			.map(line -> new CheckedAddress(line, this.resolver.resolve(line)))
			.toList();
		model.addAttribute("addresses", addresses);
		model.addAttribute("checked", checked);
		model.addAttribute("cut", cut);
		model.addAttribute("tableVersion", this.resolver.tableVersion());
		return "geo/addresses";
	}

	/**
	 * A pasted line and how it resolved.
	 */
	record CheckedAddress(String address, org.farmgate.geo.Resolution resolution) {
	}

}
