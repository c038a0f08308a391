package org.farmgate;

/**
 * Thrown by an asynchronous event listener that declines an event because the application
 * is stopping: its publication stays incomplete, and the event publication registry gives
 * it again at the next start. Logged as one line, not as an error (see
 * {@link AsyncConfiguration}).
 */
public class TakenAtNextStart extends IllegalStateException {

	public TakenAtNextStart(Object event) {
		super("stopping: " + event.getClass().getSimpleName() + " is taken at the next start");
	}

	/**
	 * No stack: hundreds are thrown when the application stops during a burst of events,
	 * and none is logged with one.
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
