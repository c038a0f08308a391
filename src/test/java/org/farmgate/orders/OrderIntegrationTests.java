package org.farmgate.orders;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
class OrderIntegrationTests {

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

	@Autowired
	org.farmgate.accounts.AccountManagement accounts;

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
