package org.farmgate.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refused API request as every module answers it: an RFC 9457 problem whose
 * {@code code} names the rule (a message-bundle key) and whose {@code detail} says what
 * to fix in the caller's language.
 */
public final class ProblemDetails {

	private ProblemDetails() {
	}

	public static ResponseEntity<ProblemDetail> refused(MessageSource messages, HttpStatus status, String key,
			Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale()));
		problem.setProperty("code", key);
		return ResponseEntity.status(status).body(problem);
	}

}
