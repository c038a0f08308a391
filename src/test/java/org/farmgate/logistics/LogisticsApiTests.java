package org.farmgate.logistics;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.ApiClient;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderIntegrations;
import org.farmgate.orders.OrderSamples;
import org.farmgate.orders.OrderView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logistics API over real HTTP with HTTP Basic, the way a carrier's push service and
 * a merchant's script call it: tracking pushes recorded once (unknown numbers kept,
 * merchants refused), malformed bodies answered as problems, parcels packed, read, hidden
 * from other organisations and shipped (moving the order), held orders refused with their
 * rule, and the day's runs planned by operators only.
 */
@FarmgateTest
class LogisticsApiTests {

	private static final String OPERATOR = ApiClient.basic("operator", "farmgate");

	private static final String MERCHANT = ApiClient.basic("merchant", "farmgate");

	@LocalServerPort
	int port;

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	RegistryManagement registry;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.farmgate.catalog.SkuManagement skus;

	@Autowired
	org.farmgate.catalog.StockManagement stock;

	private ApiClient api;

	private SignedInUser merchant;

	private ShopView shop;

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://localhost:" + this.port);
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.shop = org.farmgate.DemoStock.shop(this.registry, this.merchant, Platform.DOUYIN);
		org.farmgate.DemoStock.received(this.skus, this.stock, this.merchant, "XF-SC-1500", 30);
	}

	private OrderView paidOrder(String merchantCode) {
		String number = "lga" + UUID.randomUUID().toString().substring(0, 12);
		String body = OrderSamples.order(number, "PAID", merchantCode, 1);
		return this.integrations.receive(this.merchant, this.shop.id(), UUID.randomUUID().toString(), body).order();
	}

	private static String sfNumber() {
		return "SF" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
	}

	private static String packBody(OrderView order, String trackingNo) {
		return """
				{"orderIds":["%s"],"weightGrams":1500,"trackingNo":"%s"}""".formatted(order.id(), trackingNo);
	}

	private static String push(String trackingNo, String state, String time) {
		return """
				{"carrier":"shunfeng","trackingNo":"%s","events":[{"state":"%s","time":"%s","location":"南京"}]}"""
			.formatted(trackingNo, state, time);
	}

	/** A parcel packed through the API: its id. */
	private String packed(OrderView order, String trackingNo) throws Exception {
		HttpResponse<String> created = this.api.post("/api/v1/shipments", packBody(order, trackingNo), MERCHANT);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.shipment.id");
	}

	private String otherOrganisationsMerchant() {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		UUID otherOrganisation = this.registry.organisations(operator)
			.stream()
			.filter(organisation -> !organisation.id().equals(this.merchant.scope().organisationId()))
			.findFirst()
			.orElseThrow()
			.id();
		String username = "lga-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createAccount(username, username, Role.MERCHANT, new DataScope("520122", otherOrganisation, null),
				"a-long-password-1");
		return ApiClient.basic(username, "a-long-password-1");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception", "at org.", "at com.", "at tools.", "trace");
	}

	// tracking pushes

	@Test
	void aCarrierPushIsRecordedOnceAndShowsOnTheParcel() throws Exception {
		OrderView order = paidOrder("XF-SC-1500");
		String trackingNo = sfNumber();
		String id = packed(order, trackingNo);
		assertThat(this.api.post("/api/v1/shipments/" + id + "/shipped", "", MERCHANT).statusCode()).isEqualTo(200);
		String body = push(trackingNo, "3", "2026-11-29 15:30:00");

		HttpResponse<String> first = this.api.post("/api/v1/tracking-events", body, OPERATOR);
		HttpResponse<String> again = this.api.post("/api/v1/tracking-events", body, OPERATOR);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(first.body(), "$.recorded")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(first.body(), "$.duplicates")).isZero();
		assertThat((Boolean) JsonPath.read(first.body(), "$.unmatched")).isFalse();
		assertThat((List<?>) JsonPath.read(first.body(), "$.refused")).isEmpty();
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(again.body(), "$.recorded")).isZero();
		assertThat((Integer) JsonPath.read(again.body(), "$.duplicates")).isEqualTo(1);
		HttpResponse<String> parcel = this.api.get("/api/v1/shipments/" + id, MERCHANT);
		assertThat(parcel.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(parcel.body(), "$.shipment.status")).isEqualTo("DELIVERED");
		assertThat((List<String>) JsonPath.read(parcel.body(), "$.events[*].state")).containsExactly("DELIVERED");
		assertThat((List<String>) JsonPath.read(parcel.body(), "$.events[*].location")).containsExactly("南京");
	}

	@Test
	void aPushOfAnUnknownNumberIsKeptUnmatchedAndItsBadEventsAreRefusedByPosition() throws Exception {
		String body = """
				{"carrier":"SF","trackingNo":"%s","events":[
				 {"state":"1","time":"2026-11-28 09:00:00","location":"贵阳"},
				 {"state":"42","time":"2026-11-28 10:00:00"},
				 {"state":"0","time":"yesterday"},
				 {"state":"0","time":"2099-01-01T00:00:00+08:00"}]}""".formatted(sfNumber());

		HttpResponse<String> outcome = this.api.post("/api/v1/tracking-events", body, OPERATOR);

		assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(outcome.body(), "$.unmatched")).isTrue();
		assertThat((Integer) JsonPath.read(outcome.body(), "$.recorded")).isEqualTo(1);
		assertThat((List<Integer>) JsonPath.read(outcome.body(), "$.refused[*].index")).containsExactly(1, 2, 3);
		assertThat((List<String>) JsonPath.read(outcome.body(), "$.refused[*].reason"))
			.containsExactly("logistics.tracking.state", "logistics.tracking.time", "logistics.tracking.future");
	}

	@Test
	void aMalformedPushIsA400ProblemWithACodeAndNoStackTrace() throws Exception {
		List<String> bodies = List.of("{\"carrier\":\"shunfeng\",\"trackingNo\":", "not json at all",
				"{\"trackingNo\":\"SF1234567890123\",\"events\":\"3\"}");

		for (String body : bodies) {
			HttpResponse<String> answer = this.api.post("/api/v1/tracking-events", body, OPERATOR);
			assertProblem(answer, 400);
			assertThat((String) JsonPath.read(answer.body(), "$.code")).as(body).isEqualTo("api.error.400");
		}
		HttpResponse<String> badNumber = this.api.post("/api/v1/tracking-events",
				push("<b>?</b>", "3", "2026-11-29 15:30:00"), OPERATOR);
		assertProblem(badNumber, 400);
		assertThat((String) JsonPath.read(badNumber.body(), "$.code")).isEqualTo("logistics.tracking.number");
		HttpResponse<String> noEvents = this.api.post("/api/v1/tracking-events",
				"{\"carrier\":\"shunfeng\",\"trackingNo\":\"" + sfNumber() + "\"}", OPERATOR);
		assertProblem(noEvents, 400);
		assertThat((String) JsonPath.read(noEvents.body(), "$.code")).isEqualTo("logistics.tracking.no-events");
	}

	@Test
	void aMerchantMayNotPushTrackingEvents() throws Exception {
		String trackingNo = sfNumber();

		HttpResponse<String> refused = this.api.post("/api/v1/tracking-events",
				push(trackingNo, "3", "2026-11-29 15:30:00"), MERCHANT);
		HttpResponse<String> anonymous = this.api.post("/api/v1/tracking-events",
				push(trackingNo, "3", "2026-11-29 15:30:00"), null);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		HttpResponse<String> later = this.api.post("/api/v1/tracking-events",
				push(trackingNo, "3", "2026-11-29 15:30:00"), OPERATOR);
		assertThat((Integer) JsonPath.read(later.body(), "$.recorded")).as("nothing was kept of the refused push")
			.isEqualTo(1);
	}

	// parcels

	@Test
	void aParcelPackedThroughTheApiIsReadBackWithItsEventsAndHiddenFromAnotherOrganisation() throws Exception {
		OrderView order = paidOrder("XF-SC-1500");
		String trackingNo = sfNumber();

		HttpResponse<String> created = this.api.post("/api/v1/shipments", packBody(order, trackingNo), MERCHANT);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.shipment.id");
		assertThat((String) JsonPath.read(created.body(), "$.shipment.trackingNo")).isEqualTo(trackingNo);
		assertThat((String) JsonPath.read(created.body(), "$.shipment.carrier")).isEqualTo("SF");
		assertThat((String) JsonPath.read(created.body(), "$.shipment.recipientPhone")).isEqualTo("138****5678");
		this.api.post("/api/v1/tracking-events", push(trackingNo, "0", "2026-11-29 10:00:00"), OPERATOR);
		HttpResponse<String> read = this.api.get("/api/v1/shipments/" + id, MERCHANT);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(read.body(), "$.shipment.status")).isEqualTo("PACKED");
		assertThat((Integer) JsonPath.read(read.body(), "$.shipment.weightGrams")).isEqualTo(1500);
		assertThat((List<String>) JsonPath.read(read.body(), "$.events[*].state")).containsExactly("IN_TRANSIT");
		assertThat(read.body()).doesNotContain("13812345678");
		assertThat((List<String>) JsonPath.read(this.api.get("/api/v1/shipments", MERCHANT).body(), "$.items[*].id"))
			.contains(id);

		String other = otherOrganisationsMerchant();
		HttpResponse<String> hidden = this.api.get("/api/v1/shipments/" + id, other);
		assertProblem(hidden, 404);
		assertThat((String) JsonPath.read(hidden.body(), "$.code")).isEqualTo("logistics.error.not-found");
		HttpResponse<String> theirs = this.api.get("/api/v1/shipments", other);
		assertThat(theirs.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(theirs.body(), "$.items[*].id")).doesNotContain(id);
		assertThat(theirs.body()).doesNotContain(trackingNo);
		assertProblem(this.api.post("/api/v1/shipments/" + id + "/shipped", "", other), 404);
		assertThat(
				(String) JsonPath.read(this.api.get("/api/v1/shipments/" + id, MERCHANT).body(), "$.shipment.status"))
			.isEqualTo("PACKED");
	}

	@Test
	void shippingAParcelThroughTheApiMovesItsOrderToShipped() throws Exception {
		OrderView order = paidOrder("XF-SC-1500");
		String id = packed(order, sfNumber());

		HttpResponse<String> shipped = this.api.post("/api/v1/shipments/" + id + "/shipped", "", MERCHANT);

		assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(shipped.body(), "$.status")).isEqualTo("SHIPPED");
		HttpResponse<String> orders = this.api.get("/api/v1/orders?platformOrderNo=" + order.platformOrderNo(),
				MERCHANT);
		assertThat(orders.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(orders.body(), "$.items[*].status")).containsExactly("SHIPPED");
		HttpResponse<String> twice = this.api.post("/api/v1/shipments/" + id + "/shipped", "", MERCHANT);
		assertProblem(twice, 409);
		assertThat((String) JsonPath.read(twice.body(), "$.code")).isEqualTo("logistics.shipment.cannot-move");
	}

	@Test
	void aHeldOrderCannotBePackedAndTheRuleIsNamed() throws Exception {
		OrderView held = paidOrder("NO-SUCH-CODE-" + UUID.randomUUID().toString().substring(0, 6));
		assertThat(held.holds()).extracting(Enum::name).contains("UNMATCHED_LINE");
		String trackingNo = sfNumber();

		HttpResponse<String> refused = this.api.post("/api/v1/shipments", packBody(held, trackingNo), MERCHANT);

		assertThat(refused.statusCode()).as(refused.body()).isIn(400, 409);
		assertProblem(refused, refused.statusCode());
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("logistics.shipment.held");
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains(held.platformOrderNo());
		assertThat(this.api.get("/api/v1/shipments", MERCHANT).body()).doesNotContain(trackingNo);
	}

	@Test
	void aPackRequestWithoutWeightOrWithAnUnknownCarrierIsRefusedWithItsRule() throws Exception {
		OrderView order = paidOrder("XF-SC-1500");

		HttpResponse<String> noWeight = this.api.post("/api/v1/shipments",
				"{\"orderIds\":[\"" + order.id() + "\"],\"trackingNo\":\"" + sfNumber() + "\"}", MERCHANT);
		HttpResponse<String> unknownCarrier = this.api.post(
				"/api/v1/shipments", "{\"orderIds\":[\"" + order.id()
						+ "\"],\"weightGrams\":100,\"carrier\":\"pigeon\",\"trackingNo\":\"" + sfNumber() + "\"}",
				MERCHANT);
		HttpResponse<String> noOrders = this.api.post("/api/v1/shipments",
				"{\"weightGrams\":100,\"trackingNo\":\"" + sfNumber() + "\"}", MERCHANT);

		assertProblem(noWeight, 400);
		assertThat((String) JsonPath.read(noWeight.body(), "$.code")).isEqualTo("logistics.shipment.weight");
		assertProblem(unknownCarrier, 400);
		assertThat((String) JsonPath.read(unknownCarrier.body(), "$.code")).isEqualTo("logistics.tracking.carrier");
		assertProblem(noOrders, 400);
		assertThat((String) JsonPath.read(noOrders.body(), "$.code")).isEqualTo("logistics.shipment.no-orders");
	}

	@Test
	void aPackRequestWithAnImpossibleSizeOrEmptyValuesIsRefusedWithItsRuleNeverAServerError() throws Exception {
		OrderView order = paidOrder("XF-SC-1500");
		String trackingNo = sfNumber();

		HttpResponse<String> flat = this.api.post("/api/v1/shipments", "{\"orderIds\":[\"" + order.id()
				+ "\"],\"weightGrams\":100,\"lengthCm\":0,\"trackingNo\":\"" + trackingNo + "\"}", MERCHANT);
		HttpResponse<String> huge = this.api.post("/api/v1/shipments", "{\"orderIds\":[\"" + order.id()
				+ "\"],\"weightGrams\":100,\"heightCm\":5000,\"trackingNo\":\"" + trackingNo + "\"}", MERCHANT);
		HttpResponse<String> nullOrder = this.api.post("/api/v1/shipments",
				"{\"orderIds\":[null],\"weightGrams\":100,\"trackingNo\":\"" + trackingNo + "\"}", MERCHANT);
		HttpResponse<String> nullUnits = this.api.post("/api/v1/shipments",
				"{\"orderIds\":[\"" + order.id() + "\"],\"weightGrams\":100,\"quantities\":{\"" + order.id()
						+ "\":{\"1\":null}},\"trackingNo\":\"" + trackingNo + "\"}",
				MERCHANT);

		assertProblem(flat, 400);
		assertThat((String) JsonPath.read(flat.body(), "$.code")).isEqualTo("logistics.shipment.size");
		assertProblem(huge, 400);
		assertThat((String) JsonPath.read(huge.body(), "$.code")).isEqualTo("logistics.shipment.size");
		assertProblem(nullOrder, 400);
		assertThat((String) JsonPath.read(nullOrder.body(), "$.code")).isEqualTo("logistics.shipment.no-orders");
		assertProblem(nullUnits, 400);
		assertThat((String) JsonPath.read(nullUnits.body(), "$.code")).isEqualTo("logistics.shipment.nothing-left");
		assertThat(this.api.get("/api/v1/shipments", MERCHANT).body()).doesNotContain(trackingNo);
	}

	// runs

	@Test
	void anOperatorPlansTomorrowsRunsAndAMerchantMayNot() throws Exception {
		LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

		HttpResponse<String> planned = this.api.post("/api/v1/runs/" + tomorrow, "", OPERATOR);
		HttpResponse<String> refused = this.api.post("/api/v1/runs/" + tomorrow, "", MERCHANT);

		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(planned.body(), "$.day")).isEqualTo(tomorrow.toString());
		List<Map<String, Object>> routes = JsonPath.read(planned.body(), "$.routes");
		assertThat(routes).isNotEmpty();
		assertThat((List<Object>) JsonPath.read(planned.body(), "$.routes[*].stops[*]")).isNotEmpty();
		assertThat(refused.statusCode()).isEqualTo(403);
		HttpResponse<String> read = this.api.get("/api/v1/runs/" + tomorrow, OPERATOR);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(read.body(), "$.id"))
			.isEqualTo((String) JsonPath.read(planned.body(), "$.id"));
		assertThat(this.api.get("/api/v1/runs/" + tomorrow, MERCHANT).statusCode())
			.as("the county's vans are not the merchant's, as on the runs page and the route sheet")
			.isEqualTo(403);
	}

	@Test
	void aDayWithNoPlanIsNotFound() throws Exception {
		LocalDate unplanned = LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));

		HttpResponse<String> answer = this.api.get("/api/v1/runs/" + unplanned, OPERATOR);

		assertProblem(answer, 404);
		assertThat((String) JsonPath.read(answer.body(), "$.code")).isEqualTo("logistics.error.not-found");
		assertProblem(this.api.get("/api/v1/runs/not-a-day", OPERATOR), 400);
	}

}
