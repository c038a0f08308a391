package org.farmgate.training;

/**
 * Where a person stands for a session: a place (ENROLLED), in the queue for one
 * (WAITING), or gone (CANCELLED). A waiting person is promoted when a place frees;
 * someone who cancelled may enrol again, at the end of the queue if the session is full.
 */
public enum EnrolmentStatus {

	ENROLLED, WAITING, CANCELLED;

	/** Whether a person in this state holds or awaits a place. */
	public boolean active() {
		return this != CANCELLED;
	}

	boolean canMoveTo(EnrolmentStatus next) {
		return switch (this) {
			case ENROLLED -> next == CANCELLED;
			case WAITING -> next == ENROLLED || next == CANCELLED;
			case CANCELLED -> next == ENROLLED || next == WAITING;
		};
	}

	/**
	 * The state a new or returning enrolment takes: a place while there is one, else the
	 * queue.
	 */
	static EnrolmentStatus onArrival(int capacity, int enrolled) {
		return (enrolled < capacity) ? ENROLLED : WAITING;
	}

}
