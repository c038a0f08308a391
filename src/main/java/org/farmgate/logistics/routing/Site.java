package org.farmgate.logistics.routing;

import java.util.Objects;

/**
 * A place a vehicle starts from, ends at or serves: an id and planar coordinates (already
 * projected kilometres, or anything a {@link Travel} understands).
 *
 * @param id the site's id, unique within a problem
 * @param x the east coordinate
 * @param y the north coordinate
 */
public record Site(String id, double x, double y) {

	public Site {
		Objects.requireNonNull(id, "id");
	}

}
