package org.farmgate.orders;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.ApiClient;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Orders sent by integrations: the API with an Idempotency-Key, signed webhooks (refused
 * with 401 when the signature or the timestamp is not right), and the live alerts they
 * raise, which reach the order's organisation and county only.
 */
@FarmgateTest
@org.springframework.test.context.event.RecordApplicationEvents
class OrderIntegrationTests {

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryManagement registry;

	@Autowired
	OrderManagement orders;

	@Autowired
	MerchantAlerts alerts;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.farmgate.accounts.AccountManagement accounts;

	@LocalServerPort
	int port;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	private ShopView shop(SignedInUser user, Platform platform) {
		return this.registry.shopsOf(user, user.scope().organisationId())
			.stream()
			.filter(shop -> shop.platform() == platform)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void anOrderSentTwiceWithTheSameIdempotencyKeyIsTakenOnceAndAnotherBodyUnderItIsRefused() throws Exception {
		ShopView douyin = shop(signedIn("merchant"), Platform.DOUYIN);
		String number = "dy" + UUID.randomUUID().toString().substring(0, 12);
		String body = OrderSamples.order(number, "PAID", "XF-SC-1500", 1);
		String key = UUID.randomUUID().toString();

		String id = com.jayway.jsonpath.JsonPath.read(send(douyin, key, body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.lines[0].reserved").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		send(douyin, key, body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
		send(douyin, key, OrderSamples.order(number, "SHIPPED", "XF-SC-1500", 1)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("orders.message.key-reused"));
		send(douyin, UUID.randomUUID().toString(), "{\"platformOrderNo\":\"x\"").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("orders.message.unreadable"));
		send(douyin, null, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("orders.message.idempotency-key"));
		send(douyin, UUID.randomUUID().toString(), OrderSamples.order(number + "q", "PAID", "XF-SC-1500", 0))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("orders.message.quantity"));
	}

	@Test
	void eightCallsAtOnceUnderOneIdempotencyKeyTakeTheOrderOnceAndAllAnswerWithIt() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView douyin = shop(merchant, Platform.DOUYIN);
		String number = "dy" + UUID.randomUUID().toString().substring(0, 12);
		String body = OrderSamples.order(number, "PAID", "XF-SC-1500", 1);
		String key = UUID.randomUUID().toString();

		List<HttpResponse<String>> answers = atOnce(douyin, key,
				List.of(body, body, body, body, body, body, body, body));

		assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
		assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(7);
		assertThat(answers.stream().map(answer -> (String) JsonPath.read(answer.body(), "$.id")).distinct())
			.as("every caller is answered with the one order")
			.hasSize(1);
		assertThat(this.orders
			.orders(merchant, new OrderQuery(douyin.id(), number, null, null, false, null, null, null, 0))
			.items()).singleElement()
			.satisfies(order -> assertThat(order.lines()).singleElement()
				.satisfies(line -> assertThat(line.reserved()).isTrue()));
	}

	@Test
	void eightDifferentBodiesAtOnceUnderOneIdempotencyKeyTakeOnlyOneAndRefuseTheOthers() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView douyin = shop(merchant, Platform.DOUYIN);
		String number = "dy" + UUID.randomUUID().toString().substring(0, 12);
		List<String> bodies = new java.util.ArrayList<>();
		for (int quantity = 1; quantity <= 8; quantity++) {
			bodies.add(OrderSamples.order(number, "SHIPPED", "XF-SC-1500", quantity));
		}

		List<HttpResponse<String>> answers = atOnce(douyin, UUID.randomUUID().toString(), bodies);

		assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
		assertThat(answers).filteredOn(answer -> answer.statusCode() != 201)
			.hasSize(7)
			.allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(409))
			.allSatisfy(answer -> assertThat(answer.body()).contains("orders.message.key-reused"));
		int taken = answers.stream()
			.filter(answer -> answer.statusCode() == 201)
			.map(answer -> (Integer) JsonPath.read(answer.body(), "$.lines[0].quantity"))
			.findFirst()
			.orElseThrow();
		assertThat(this.orders
			.orders(merchant, new OrderQuery(douyin.id(), number, null, null, false, null, null, null, 0))
			.items()).as("the order as the one body taken says")
			.singleElement()
			.satisfies(order -> assertThat(order.lines()).singleElement()
				.satisfies(line -> assertThat(line.quantity()).isEqualTo(taken)));
	}

	@Test
	void twelveSignedWebhooksAtOnceAllLandWhileTheConnectionPoolIsSmaller() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView pinduoduo = shop(merchant, Platform.PINDUODUO);
		String secret = this.registry.rotateWebhookSecret(merchant, pinduoduo.id());
		String run = "pdd" + UUID.randomUUID().toString().substring(0, 8);
		ApiClient api = new ApiClient("http://localhost:" + this.port);
		List<Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String body = "{\"type\":\"ORDER\",\"order\":"
					+ OrderSamples.order(run + "-" + i, "SHIPPED", "XF-SC-1500", 1) + "}";
			calls.add(() -> {
				long now = System.currentTimeMillis() / 1000;
				return api.post("/api/v1/webhooks/" + pinduoduo.id(), body, null, "X-Farmgate-Timestamp",
						String.valueOf(now), "X-Farmgate-Signature", OrderSamples.sign(secret, now, body));
			});
		}
		for (HttpResponse<String> answer : atOnce(calls)) {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		}
		for (int i = 0; i < 12; i++) {
			assertThat(this.orders
				.orders(merchant, new OrderQuery(pinduoduo.id(), run + "-" + i, null, null, false, null, null, null, 0))
				.items()).as("order %d landed once", i).hasSize(1);
		}
	}

	/** Sends the bodies at the same moment, one thread each, under one key. */
	private List<HttpResponse<String>> atOnce(ShopView shop, String key, List<String> bodies) throws Exception {
		ApiClient api = new ApiClient("http://localhost:" + this.port);
		// an integration signs its calls with an API token (password sign-ins at once are
		// throttled)
		String credentials = ApiClient
			.bearer(this.accounts.issueToken(signedIn("merchant").id(), "order sync " + UUID.randomUUID()).secret());
		List<Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
		for (String body : bodies) {
			calls.add(() -> api.post("/api/v1/shops/" + shop.id() + "/orders", body, credentials, "Idempotency-Key",
					key));
		}
		return atOnce(calls);
	}

	/** Makes the calls at the same moment, one thread each; answers in their order. */
	private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> running = new java.util.ArrayList<>();
			for (Callable<T> call : calls) {
				running.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> answers = new java.util.ArrayList<>();
			for (Future<T> call : running) {
				answers.add(call.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSuningShopSendsItsOwnStatusCodesWhichAreReadIntoTheUnifiedLifecycle() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView suning = this.registry
			.openShop(merchant, new org.farmgate.registry.ShopInput(merchant.scope().organisationId(), Platform.SUNING,
					"立碑苏宁小店 " + UUID.randomUUID().toString().substring(0, 6), "sn-" + UUID.randomUUID(), null, null))
			.shop();
		String number = "sn" + UUID.randomUUID().toString().substring(0, 10);
		String shipped = OrderSamples.order(number, "PAID", "XF-SC-1500", 1)
			.replace("\"status\":\"PAID\"", "\"platformStatus\":\"20\"");

		send(suning, UUID.randomUUID().toString(), shipped).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SHIPPED"));
		send(suning, UUID.randomUUID().toString(), shipped.replace("\"20\"", "\"99\"").replace(number, number + "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("orders.message.status"));
	}

	@Test
	void aSignedWebhookCreatesThePaidOrderAndAlertsItsOrganisationAndCountyButNoOtherMerchant() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView pinduoduo = shop(merchant, Platform.PINDUODUO);
		String secret = this.registry.rotateWebhookSecret(merchant, pinduoduo.id());
		List<MerchantAlerts.Alert> ours = new CopyOnWriteArrayList<>();
		List<MerchantAlerts.Alert> county = new CopyOnWriteArrayList<>();
		List<MerchantAlerts.Alert> others = new CopyOnWriteArrayList<>();
		Runnable stopOurs = this.alerts.listen(merchant, ours::add);
		Runnable stopCounty = this.alerts.listen(signedIn("operator"), county::add);
		Runnable stopOthers = this.alerts.listen(otherMerchant(), others::add);
		try {
			String number = "pdd" + UUID.randomUUID().toString().substring(0, 10);
			String body = "{\"type\":\"ORDER\",\"order\":" + OrderSamples.order(number, "PAID", "XF-SC-1500", 1) + "}";
			long now = System.currentTimeMillis() / 1000;

			webhook(pinduoduo, now, OrderSamples.sign(secret, now, body), body).andExpect(status().isOk())
				.andExpect(jsonPath("$.platformOrderNo").value(number))
				.andExpect(jsonPath("$.status").value("PAID"));

			assertThat(ours).singleElement().satisfies(alert -> {
				assertThat(alert.kind()).isEqualTo("PAID");
				assertThat(alert.platformOrderNo()).isEqualTo(number);
			});
			assertThat(county).extracting(MerchantAlerts.Alert::platformOrderNo).contains(number);
			assertThat(others).isEmpty();

			String message = "{\"type\":\"MESSAGE\",\"platformOrderNo\":\"" + number + "\",\"message\":\"能发顺丰吗？\"}";
			webhook(pinduoduo, now, OrderSamples.sign(secret, now, message), message).andExpect(status().isOk());
			assertThat(ours).extracting(MerchantAlerts.Alert::kind).containsExactly("PAID", "MESSAGE");
			webhook(pinduoduo, now, OrderSamples.sign(secret, now, message), message).andExpect(status().isOk());
			assertThat(ours).as("a replayed call is answered but does not alert again").hasSize(2);
			assertThat(ours.get(1).message()).isEqualTo("能发顺丰吗？");
			assertThat(others).isEmpty();
		}
		finally {
			stopOurs.run();
			stopCounty.run();
			stopOthers.run();
		}
	}

	@Test
	void aPaidOrderWhoseAmountChangesIsToldAgainToTheStatisticsWithoutAlertingPaidASecondTime() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView pinduoduo = shop(merchant, Platform.PINDUODUO);
		String secret = this.registry.rotateWebhookSecret(merchant, pinduoduo.id());
		List<MerchantAlerts.Alert> ours = new CopyOnWriteArrayList<>();
		Runnable stop = this.alerts.listen(merchant, ours::add);
		try {
			String number = "pdd" + UUID.randomUUID().toString().substring(0, 10);
			String paid = "{\"type\":\"ORDER\",\"order\":" + OrderSamples.order(number, "PAID", "XF-SC-1500", 1) + "}";
			String discounted = paid.replace("\"paidAmount\":39.90", "\"paidAmount\":29.90");
			long now = System.currentTimeMillis() / 1000;

			webhook(pinduoduo, now, OrderSamples.sign(secret, now, paid), paid).andExpect(status().isOk());
			webhook(pinduoduo, now, OrderSamples.sign(secret, now, discounted), discounted).andExpect(status().isOk());

			assertThat(ours).as("paid once: the second call changed the amount, it did not pay again")
				.singleElement()
				.extracting(MerchantAlerts.Alert::kind)
				.isEqualTo("PAID");
			assertThat(this.events.stream(OrderPaid.class).filter(one -> one.platformOrderNo().equals(number)))
				.hasSize(1);
			assertThat(this.events.stream(OrdersRestated.class)
				.flatMap(restated -> restated.paid().stream())
				.filter(one -> one.platformOrderNo().equals(number))).singleElement()
				.extracting(OrderPaid::paidAmount)
				.isEqualTo(new java.math.BigDecimal("29.90"));
		}
		finally {
			stop.run();
		}
	}

	@Test
	void aWebhookWithABadSignatureAnOldTimestampOrNoSignatureIsUnauthenticatedAndSavesNothing() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView pinduoduo = shop(merchant, Platform.PINDUODUO);
		String secret = this.registry.rotateWebhookSecret(merchant, pinduoduo.id());
		String number = "bad" + UUID.randomUUID().toString().substring(0, 10);
		String body = "{\"order\":" + OrderSamples.order(number, "PAID", "XF-SC-1500", 1) + "}";
		long now = System.currentTimeMillis() / 1000;

		webhook(pinduoduo, now, OrderSamples.sign("whsec_wrong", now, body), body).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("orders.webhook.refused"));
		webhook(pinduoduo, now - 301, OrderSamples.sign(secret, now - 301, body), body)
			.andExpect(status().isUnauthorized());
		webhook(pinduoduo, now, null, body).andExpect(status().isUnauthorized());
		webhook(pinduoduo, now, OrderSamples.sign(secret, now, body), body.replace("PAID", "CANCELLED"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/webhooks/" + UUID.randomUUID()).header("X-Farmgate-Timestamp", now)
				.header("X-Farmgate-Signature", OrderSamples.sign(secret, now, body))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnauthorized());

		assertThat(this.orders.orders(merchant, new OrderQuery(null, number, null, null, false, null, null, null, 0))
			.total()).isZero();
	}

	private SignedInUser otherMerchant() {
		SignedInUser operator = signedIn("operator");
		UUID libei = signedIn("merchant").scope().organisationId();
		UUID other = this.registry.organisations(operator)
			.stream()
			.map(organisation -> organisation.id())
			.filter(id -> !id.equals(libei))
			.findFirst()
			.orElseThrow();
		String username = "other-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createAccount(username, username, org.farmgate.accounts.Role.MERCHANT,
				new org.farmgate.accounts.DataScope("520122", other, null), "merchant-pass");
		return signedIn(username);
	}

	private ResultActions send(ShopView shop, String key, String body) throws Exception {
		return send(shop.id(), key, body);
	}

	private ResultActions send(UUID shopId, String key, String body) throws Exception {
		var request = post("/api/v1/shops/" + shopId + "/orders").contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(httpBasic("merchant", "farmgate"));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.mvc.perform(request);
	}

	private ResultActions webhook(ShopView shop, long timestamp, String signature, String body) throws Exception {
		var request = post("/api/v1/webhooks/" + shop.id()).header("X-Farmgate-Timestamp", timestamp)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (signature != null) {
			request.header("X-Farmgate-Signature", signature);
		}
		return this.mvc.perform(request);
	}

}
