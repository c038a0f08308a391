package org.farmgate.catalog;

import java.util.Locale;

/**
 * A category of the two-level taxonomy (a top-level one has no parent), named in Chinese,
 * English and French.
 */
public record Category(String code, String parentCode, String nameZh, String nameEn, String nameFr) {

	public String name(Locale locale) {
		return switch (locale.getLanguage()) {
			case "en" -> this.nameEn;
			case "fr" -> this.nameFr;
			default -> this.nameZh;
		};
	}

	public boolean topLevel() {
		return this.parentCode == null;
	}

}
