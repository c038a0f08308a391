package org.farmgate.statistics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a statistics view covers: an area (a county, or a city: every county whose code
 * starts with the city's four digits), optionally narrowed to a village, an organisation,
 * a shop or a product, over the days from {@code from} to {@code to}, both included
 * (Asia/Shanghai).
 */
public record Filter(String area, UUID village, UUID organisation, UUID shop, UUID product, LocalDate from,
		LocalDate to) {

	/** Whether the area is a city (its code ends in 00) rather than one county. */
	public boolean city() {
		return this.area.endsWith("00");
	}

	/** The LIKE pattern of the county codes the area covers. */
	String counties() {
		return city() ? this.area.substring(0, 4) + "%" : this.area;
	}

	/** The same days a year before. */
	Filter yearBefore() {
		return new Filter(this.area, this.village, this.organisation, this.shop, this.product, this.from.minusYears(1),
				this.to.minusYears(1));
	}

	Filter days(LocalDate from, LocalDate to) {
		return new Filter(this.area, this.village, this.organisation, this.shop, this.product, from, to);
	}

	/** Whether the view is narrowed below the area. */
	boolean narrowed() {
		return this.village != null || this.organisation != null || this.shop != null || this.product != null;
	}

}
