package org.farmgate.logistics.routing;

/**
 * A time window: service may start no earlier than {@code start} and no later than
 * {@code end} (a vehicle arriving early waits).
 *
 * @param start the earliest start of service
 * @param end the latest start of service
 */
public record Window(double start, double end) {

	private static final Window ALWAYS = new Window(0, Double.MAX_VALUE);

	public Window {
		if (Double.isNaN(start) || Double.isNaN(end) || end < start) {
			throw new IllegalArgumentException("window [" + start + ", " + end + "] is empty");
		}
	}

	/** A window that never closes: any time from zero on. */
	public static Window always() {
		return ALWAYS;
	}

	/** Whether service may start at this time. */
	public boolean contains(double time) {
		return time >= this.start && time <= this.end;
	}

}
