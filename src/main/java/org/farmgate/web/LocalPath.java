package org.farmgate.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page a request came from (its Referer), when that is a page of this site: a path to
 * link or redirect back to, never an address elsewhere (no {@code //host}, no
 * {@code /\host}).
 */
public final class LocalPath {

	private LocalPath() {
	}

	public static String ofReferer(HttpServletRequest request, String fallback) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return fallback;
		}
		try {
			URI uri = URI.create(referer);
			String path = uri.getRawPath();
			boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
			if (local && (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName()))) {
				return path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed Referer
		}
		return fallback;
	}

}
