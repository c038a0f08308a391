package org.farmgate.geo;

/**
 * One meaning of a name found in an address: the code it was recorded under (which may be
 * a code no longer in force), the current codes it stands for today, and how much to
 * trust it.
 *
 * @param origin the code the name belongs to in the data (current or historical)
 * @param targets the current codes it stands for (several when a unit was split)
 * @param alias whether the name is a short or informal form rather than the full name
 * @param weak whether the name is too generic to stand alone (东区, 城区, Hong Kong's
 * districts): it needs a parent in the text
 * @param recency the year the name went out of use, or {@link #CURRENT}
 * @param kind a division, a region (province known only) or a development zone (city
 * known, not a GB unit)
 */
record Sense(int origin, int[] targets, boolean alias, boolean weak, int recency, Kind kind) {

	static final int CURRENT = 9999;

	enum Kind {

		DIVISION, REGION, ZONE

	}

	Sense asZone(int city) {
		return new Sense(this.origin, new int[] { city }, this.alias, false, this.recency, Kind.ZONE);
	}

	Sense withoutWeakness() {
		return new Sense(this.origin, this.targets, this.alias, false, this.recency, this.kind);
	}

}
