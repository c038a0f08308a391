package org.farmgate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: real HTTP against a running Farmgate, keeping cookies and
 * sending each form's CSRF token the way a page would.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	public WebSession(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens the page that holds a form, then posts the form with that page's CSRF token.
	 */
	public HttpResponse<String> submit(String pagePath, String actionPath, Map<String, String> fields)
			throws IOException, InterruptedException {
		HttpResponse<String> page = get(pagePath);
		Matcher matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on " + pagePath + " (status " + page.statusCode() + ")");
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", matcher.group(1));
		String form = all.entrySet()
			.stream()
			.map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return this.client.send(HttpRequest.newBuilder(URI.create(this.base + actionPath))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
		return submit("/login", "/login", Map.of("username", username, "password", password));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
