package org.farmgate.orders.web;

import org.farmgate.orders.OrderException;
import org.farmgate.orders.WebhookRefusedException;
import org.farmgate.web.ProblemDetails;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused orders request through the API: 404 for what is outside the caller's scope,
 * 400 otherwise, with {@code code} and a {@code detail} in the caller's language.
 */
@RestControllerAdvice(assignableTypes = OrdersApiController.class)
class OrderProblems {

	private final MessageSource messages;

	OrderProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** Two requests racing on the same order: the database decided; try again. */
	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.ConcurrencyFailureException.class,
			org.springframework.data.relational.core.conversion.DbActionExecutionException.class })
	ResponseEntity<ProblemDetail> conflict() {
		return refused(OrderException.because("orders.error.conflict"));
	}

	@ExceptionHandler(WebhookRefusedException.class)
	ResponseEntity<ProblemDetail> unauthenticated() {
		return ProblemDetails.refused(this.messages, HttpStatus.UNAUTHORIZED, "orders.webhook.refused");
	}

	@ExceptionHandler(OrderException.class)
	ResponseEntity<ProblemDetail> refused(OrderException ex) {
		HttpStatus status = switch (ex.messageKey()) {
			case "orders.error.not-found" -> HttpStatus.NOT_FOUND;
			case "orders.message.key-reused", "orders.error.conflict", "catalog.error.listing-exists" ->
				HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ProblemDetails.refused(this.messages, status, ex.messageKey(), ex.arguments());
	}

}
