package org.farmgate.catalog.web;

import java.util.List;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.StockManagement;
import org.farmgate.catalog.StockView;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The stock page: every SKU's stock in the user's scope, low stock first when asked.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'ANALYST')")
class StockPagesController {

	private final StockManagement stock;

	StockPagesController(StockManagement stock) {
		this.stock = stock;
	}

	@GetMapping("/catalog/stock")
	String stock(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "false") boolean low,
			Model model) {
		List<StockView> rows = this.stock.stock(user);
		model.addAttribute("rows", low ? rows.stream().filter(StockView::low).toList() : rows);
		model.addAttribute("lowCount", rows.stream().filter(StockView::low).count());
		model.addAttribute("low", low);
		return "catalog/stock";
	}

}
