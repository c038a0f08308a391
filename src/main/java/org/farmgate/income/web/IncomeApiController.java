package org.farmgate.income.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.income.DividendInput;
import org.farmgate.income.DividendManagement;
import org.farmgate.income.DividendView;
import org.farmgate.income.HouseholdIncome;
import org.farmgate.income.IncomeException;
import org.farmgate.income.IncomeOverview;
import org.farmgate.income.IncomeQueries;
import org.farmgate.income.PaymentMethod;
import org.farmgate.income.ProcurementInput;
import org.farmgate.income.ProcurementManagement;
import org.farmgate.income.ProcurementView;
import org.farmgate.income.WageInput;
import org.farmgate.income.WageManagement;
import org.farmgate.income.WageView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The income API: purchases, wages and dividends (record, list, reverse, pay what is
 * owed), a household's income by year, and the county's roll-up per village.
 */
@RestController
class IncomeApiController {

	private final ProcurementManagement procurements;

	private final WageManagement wages;

	private final DividendManagement dividends;

	private final IncomeQueries queries;

	IncomeApiController(ProcurementManagement procurements, WageManagement wages, DividendManagement dividends,
			IncomeQueries queries) {
		this.procurements = procurements;
		this.wages = wages;
		this.dividends = dividends;
		this.queries = queries;
	}

	/** What a reversal says: why. */
	record Reversal(String reason) {
	}

	/** An owed purchase paid: when and how. */
	record Settlement(LocalDate paidOn, PaymentMethod method) {
	}

	@GetMapping("/api/v1/procurements")
	List<ProcurementView> procurements(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) UUID householdId, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page) {
		return this.procurements.procurements(user, householdId, year, page)
			.stream()
			.limit(ProcurementManagement.PAGE)
			.toList();
	}

	@GetMapping("/api/v1/procurements/{id}")
	ProcurementView procurement(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.procurements.procurement(user, id).orElseThrow(IncomeException::notFound);
	}

	@PostMapping("/api/v1/procurements")
	ResponseEntity<ProcurementView> record(@AuthenticationPrincipal SignedInUser user,
			@RequestBody ProcurementInput input) {
		ProcurementView recorded = this.procurements.record(user, input);
		return ResponseEntity.created(URI.create("/api/v1/procurements/" + recorded.id())).body(recorded);
	}

	@PostMapping("/api/v1/procurements/{id}/reversal")
	ResponseEntity<ProcurementView> reverse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody Reversal reversal) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.procurements.reverse(user, id, reversal.reason()));
	}

	@PostMapping("/api/v1/procurements/{id}/payment")
	ProcurementView pay(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody Settlement settlement) {
		return this.procurements.pay(user, id, settlement.paidOn(), settlement.method());
	}

	@GetMapping("/api/v1/wages")
	List<WageView> wages(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID householdId,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page) {
		return this.wages.wages(user, householdId, year, page).stream().limit(ProcurementManagement.PAGE).toList();
	}

	@PostMapping("/api/v1/wages")
	ResponseEntity<WageView> recordWage(@AuthenticationPrincipal SignedInUser user, @RequestBody WageInput input) {
		WageView recorded = this.wages.record(user, input);
		return ResponseEntity.created(URI.create("/api/v1/wages/" + recorded.id())).body(recorded);
	}

	@GetMapping("/api/v1/wages/{id}")
	WageView wage(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.wages.wage(user, id).orElseThrow(IncomeException::notFound);
	}

	@PostMapping("/api/v1/wages/{id}/reversal")
	ResponseEntity<WageView> reverseWage(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody Reversal reversal) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.wages.reverse(user, id, reversal.reason()));
	}

	@GetMapping("/api/v1/dividends")
	List<DividendView> dividends(@AuthenticationPrincipal SignedInUser user) {
		return this.dividends.dividends(user);
	}

	@GetMapping("/api/v1/dividends/{id}")
	DividendView dividend(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.dividends.dividend(user, id).orElseThrow(IncomeException::notFound);
	}

	@PostMapping("/api/v1/dividends")
	ResponseEntity<DividendView> distribute(@AuthenticationPrincipal SignedInUser user,
			@RequestBody DividendInput input) {
		DividendView recorded = this.dividends.distribute(user, input);
		return ResponseEntity.created(URI.create("/api/v1/dividends/" + recorded.id())).body(recorded);
	}

	@PostMapping("/api/v1/dividends/{id}/reversal")
	ResponseEntity<DividendView> reverseDividend(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody Reversal reversal) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.dividends.reverse(user, id, reversal.reason()));
	}

	/** A household's linked income by year, newest first (a merchant: what it paid). */
	@GetMapping("/api/v1/income/households/{id}")
	List<HouseholdIncome> household(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.queries.history(user, id);
	}

	/** The county's farmers' income for a year, per village (the county's staff). */
	@GetMapping("/api/v1/income/overview")
	IncomeOverview overview(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year) {
		return this.queries.overview(user, (year != null) ? year : this.queries.currentYear());
	}

}
