package org.farmgate.registry;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the registry's events, or holds them while an import row is tried in a
 * savepoint: a row rolled back to its savepoint must not tell the world what it did (the
 * outer transaction still commits, and listeners would hear of things that are not
 * there). The import publishes a row's held events once the row is kept.
 */
@Component
class RegistryEvents {

	private final ApplicationEventPublisher events;

	private final ThreadLocal<List<Object>> held = new ThreadLocal<>();

	RegistryEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	void publishEvent(Object event) {
		List<Object> holding = this.held.get();
		if (holding != null) {
			holding.add(event);
		}
		else {
			this.events.publishEvent(event);
		}
	}

	/** Holds what is published on this thread until {@link #release}. */
	void hold() {
		this.held.set(new ArrayList<>());
	}

	/**
	 * Stops holding, and publishes what was held when the work is kept.
	 */
	void release(boolean kept) {
		List<Object> holding = this.held.get();
		this.held.remove();
		if (kept && holding != null) {
			holding.forEach(this.events::publishEvent);
		}
	}

}
