package org.farmgate.accounts;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The JSON answers of the API when a request is not signed in (401), refused (403) or
 * throttled (429): the API never redirects to the login page.
 */
@Component
class ApiErrors {

	private final JsonMapper json;

	ApiErrors(JsonMapper json) {
		this.json = json;
	}

	AuthenticationEntryPoint entryPoint() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (ex instanceof LoginThrottledException) {
				write(response, 429, "Too many failed sign-in attempts; try again in 15 minutes.");
				return;
			}
			write(response, HttpServletResponse.SC_UNAUTHORIZED,
					"Sign in with HTTP Basic or an API token (Authorization: Bearer ...).");
		};
	}

	AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> write(response, HttpServletResponse.SC_FORBIDDEN,
				"Your role does not allow this request.");
	}

	void write(HttpServletResponse response, int status, String message) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("timestamp", Instant.now().toString());
		body.put("status", status);
		body.put("error", reason(status));
		body.put("message", message);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			// No Basic challenge: a browser would prompt, then send the cached
			// credentials
			// with cross-site requests (there is no CSRF token on the API).
			response.setHeader("WWW-Authenticate", "Bearer realm=\"Farmgate\"");
		}
		this.json.writeValue(response.getOutputStream(), body);
	}

	private static String reason(int status) {
		return switch (status) {
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 429 -> "Too Many Requests";
			default -> "Error";
		};
	}

}
