package org.farmgate.logistics.routing;

/**
 * One visit of a route: a task's goods collected or dropped at a site, with when the
 * vehicle arrives, starts the service (after waiting for the window to open) and leaves,
 * and the load on board when it leaves.
 *
 * @param taskId the task served
 * @param action collecting or dropping
 * @param site where
 * @param arrival when the vehicle arrives
 * @param start when the service starts
 * @param departure when the vehicle leaves
 * @param loadAfter the load on board when it leaves
 */
public record Stop(String taskId, Action action, Site site, double arrival, double start, double departure,
		int loadAfter) {

	/** What happens at a stop. */
	public enum Action {

		/** Goods are collected. */
		PICKUP,

		/** Goods are dropped. */
		DELIVERY

	}

}
