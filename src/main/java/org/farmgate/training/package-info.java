/**
 * Training centre: the county's e-commerce courses (with trainers and materials), their
 * sessions (room, capacity, trainer, a calendar), enrolment by the person on a phone (the
 * phone proved by a one-time code through a {@link org.farmgate.training.Notifier}) or by
 * an operator, a waiting list promoted when a place frees, attendance by QR check-in or
 * the trainer's list, scores and certificates with a public verification code, named
 * cohorts, and the outcomes: trainees, person-times (人次) and how many went on to open a
 * shop. Owns the {@code training_*} tables. Publishes
 * {@link org.farmgate.training.SessionAttended} and
 * {@link org.farmgate.training.CertificateIssued}; consumes no events.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "geo", "uploads", "web" })
package org.farmgate.training;
