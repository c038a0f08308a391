package org.farmgate.training;

/**
 * How an attendee was checked in: scanning the session's QR code, or on the trainer's
 * list.
 */
public enum CheckInMethod {

	QR, TRAINER

}
