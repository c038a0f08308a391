package org.farmgate.catalog.web;

import org.farmgate.catalog.CatalogException;
import org.farmgate.catalog.InsufficientStockException;
import org.farmgate.web.ProblemDetails;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused catalog request through the API: 404 for what is outside the caller's scope,
 * 409 for a duplicate or for stock that is not there, 400 otherwise; {@code code} names
 * the rule and {@code detail} says what to fix in the caller's language.
 */
@RestControllerAdvice(assignableTypes = { CatalogApiController.class, PublicCatalogApiController.class })
class CatalogProblems {

	private final MessageSource messages;

	CatalogProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.OptimisticLockingFailureException.class,
			org.springframework.data.relational.core.conversion.DbActionExecutionException.class })
	ResponseEntity<ProblemDetail> conflict() {
		return refused(new CatalogConflict());
	}

	@ExceptionHandler(CatalogException.class)
	ResponseEntity<ProblemDetail> refused(CatalogException ex) {
		HttpStatus status = switch (ex.messageKey()) {
			case "catalog.error.not-found", "catalog.error.no-match" -> HttpStatus.NOT_FOUND;
			case "catalog.error.insufficient-stock", "catalog.error.merchant-code-taken",
					"catalog.error.listing-exists", "catalog.error.certification-exists",
					"catalog.error.order-line-reused", "catalog.error.reservation-settled", "catalog.error.conflict" ->
				HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		ResponseEntity<ProblemDetail> refused = ProblemDetails.refused(this.messages, status, ex.messageKey(),
				ex.arguments());
		if (ex instanceof InsufficientStockException insufficient) {
			refused.getBody().setProperty("available", insufficient.available());
		}
		return refused;
	}

	/**
	 * Two requests racing on the same natural key or the same record.
	 */
	static class CatalogConflict extends CatalogException {

		CatalogConflict() {
			super("catalog.error.conflict");
		}

	}

}
