package org.farmgate.registry.web;

import org.farmgate.registry.RegistryException;
import org.farmgate.web.ProblemDetails;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused registry request through the API: 404 for what is outside the caller's scope,
 * 409 for a duplicate natural key, 400 otherwise; {@code code} names the rule and
 * {@code detail} says what to fix in the caller's language.
 */
@RestControllerAdvice(assignableTypes = { RegistryApiController.class, HouseholdApiController.class,
		EntrepreneurApiController.class })
class RegistryProblems {

	private final MessageSource messages;

	RegistryProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Two requests racing on the same natural key, or two reviews of one organisation:
	 * the database's constraint decides; its message (which may hold an ID number) is
	 * neither sent nor logged.
	 */
	@ExceptionHandler({ org.springframework.dao.DataIntegrityViolationException.class,
			org.springframework.dao.OptimisticLockingFailureException.class,
			org.springframework.data.relational.core.conversion.DbActionExecutionException.class })
	ResponseEntity<ProblemDetail> conflict() {
		return refused(RegistryException.because("registry.error.conflict"));
	}

	@ExceptionHandler(RegistryException.class)
	ResponseEntity<ProblemDetail> refused(RegistryException ex) {
		HttpStatus status = switch (ex.messageKey()) {
			case "registry.error.not-found" -> HttpStatus.NOT_FOUND;
			case "registry.error.credit-code-taken", "registry.error.shop-exists", "registry.error.national-id-taken",
					"registry.error.document-exists", "registry.error.conflict" ->
				HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_REQUEST;
		};
		return ProblemDetails.refused(this.messages, status, ex.messageKey());
	}

}
