package org.farmgate.logistics.routing;

import java.util.Objects;

/**
 * One job of a day: collect goods somewhere and bring them to the depot
 * ({@link Kind#PICKUP}), take goods from the depot somewhere ({@link Kind#DELIVERY}), or
 * carry goods from one site to another in one vehicle ({@link Kind#SHIPMENT}). The unused
 * side of a pickup or a delivery is {@code null} (its service time zero).
 *
 * @param id the task's id, unique within a problem
 * @param kind what the task is
 * @param pickupAt where the goods are collected (null for a delivery)
 * @param deliverAt where the goods are dropped (null for a pickup)
 * @param size the load the goods take, in the units of {@link Vehicle#capacity()}
 * @param pickupService how long collecting takes
 * @param deliveryService how long dropping takes
 * @param pickupWindow when collecting may start (null for a delivery)
 * @param deliveryWindow when dropping may start (null for a pickup)
 */
public record Task(String id, Kind kind, Site pickupAt, Site deliverAt, int size, double pickupService,
		double deliveryService, Window pickupWindow, Window deliveryWindow) {

	/** What a task is. */
	public enum Kind {

		/** Collected at its site and brought back to the depot. */
		PICKUP,

		/** Loaded at the depot and dropped at its site. */
		DELIVERY,

		/** Collected at one site and dropped at another by the same vehicle. */
		SHIPMENT

	}

	public Task {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		if (size < 0) {
			throw new IllegalArgumentException("task " + id + " has a negative size");
		}
		if (pickupService < 0 || deliveryService < 0) {
			throw new IllegalArgumentException("task " + id + " has a negative service time");
		}
		boolean picks = kind != Kind.DELIVERY;
		boolean delivers = kind != Kind.PICKUP;
		if (picks != (pickupAt != null) || delivers != (deliverAt != null)) {
			throw new IllegalArgumentException("task " + id + " of kind " + kind + " has the wrong sites");
		}
		if (picks && pickupWindow == null) {
			pickupWindow = Window.always();
		}
		if (delivers && deliveryWindow == null) {
			deliveryWindow = Window.always();
		}
		if (!picks) {
			pickupWindow = null;
			pickupService = 0;
		}
		if (!delivers) {
			deliveryWindow = null;
			deliveryService = 0;
		}
	}

	/** Goods collected at a site and brought to the depot. */
	public static Task pickup(String id, Site at, int size, double service, Window window) {
		return new Task(id, Kind.PICKUP, at, null, size, service, 0, window, null);
	}

	/** Goods loaded at the depot and dropped at a site. */
	public static Task delivery(String id, Site at, int size, double service, Window window) {
		return new Task(id, Kind.DELIVERY, null, at, size, 0, service, null, window);
	}

	/** Goods carried from one site to another by one vehicle. */
	public static Task shipment(String id, Site from, Site to, int size, double pickupService, double deliveryService,
			Window pickupWindow, Window deliveryWindow) {
		return new Task(id, Kind.SHIPMENT, from, to, size, pickupService, deliveryService, pickupWindow,
				deliveryWindow);
	}

}
