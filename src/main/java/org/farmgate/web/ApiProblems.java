package org.farmgate.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Malformed API requests (a missing parameter, a wrong type, unreadable JSON) answered as
 * RFC 9457 problem details whose {@code detail} says what to fix, never a stack trace.
 * Pages keep their error pages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Object> statusProblem(ResponseStatusException ex, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(ex.getStatusCode(), ex.getReason());
		return handleExceptionInternal(ex, body, new HttpHeaders(), ex.getStatusCode(), request);
	}

}
