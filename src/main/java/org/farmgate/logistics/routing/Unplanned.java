package org.farmgate.logistics.routing;

/**
 * A task the plan does not serve and why, as a short code: {@link #CAPACITY} (too big for
 * the vehicles, or no room left), {@link #TIME_WINDOW} (no vehicle can be there in time),
 * {@link #UNREACHABLE} (no travel to or from its sites), {@link #UNKNOWN}.
 *
 * @param taskId the task
 * @param reason the reason code
 */
public record Unplanned(String taskId, String reason) {

	/**
	 * The goods do not fit into any vehicle (or the vehicles that could take them are
	 * full).
	 */
	public static final String CAPACITY = "CAPACITY";

	/** No vehicle can serve the task within its windows and its shift. */
	public static final String TIME_WINDOW = "TIME_WINDOW";

	/** The task's sites cannot be travelled to or from a depot. */
	public static final String UNREACHABLE = "UNREACHABLE";

	/** The planner could not tell. */
	public static final String UNKNOWN = "UNKNOWN";

}
