package org.farmgate.logistics.web;

import org.farmgate.logistics.LogisticsException;
import org.farmgate.web.ProblemDetails;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused logistics request through the API: 404 for what is outside the caller's
 * scope, 409 for a parcel that cannot move that way or a waybill number taken (or two
 * clerks at once), 400 otherwise; {@code code} names the rule and {@code detail} says
 * what to fix in the caller's language.
 */
@RestControllerAdvice(assignableTypes = LogisticsApiController.class)
class LogisticsProblems {

	private final MessageSource messages;

	LogisticsProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.OptimisticLockingFailureException.class,
			org.springframework.dao.PessimisticLockingFailureException.class,
			org.springframework.data.relational.core.conversion.DbActionExecutionException.class })
	ResponseEntity<ProblemDetail> conflict() {
		return ProblemDetails.refused(this.messages, HttpStatus.CONFLICT, "logistics.error.conflict", new Object[0]);
	}

	@ExceptionHandler(LogisticsException.class)
	ResponseEntity<ProblemDetail> refused(LogisticsException ex) {
		HttpStatus status = switch (ex.messageKey()) {
			case "logistics.error.not-found" -> HttpStatus.NOT_FOUND;
			case "logistics.shipment.cannot-move", "logistics.shipment.tracking-taken", "logistics.shipment.held",
					"logistics.shipment.not-shippable", "orders.ship.held", "orders.ship.not-paid" ->
				HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ProblemDetails.refused(this.messages, status, ex.messageKey(), ex.arguments());
	}

}
