package org.farmgate.catalog;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A product as pages and the API show it, with its certifications and the ids of its
 * photos.
 */
public record ProductView(UUID id, String countyCode, UUID organisationId, String categoryCode, String nameZh,
		String nameEn, String nameFr, String description, UUID originVillageId, Integer shelfLifeDays,
		StorageClass storage, List<Certification> certifications, List<UUID> photoIds) {

	/** The name in the reader's language, the Chinese one when there is none. */
	public String name(Locale locale) {
		String name = switch (locale.getLanguage()) {
			case "en" -> this.nameEn;
			case "fr" -> this.nameFr;
			default -> null;
		};
		return (name != null) ? name : this.nameZh;
	}

}
