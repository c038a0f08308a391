package org.farmgate.registry;

/**
 * How an organisation belongs to an industrial park: hosted in it (入驻) or affiliated to
 * it (挂靠).
 */
public enum ParkRelation {

	HOSTED, AFFILIATED

}
