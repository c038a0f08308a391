package org.farmgate.storefront.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The online gateway's notifications are taken only when signed with the gateway's
 * secret, fresh, and matching the payment; each once, whoever sends it how often; and a
 * paid payment stays paid.
 */
@FarmgateTest
@Import(ReceivedPayments.Listening.class)
class PaymentNotificationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PaymentManagement payments;

	@Autowired
	SandboxGateway gateway;

	@Autowired
	ReceivedPayments received;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aCorrectlySignedNotificationMarksThePaymentPaidAndPublishesPaymentReceivedOnce() throws Exception {
		PaymentView payment = onlinePayment(12_50);

		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now())).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value("ok"));

		PaymentView paid = this.payments.payment(payment.id()).orElseThrow();
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.paidAt()).isNotNull();
		assertThat(this.received.of(payment.id())).singleElement().satisfies(event -> {
			assertThat(event.checkoutId()).isEqualTo(payment.checkoutId());
			assertThat(event.orderNo()).isEqualTo(payment.orderNo());
			assertThat(event.amountFen()).isEqualTo(12_50);
			assertThat(event.at()).isEqualTo(paid.paidAt());
		});
		assertThat(this.payments.paymentOfCheckout(payment.checkoutId())).map(PaymentView::id).contains(payment.id());
	}

	@Test
	void aWrongSignatureIsRefusedWith401AndChangesNothing() throws Exception {
		PaymentView payment = onlinePayment(30_00);
		String body = body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now());
		String signature = this.gateway.sign(Long.toString(now()), body);
		String wrong = signature.substring(0, 63) + ((signature.charAt(63) == '0') ? '1' : '0');

		notify(body, wrong).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.signature"));
		notify(body, null).andExpect(status().isUnauthorized());
		notify(body, "not hex").andExpect(status().isUnauthorized());

		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(notificationsOf(payment)).isZero();
		assertThat(this.received.of(payment.id())).isEmpty();
	}

	@Test
	void aNotificationOlderThanFiveMinutesOrFromTheFutureIsRefusedWith401() throws Exception {
		PaymentView payment = onlinePayment(8_00);

		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now() - 6 * 60))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.expired"));
		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now() + 3 * 60))
			.andExpect(status().isUnauthorized());

		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(notificationsOf(payment)).isZero();
	}

	@Test
	void theSameNotificationReplayedAnswersDuplicateAndPublishesNoSecondEvent() throws Exception {
		PaymentView payment = onlinePayment(99_99);
		String body = body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now());

		notify(body).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ok"));
		notify(body).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("duplicate"));

		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(this.received.of(payment.id())).hasSize(1);
		assertThat(notificationsOf(payment)).isOne();
	}

	@Test
	void aTamperedAmountIsRefusedWhetherSignedAfterOrBefore() throws Exception {
		PaymentView payment = onlinePayment(50_00);
		long timestamp = now();
		String genuine = body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", timestamp);
		String signature = this.gateway.sign(Long.toString(timestamp), genuine);

		// changed on the way: the signature no longer covers it
		notify(genuine.replace("\"amountFen\":5000", "\"amountFen\":1"), signature)
			.andExpect(status().isUnauthorized());
		// signed with the right secret, but not the payment's amount
		notify(body(payment, "n-" + UUID.randomUUID(), 1, "PAID", timestamp)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.mismatch"));
		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", timestamp)
			.replace(payment.orderNo(), "OTHER-ORDER")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.mismatch"));

		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(notificationsOf(payment)).isZero();
		assertThat(this.received.of(payment.id())).isEmpty();
	}

	@Test
	void aFailureNotifiedAfterThePaymentWasPaidIsIgnored() throws Exception {
		PaymentView payment = onlinePayment(20_00);

		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now())).andExpect(status().isOk());
		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "FAILED", now()))
			.andExpect(status().isOk());

		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(this.received.of(payment.id())).hasSize(1);
	}

	@Test
	void aSuccessNotifiedAfterThePaymentFailedIsIgnoredBecauseItsOrdersWereCancelled() throws Exception {
		PaymentView payment = onlinePayment(20_00);

		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "FAILED", now()))
			.andExpect(status().isOk());
		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
		notify(body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", now())).andExpect(status().isOk());

		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.received.of(payment.id())).isEmpty();
	}

	@Test
	void malformedJsonAndUnknownPaymentsAreRefusedWith400AndACode() throws Exception {
		notify("{not json", "00").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.malformed"));
		PaymentView payment = onlinePayment(1);
		String unknown = body(payment, "n-" + UUID.randomUUID(), 1, "PAID", now()).replace(payment.id().toString(),
				UUID.randomUUID().toString());
		notify(unknown).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.unknown-payment"));
		notify(body(payment, "n-" + UUID.randomUUID(), 1, "MAYBE", now())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("storefront.payment.error.malformed"));
		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void theSameNotificationDeliveredByFourThreadsAtOncePaysOnceAndPublishesOneEvent() throws Exception {
		PaymentView payment = onlinePayment(66_60);
		long timestamp = now();
		String body = body(payment, "n-" + UUID.randomUUID(), payment.amountFen(), "PAID", timestamp);
		String signature = this.gateway.sign(Long.toString(timestamp), body);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + SandboxGateway.NOTIFY_PATH))
			.header("Content-Type", "application/json")
			.header(SandboxGateway.SIGNATURE_HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		CountDownLatch ready = new CountDownLatch(4);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return http.send(request, HttpResponse.BodyHandlers.ofString());
				}));
			}
			ready.await();
			go.countDown();
			List<String> bodies = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				bodies.add(response.body().replace(" ", ""));
			}
			assertThat(bodies).containsOnlyOnce("{\"result\":\"ok\"}");
			assertThat(bodies.stream().filter("{\"result\":\"duplicate\"}"::equals)).hasSize(3);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.payments.payment(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
		assertThat(this.received.of(payment.id())).hasSize(1);
		assertThat(notificationsOf(payment)).isOne();
	}

	private PaymentView onlinePayment(long amountFen) {
		UUID checkoutId = UUID.randomUUID();
		String orderNo = "FG" + UUID.randomUUID().toString().substring(0, 12);
		Started started = this.payments.start(PaymentMethod.ONLINE, orderNo, checkoutId, amountFen, "县域好物",
				"/shop/checkout/" + checkoutId + "/done");
		assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
		return this.payments.paymentOfCheckout(checkoutId).orElseThrow();
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	private static String body(PaymentView payment, String notificationId, long amountFen, String result,
			long timestamp) {
		return "{\"notificationId\":\"" + notificationId + "\",\"paymentId\":\"" + payment.id() + "\",\"orderNo\":\""
				+ payment.orderNo() + "\",\"amountFen\":" + amountFen + ",\"result\":\"" + result + "\",\"timestamp\":"
				+ timestamp + "}";
	}

	private ResultActions notify(String body) throws Exception {
		String timestamp = body.replaceFirst(".*\"timestamp\":(\\d+).*", "$1");
		return notify(body, this.gateway.sign(timestamp, body));
	}

	private ResultActions notify(String body, String signature) throws Exception {
		var request = post(SandboxGateway.NOTIFY_PATH).contentType(MediaType.APPLICATION_JSON).content(body);
		if (signature != null) {
			request.header(SandboxGateway.SIGNATURE_HEADER, signature);
		}
		return this.mvc.perform(request);
	}

	private long notificationsOf(PaymentView payment) {
		return this.jdbc.sql("SELECT count(*) FROM storefront_payment_notification WHERE payment_id = ?")
			.param(payment.id())
			.query(Long.class)
			.single();
	}

}
