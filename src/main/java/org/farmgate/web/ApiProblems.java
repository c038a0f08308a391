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

	/**
	 * Every problem names its rule in {@code code}, as the modules' refusals do: a
	 * request that could not be read is {@code api.error.400}, a method not allowed
	 * {@code api.error.405}, and so on.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
			org.springframework.http.HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			problem.setProperty("code", "api.error." + statusCode.value());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
