package org.farmgate.storefront.payment;

import java.time.Duration;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ways to pay, started by the checkout: cash on delivery needs nothing now, a bank
 * transfer gives the county's account and the order number as the reference, and the
 * sandbox gateway sends an anonymous buyer to its own page and back, then notifies the
 * shop over HTTP as a real gateway would.
 */
@FarmgateTest
@Import(ReceivedPayments.Listening.class)
class SandboxGatewayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ReceivedPayments received;

	@Test
	void cashOnDeliveryNeedsNothingOnlineAndIsRecordedAsNotRequired() {
		UUID checkoutId = UUID.randomUUID();

		Started started = this.payments.start(PaymentMethod.CASH_ON_DELIVERY, "FG-COD-1", checkoutId, 42_00, null,
				"/shop");

		assertThat(started.status()).isEqualTo(PaymentStatus.NOT_REQUIRED);
		assertThat(started.redirectUrl()).isNull();
		assertThat(this.payments.paymentOfCheckout(checkoutId)).get()
			.satisfies(payment -> assertThat(payment.status()).isEqualTo(PaymentStatus.NOT_REQUIRED))
			.satisfies(payment -> assertThat(payment.method()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY));
	}

	@Test
	void aBankTransferAwaitsTheTransferAndGivesTheAccountWithTheOrderNumberAsReference() {
		UUID checkoutId = UUID.randomUUID();

		Started started = this.payments.start(PaymentMethod.BANK_TRANSFER, "FG-BANK-77", checkoutId, 1_234_50, null,
				"/shop");

		assertThat(started.status()).isEqualTo(PaymentStatus.AWAITING_TRANSFER);
		assertThat(started.redirectUrl()).isNull();
		assertThat(started.instructions()).contains("FG-BANK-77", "1234.50", "6230 0000 0000 0000 520");
		assertThat(this.payments.paymentOfCheckout(checkoutId).orElseThrow().status())
			.isEqualTo(PaymentStatus.AWAITING_TRANSFER);
	}

	@Test
	void theDemoOffersEveryWayToPayAndRefusesWhatCannotBePaid() {
		assertThat(this.payments.methods()).containsExactly(PaymentMethod.values());
		UUID checkoutId = UUID.randomUUID();
		assertThatThrownBy(() -> this.payments.start(PaymentMethod.ONLINE, "FG-1", checkoutId, 0, null, "/shop"))
			.hasMessage("storefront.payment.error.amount");
		assertThatThrownBy(
				() -> this.payments.start(PaymentMethod.ONLINE, "FG-1", checkoutId, 100, null, "//evil.example/steal"))
			.hasMessage("storefront.payment.error.return-url");
		assertThat(this.payments.paymentOfCheckout(checkoutId)).isEmpty();
	}

	@Test
	void anOnlinePaymentGoesThroughTheSandboxPageAndIsPaidByTheGatewaysNotification() throws Exception {
		UUID checkoutId = UUID.randomUUID();
		String returnUrl = "/shop/checkout/" + checkoutId + "/done";

		Started started = this.payments.start(PaymentMethod.ONLINE, "FG-ONLINE-9", checkoutId, 88_80, "有机大米 5kg",
				returnUrl);

		assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
		UUID paymentId = this.payments.paymentOfCheckout(checkoutId).orElseThrow().id();
		assertThat(started.redirectUrl()).isEqualTo("/shop/pay/sandbox/" + paymentId);
		this.mvc.perform(get(started.redirectUrl()).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("沙箱支付（开发用，不会真的扣款）")))
			.andExpect(content().string(containsString("88.80")))
			.andExpect(content().string(containsString("FG-ONLINE-9")))
			.andExpect(content().string(containsString("value=\"pay\"")));

		this.mvc.perform(post(started.redirectUrl()).param("choice", "pay")).andExpect(status().isForbidden());
		this.mvc.perform(post(started.redirectUrl()).param("choice", "pay").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(returnUrl));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.payments.payment(paymentId).orElseThrow().status() == PaymentStatus.PAID);
		assertThat(this.payments.payment(paymentId).orElseThrow().buyerChoice()).isEqualTo("PAY");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.of(paymentId).size() == 1);
		this.mvc.perform(get(started.redirectUrl()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"pay\""))));
	}

	@Test
	void aBuyerWhoCancelsOnTheSandboxPageIsSentBackAndThePaymentFails() throws Exception {
		UUID checkoutId = UUID.randomUUID();
		String returnUrl = "/shop/checkout/" + checkoutId + "/done?from=pay";
		Started started = this.payments.start(PaymentMethod.ONLINE, "FG-ONLINE-10", checkoutId, 5_00, null, returnUrl);
		UUID paymentId = this.payments.paymentOfCheckout(checkoutId).orElseThrow().id();

		this.mvc.perform(post(started.redirectUrl()).param("choice", "cancel").with(csrf()))
			.andExpect(redirectedUrl(returnUrl));
		// a second press changes nothing
		this.mvc.perform(post(started.redirectUrl()).param("choice", "pay").with(csrf()))
			.andExpect(redirectedUrl(returnUrl));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.payments.payment(paymentId).orElseThrow().status() == PaymentStatus.FAILED);
		assertThat(this.payments.payment(paymentId).orElseThrow().buyerChoice()).isEqualTo("CANCEL");
		Thread.sleep(500);
		assertThat(this.payments.payment(paymentId).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.received.of(paymentId)).isEmpty();
	}

	@Test
	void theSandboxPageShowsOnlyOnlinePayments() throws Exception {
		UUID checkoutId = UUID.randomUUID();
		this.payments.start(PaymentMethod.CASH_ON_DELIVERY, "FG-COD-2", checkoutId, 1_00, null, "/shop");
		UUID paymentId = this.payments.paymentOfCheckout(checkoutId).orElseThrow().id();

		this.mvc.perform(get("/shop/pay/sandbox/" + paymentId)).andExpect(status().isNotFound());
		this.mvc.perform(get("/shop/pay/sandbox/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

}
