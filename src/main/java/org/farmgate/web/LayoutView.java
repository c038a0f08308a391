package org.farmgate.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout shows: the demo ribbon, the signed-in user, navigation by role
 * and the language switcher.
 */
public record LayoutView(boolean demo, String demoCountyCode, boolean signedIn, String username, Set<String> roles,
		List<Language> languages, String languageTag, String here) {

	/**
	 * This page with one query parameter set: the links of pagers and language switches.
	 */
	public String withParam(String name, Object value) {
		return UriComponentsBuilder.fromUriString(this.here).replaceQueryParam(name, value).build(true).toUriString();
	}

	public boolean hasRole(String role) {
		return this.roles.contains("ROLE_" + role);
	}

	public boolean hasAnyRole(String... candidates) {
		for (String role : candidates) {
			if (hasRole(role)) {
				return true;
			}
		}
		return false;
	}

	public boolean isCurrent(Language language) {
		String current = this.languageTag.toLowerCase(Locale.ROOT);
		String tag = language.tag().toLowerCase(Locale.ROOT);
		return current.equals(tag) || current.startsWith(tag.substring(0, 2));
	}

	/**
	 * A language of the switcher: its tag, its own name, and the link that shows the
	 * current page in it.
	 */
	public record Language(String tag, String name, String href) {

		Language at(String href) {
			return new Language(this.tag, this.name, href);
		}

	}

}
