package org.farmgate.logistics;

import java.util.List;

/**
 * What a carrier pushes about one parcel (modelled on Kuaidi100's push): the carrier (our
 * code, Kuaidi100's company code or the Chinese name), the waybill number, and its
 * events, each with a state (ours, a Kuaidi100 state number or word), a time (ISO-8601
 * with an offset, or {@code yyyy-MM-dd HH:mm:ss} in China's time) and where it happened.
 */
public record TrackingPush(String carrier, String trackingNo, List<Event> events) {

	public TrackingPush {
		events = (events != null) ? List.copyOf(events) : List.of();
	}

	/** One event of the trace. */
	public record Event(String state, String time, String location, String context) {
	}

	/**
	 * What became of a push: events recorded, duplicates ignored, whether the number
	 * matched no parcel (the events are kept, unmatched), and the events refused with
	 * their position (from 0) and reason.
	 */
	public record Outcome(int recorded, int duplicates, boolean unmatched, List<Refused> refused) {
	}

	/** An event that was refused: its position in the push and a message key. */
	public record Refused(int index, String reason) {
	}

}
