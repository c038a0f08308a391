package org.farmgate.income;

/** The work a household member is paid wages for. */
public enum Work {

	WORKSHOP, PACKING, LIVE_STREAMING, FIELD, OTHER

}
