package org.farmgate.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs: the demo ribbon, the signed-in user and their roles for
 * the navigation, and the languages of the switcher.
 */
@ControllerAdvice
class PageLayout {

	static final List<LayoutView.Language> LANGUAGES = List.of(new LayoutView.Language("zh-CN", "简体中文", null),
			new LayoutView.Language("en", "English", null), new LayoutView.Language("fr", "Français", null));

	private final boolean demo;

	private final String demoCountyCode;

	PageLayout(@Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String demoCountyCode) {
		this.demo = demo;
		this.demoCountyCode = demoCountyCode;
	}

	@ModelAttribute("layout")
	LayoutView layout(Locale locale, HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		Set<String> roles = signedIn ? authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet()) : Set.of();
		String here = pageToSwitchOn(request);
		List<LayoutView.Language> languages = LANGUAGES.stream()
			.map(language -> language.at(UriComponentsBuilder.fromUriString(here)
				.replaceQueryParam("lang", language.tag())
				.build(true)
				.toUriString()))
			.toList();
		return new LayoutView(this.demo, this.demoCountyCode, signedIn, signedIn ? authentication.getName() : null,
				roles, languages, locale.toLanguageTag(), here);
	}

	/**
	 * The page the language links lead back to: this one with its query, or, for a page
	 * shown in answer to a form post (which a link cannot repeat), the page of the form.
	 */
	private static String pageToSwitchOn(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (errorUri != null) {
			return errorUri.toString();
		}
		if ("GET".equals(request.getMethod())) {
			String query = request.getQueryString();
			return request.getRequestURI() + ((query != null) ? "?" + query : "");
		}
		return LocalPath.ofReferer(request, request.getContextPath() + "/");
	}

}
