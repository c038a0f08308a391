package org.farmgate.statistics.web;

import org.farmgate.statistics.Filter;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's links for a filter: a step down (to a village, an organisation, a shop,
 * a product) keeps the area, the period and the steps taken so far; a step back up drops
 * the steps below it; a preset period keeps the area and the steps.
 */
public record Links(Filter filter) {

	public String village(String id) {
		return base(0).replaceQueryParam("village", id).toUriString();
	}

	public String organisation(String id) {
		return base(1).replaceQueryParam("organisation", id).toUriString();
	}

	public String shop(String id) {
		return base(2).replaceQueryParam("shop", id).toUriString();
	}

	public String product(String id) {
		return base(3).replaceQueryParam("product", id).toUriString();
	}

	/** A step down to a village, an organisation, a shop or a product (by kind). */
	public String to(String kind, String id) {
		return switch (kind) {
			case "village" -> village(id);
			case "organisation" -> organisation(id);
			case "shop" -> shop(id);
			case "product" -> product(id);
			default -> throw new IllegalArgumentException("no step to " + kind);
		};
	}

	/** Back up to the area (depth -1) or to a step (0 village … 3 product). */
	public String up(int depth) {
		return base(depth).toUriString();
	}

	/** The same view over a preset period. */
	public String preset(String name) {
		UriComponentsBuilder builder = steps(UriComponentsBuilder.fromPath("/statistics"), 3);
		builder.queryParam("area", this.filter.area()).queryParam("period", name);
		return builder.toUriString();
	}

	/** A CSV export of one table of this view. */
	public String csv(String table) {
		return steps(UriComponentsBuilder.fromPath("/statistics/export/" + table + ".csv"), 3)
			.queryParam("area", this.filter.area())
			.queryParam("from", this.filter.from())
			.queryParam("to", this.filter.to())
			.toUriString();
	}

	private UriComponentsBuilder base(int depth) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/statistics")
			.queryParam("area", this.filter.area())
			.queryParam("from", this.filter.from())
			.queryParam("to", this.filter.to());
		return steps(builder, depth);
	}

	private UriComponentsBuilder steps(UriComponentsBuilder builder, int depth) {
		if (depth >= 0 && this.filter.village() != null) {
			builder.queryParam("village", this.filter.village());
		}
		if (depth >= 1 && this.filter.organisation() != null) {
			builder.queryParam("organisation", this.filter.organisation());
		}
		if (depth >= 2 && this.filter.shop() != null) {
			builder.queryParam("shop", this.filter.shop());
		}
		if (depth >= 3 && this.filter.product() != null) {
			builder.queryParam("product", this.filter.product());
		}
		return builder;
	}

}
