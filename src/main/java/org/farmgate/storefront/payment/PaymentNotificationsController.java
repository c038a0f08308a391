package org.farmgate.storefront.payment;

import java.util.Map;

import org.farmgate.web.ProblemDetails;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The online gateway's notifications: public, signed instead of signed in. Answers 200
 * {@code {"result":"ok"}} (or {@code "duplicate"} for one taken before), 401 for a bad
 * signature or timestamp, 400 for a malformed notification, an unknown payment or one
 * that does not match it, each with a problem whose {@code code} names the rule.
 */
@RestController
class PaymentNotificationsController {

	private final PaymentManagement payments;

	private final MessageSource messages;

	PaymentNotificationsController(PaymentManagement payments, MessageSource messages) {
		this.payments = payments;
		this.messages = messages;
	}

	@PostMapping(SandboxGateway.NOTIFY_PATH)
	Map<String, String> sandboxNotification(
			@RequestHeader(name = SandboxGateway.SIGNATURE_HEADER, required = false) String signature,
			@RequestBody(required = false) String body) {
		NotificationOutcome outcome = this.payments.notified(body, signature);
		return Map.of("result", (outcome == NotificationOutcome.DUPLICATE) ? "duplicate" : "ok");
	}

	@ExceptionHandler(PaymentException.class)
	ResponseEntity<ProblemDetail> refused(PaymentException ex) {
		return ProblemDetails.refused(this.messages,
				ex.unauthenticated() ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST, ex.messageKey(),
				ex.arguments());
	}

}
