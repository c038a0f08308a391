package org.farmgate.income.web;

import org.farmgate.income.IncomeException;
import org.farmgate.web.ProblemDetails;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused income request through the API: 404 for what is outside the caller's scope,
 * 409 for a record reversed or paid already (or two clerks at once), 400 otherwise;
 * {@code code} names the rule and {@code detail} says what to fix in the caller's
 * language.
 */
@RestControllerAdvice(assignableTypes = IncomeApiController.class)
class IncomeProblems {

	private final MessageSource messages;

	IncomeProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.OptimisticLockingFailureException.class,
			org.springframework.dao.PessimisticLockingFailureException.class,
			org.springframework.data.relational.core.conversion.DbActionExecutionException.class })
	ResponseEntity<ProblemDetail> conflict() {
		return ProblemDetails.refused(this.messages, HttpStatus.CONFLICT, "income.error.conflict", new Object[0]);
	}

	@ExceptionHandler(IncomeException.class)
	ResponseEntity<ProblemDetail> refused(IncomeException ex) {
		HttpStatus status = switch (ex.messageKey()) {
			case "income.error.not-found" -> HttpStatus.NOT_FOUND;
			case "income.error.reversed-already", "income.error.not-owed", "income.error.conflict" ->
				HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ProblemDetails.refused(this.messages, status, ex.messageKey(), ex.arguments());
	}

}
