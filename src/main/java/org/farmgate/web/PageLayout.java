package org.farmgate.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the demo ribbon, the signed-in user and their roles for
 * the navigation, and the languages of the switcher.
 */
@ControllerAdvice
class PageLayout {

	static final List<LayoutView.Language> LANGUAGES = List.of(new LayoutView.Language("zh-CN", "简体中文"),
			new LayoutView.Language("en", "English"), new LayoutView.Language("fr", "Français"));

	private final boolean demo;

	private final String demoCountyCode;

	PageLayout(@Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String demoCountyCode) {
		this.demo = demo;
		this.demoCountyCode = demoCountyCode;
	}

	@ModelAttribute("layout")
	LayoutView layout(Locale locale) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		Set<String> roles = signedIn ? authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet()) : Set.of();
		return new LayoutView(this.demo, this.demoCountyCode, signedIn, signedIn ? authentication.getName() : null,
				roles, LANGUAGES, locale.toLanguageTag());
	}

}
