package org.farmgate.logistics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderIntegrations;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderSamples;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.OrderView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The logistics pages through MockMvc on the demo county: who may open which page (and
 * who gets 403), packing whole and split through the page form, a bad weight shown back
 * without saving, no form without its CSRF token, shipping through the page moving the
 * order, labels as one PDF page per parcel (404 for another organisation), the Douyin
 * bulk-shipping workbook, the exceptions list, escaped inbound receivers, the station
 * form's duplicate code, the distance matrix and rates uploads with their row problems,
 * and masked phones.
 */
@FarmgateTest
class LogisticsPagesTests {

	private static final String FULL_PHONE = "13812345678";

	private static final String MASKED_PHONE = "138****5678";

	@Autowired
	MockMvc mvc;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	StationManagement stations;

	@Autowired
	FleetManagement fleet;

	@Autowired
	RateManagement rates;

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	OrderManagement orders;

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

	@Autowired
	JdbcClient jdbc;

	private SignedInUser merchant;

	private SignedInUser operator;

	private ShopView shop;

	@BeforeEach
	void signIn() {
		this.merchant = signedIn("merchant");
		this.operator = signedIn("operator");
		this.shop = org.farmgate.DemoStock.shop(this.registry, this.merchant, Platform.DOUYIN);
		org.farmgate.DemoStock.received(this.skus, this.stock, this.merchant, "XF-SC-1500", 30);
	}

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	private OrderView paidOrder(int quantity) {
		return paidOrder("lg" + UUID.randomUUID().toString().substring(0, 12), quantity);
	}

	private OrderView paidOrder(String number, int quantity) {
		String body = OrderSamples.order(number, "PAID", "XF-SC-1500", quantity);
		return this.integrations.receive(this.merchant, this.shop.id(), UUID.randomUUID().toString(), body).order();
	}

	private static String sfNumber() {
		return "SF"
				+ String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000_000L);
	}

	private ShipmentView packed(OrderView order, UUID origin) {
		return this.shipments
			.pack(this.merchant, new PackInput(List.of(order.id()), null, origin, 1500, 30, 20, 15, null, sfNumber()))
			.shipment();
	}

	private OrderStatus statusOf(OrderView order) {
		return this.orders.order(this.merchant, order.id()).orElseThrow().status();
	}

	private Optional<UUID> parcelWith(String trackingNo) {
		return this.jdbc.sql("SELECT id FROM logistics_shipment WHERE tracking_no = ?")
			.param(trackingNo)
			.query(UUID.class)
			.optional();
	}

	private SignedInUser otherOrganisationsMerchant() {
		UUID otherOrganisation = this.registry.organisations(this.operator)
			.stream()
			.filter(organisation -> !organisation.id().equals(this.merchant.scope().organisationId()))
			.findFirst()
			.orElseThrow()
			.id();
		String username = "lgp-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createAccount(username, username, Role.MERCHANT, new DataScope("520122", otherOrganisation, null),
				"a-long-password-1");
		return signedIn(username);
	}

	private String page(String path, SignedInUser user) throws Exception {
		return this.mvc.perform(get(path).with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The page a redirect leads to, with the flash attributes the redirect left. */
	private String followed(MvcResult redirect, SignedInUser user) throws Exception {
		FlashMap flash = redirect.getFlashMap();
		return this.mvc.perform(get(redirect.getResponse().getRedirectedUrl()).flashAttrs(flash).with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletRequestBuilder packForm(String trackingNo, String weightKg, OrderView... chosen) {
		MockHttpServletRequestBuilder form = post("/logistics/parcels").param("trackingNo", trackingNo)
			.param("weightKg", weightKg)
			.param("carrier", "")
			.param("originStationId", "")
			.param("shopId", this.shop.id().toString());
		for (OrderView order : chosen) {
			form.param("orderId", order.id().toString());
		}
		return form;
	}

	private static String units(OrderView order) {
		return "units:" + order.id() + ":" + order.lines().get(0).lineKey();
	}

	// who sees what

	@Test
	void everyLogisticsPageRendersForTheRolesThatMaySeeIt() throws Exception {
		SignedInUser station = signedIn("station");
		ShipmentView parcel = packed(paidOrder(1), station.scope().stationId());
		UUID stationId = station.scope().stationId();
		Map<String, List<String>> pages = new LinkedHashMap<>();
		List<String> readers = List.of("admin", "operator", "analyst", "merchant", "station");
		pages.put("/logistics/parcels", readers);
		pages.put("/logistics/parcels/new", List.of("admin", "operator", "merchant"));
		pages.put("/logistics/parcels/" + parcel.id(), readers);
		pages.put("/logistics/stations", readers);
		pages.put("/logistics/stations/new", List.of("admin", "operator"));
		pages.put("/logistics/stations/" + stationId + "/edit", List.of("admin", "operator"));
		pages.put("/logistics/scan", List.of("admin", "operator", "station"));
		pages.put("/logistics/scan?stationId=" + stationId, List.of("admin", "operator", "station"));
		pages.put("/logistics/runs", List.of("admin", "operator", "analyst"));
		pages.put("/logistics/rates", readers);
		pages.put("/logistics/exceptions", readers);

		for (Map.Entry<String, List<String>> entry : pages.entrySet()) {
			for (String username : entry.getValue()) {
				org.springframework.mock.web.MockHttpServletResponse response = this.mvc
					.perform(get(entry.getKey()).with(user(signedIn(username))))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as(username + " on " + entry.getKey()).isEqualTo(200);
				assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(username + " on " + entry.getKey())
					.contains("</html>");
			}
		}
		assertThat(page("/logistics/parcels/" + parcel.id(), station)).contains(parcel.trackingNo());
		assertThat(page("/logistics/scan", station)).contains(parcel.trackingNo());
	}

	@Test
	void theLogisticsHomeSendsEachRoleToItsOwnPage() throws Exception {
		Map<String, String> homes = Map.of("station", "/logistics/scan", "merchant", "/logistics/parcels", "operator",
				"/logistics/runs", "analyst", "/logistics/runs", "admin", "/logistics/runs");

		for (Map.Entry<String, String> home : homes.entrySet()) {
			this.mvc.perform(get("/logistics").with(user(signedIn(home.getKey()))))
				.andExpect(redirectedUrl(home.getValue()));
		}
		this.mvc.perform(get("/logistics").with(user(signedIn("trainer")))).andExpect(status().isForbidden());
	}

	@Test
	void theRolesThatMayNotOpenAPageAreForbidden() throws Exception {
		UUID stationId = signedIn("station").scope().stationId();
		Map<String, List<String>> forbidden = new LinkedHashMap<>();
		forbidden.put("merchant", List.of("/logistics/runs", "/logistics/stations/new",
				"/logistics/stations/" + stationId + "/edit", "/logistics/scan"));
		forbidden.put("analyst", List.of("/logistics/parcels/new", "/logistics/scan", "/logistics/stations/new"));
		forbidden.put("trainer", List.of("/logistics/parcels", "/logistics/exceptions", "/logistics/rates",
				"/logistics/stations", "/logistics/runs"));
		forbidden.put("station", List.of("/logistics/runs", "/logistics/parcels/new", "/logistics/stations/new"));

		for (Map.Entry<String, List<String>> entry : forbidden.entrySet()) {
			for (String path : entry.getValue()) {
				assertThat(this.mvc.perform(get(path).with(user(signedIn(entry.getKey()))))
					.andReturn()
					.getResponse()
					.getStatus()).as(entry.getKey() + " on " + path).isEqualTo(403);
			}
		}
		this.mvc
			.perform(post("/logistics/runs").param("day", LocalDate.now().toString())
				.with(user(signedIn("analyst")))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	// packing

	@Test
	void packingThroughThePageFormRedirectsToTheParcel() throws Exception {
		OrderView order = paidOrder(2);
		String trackingNo = sfNumber();

		MvcResult packed = this.mvc
			.perform(packForm(trackingNo.toLowerCase(), "1.25", order).param(units(order), "2")
				.with(user(this.merchant))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/logistics/parcels/*"))
			.andReturn();

		UUID id = parcelWith(trackingNo).orElseThrow();
		assertThat(packed.getResponse().getRedirectedUrl()).isEqualTo("/logistics/parcels/" + id);
		ShipmentView parcel = this.shipments.shipment(this.merchant, id).orElseThrow();
		assertThat(parcel.weightGrams()).isEqualTo(1250);
		assertThat(parcel.carrier()).isEqualTo(Carrier.SF);
		assertThat(parcel.items()).singleElement().satisfies(item -> assertThat(item.quantity()).isEqualTo(2));
		assertThat(followed(packed, this.merchant)).contains(trackingNo, order.platformOrderNo(), "包裹已打包", "已打包");
	}

	@Test
	void aSplitThroughThePageLeavesTheRestPackable() throws Exception {
		OrderView order = paidOrder(3);

		this.mvc
			.perform(packForm(sfNumber(), "0.8", order).param(units(order), "1").with(user(this.merchant)).with(csrf()))
			.andExpect(redirectedUrlPattern("/logistics/parcels/*"));

		assertThat(statusOf(order)).isEqualTo(OrderStatus.PAID);
		String packing = page("/logistics/parcels/new?shopId=" + this.shop.id(), this.merchant);
		assertThat(packing).contains(order.platformOrderNo());
		int field = packing.indexOf("name=\"" + units(order) + "\"");
		assertThat(field).as("the line is still offered").isPositive();
		String input = packing.substring(packing.lastIndexOf("<input", field), packing.indexOf(">", field));
		assertThat(input).contains("value=\"2\"").contains("max=\"2\"");

		String rest = sfNumber();
		this.mvc.perform(packForm(rest, "1.6", order).with(user(this.merchant)).with(csrf()))
			.andExpect(redirectedUrlPattern("/logistics/parcels/*"));
		assertThat(this.shipments.shipment(this.merchant, parcelWith(rest).orElseThrow()).orElseThrow().items())
			.singleElement()
			.satisfies(item -> assertThat(item.quantity()).isEqualTo(2));
		assertThat(page("/logistics/parcels/new?shopId=" + this.shop.id(), this.merchant))
			.as("nothing of the order is left to pack")
			.doesNotContain(order.platformOrderNo());
	}

	@Test
	void aBadWeightShowsTheFormAgainWithTheMessageAndSavesNothing() throws Exception {
		OrderView order = paidOrder(1);

		for (String weight : List.of("heavy", "-1", "0", "1.5.2")) {
			String trackingNo = sfNumber();
			String html = this.mvc.perform(packForm(trackingNo, weight, order).with(user(this.merchant)).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);

			assertThat(html).as(weight).contains("数字格式不对", "id=\"pack-form\"", trackingNo);
			assertThat(parcelWith(trackingNo)).as(weight).isEmpty();
		}
		String tooMany = sfNumber();
		String html = this.mvc
			.perform(packForm(tooMany, "1", order).param(units(order), "5").with(user(this.merchant)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("要发 5 件，但只剩 1 件没打包");
		assertThat(parcelWith(tooMany)).isEmpty();
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
		OrderView order = paidOrder(1);
		String trackingNo = sfNumber();
		ShipmentView parcel = packed(paidOrder(1), null);

		this.mvc.perform(packForm(trackingNo, "1", order).with(user(this.merchant))).andExpect(status().isForbidden());
		this.mvc.perform(post("/logistics/parcels/" + parcel.id() + "/shipped").with(user(this.merchant)))
			.andExpect(status().isForbidden());

		assertThat(parcelWith(trackingNo)).isEmpty();
		assertThat(this.shipments.shipment(this.merchant, parcel.id()).orElseThrow().status())
			.isEqualTo(ShipmentStatus.PACKED);
	}

	@Test
	void aUnitsFieldWithoutItsLineShowsTheFormAgainNotAServerError() throws Exception {
		OrderView order = paidOrder(1);
		String trackingNo = sfNumber();

		String html = this.mvc
			.perform(packForm(trackingNo, "1", order).param("units:" + order.id(), "1")
				.with(user(this.merchant))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("数字格式不对", "id=\"pack-form\"");
		assertThat(parcelWith(trackingNo)).isEmpty();
	}

	// shipping and its papers

	@Test
	void shippingThroughThePageMovesTheOrder() throws Exception {
		OrderView order = paidOrder(1);
		ShipmentView parcel = packed(order, null);

		MvcResult shipped = this.mvc
			.perform(post("/logistics/parcels/" + parcel.id() + "/shipped").with(user(this.merchant)).with(csrf()))
			.andExpect(redirectedUrl("/logistics/parcels/" + parcel.id()))
			.andReturn();

		assertThat(statusOf(order)).isEqualTo(OrderStatus.SHIPPED);
		assertThat(this.shipments.shipment(this.merchant, parcel.id()).orElseThrow().status())
			.isEqualTo(ShipmentStatus.SHIPPED);
		assertThat(followed(shipped, this.merchant)).contains("包裹已标记发货", "已发出").doesNotContain("id=\"ship-parcel\"");

		MvcResult again = this.mvc
			.perform(post("/logistics/parcels/" + parcel.id() + "/shipped").with(user(this.merchant)).with(csrf()))
			.andExpect(redirectedUrl("/logistics/parcels/" + parcel.id()))
			.andReturn();
		assertThat(again.getFlashMap().get("problem")).isEqualTo("logistics.shipment.cannot-move");
	}

	@Test
	void theLabelsAreOnePdfPagePerParcelAndAnotherOrganisationGetsNotFound() throws Exception {
		ShipmentView first = packed(paidOrder(1), null);
		ShipmentView second = packed(paidOrder(1), null);

		MvcResult labels = this.mvc
			.perform(get("/logistics/parcels/labels.pdf").param("id", first.id().toString(), second.id().toString())
				.with(user(this.merchant)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn();

		byte[] pdf = labels.getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (PdfReader reader = new PdfReader(pdf)) {
			assertThat(reader.getNumberOfPages()).isEqualTo(2);
		}
		SignedInUser other = otherOrganisationsMerchant();
		this.mvc.perform(get("/logistics/parcels/labels.pdf").param("id", first.id().toString()).with(user(other)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/logistics/parcels/" + first.id()).with(user(other))).andExpect(status().isNotFound());
	}

	@Test
	void theDouyinBulkShippingWorkbookHoldsTheShippedParcelAndAFormulaLookingNumberStaysText() throws Exception {
		OrderView plain = paidOrder(1);
		OrderView formula = paidOrder("=1+2-" + UUID.randomUUID().toString().substring(0, 8), 1);
		ShipmentView plainParcel = packed(plain, null);
		ShipmentView formulaParcel = packed(formula, null);
		this.shipments.ship(this.merchant, List.of(plainParcel.id(), formulaParcel.id()));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		byte[] file = this.mvc
			.perform(get("/logistics/parcels/confirmations").param("platform", "DOUYIN")
				.param("day", today.toString())
				.with(user(this.merchant)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ShipConfirmations.XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
					cells.add(cell.getStringCellValue());
				}
				rows.add(cells);
			}
		}
		assertThat(rows.get(0)).containsExactly("订单编号", "物流公司", "物流单号");
		assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly(plain.platformOrderNo(),
				Carrier.SF.nameFor(Platform.DOUYIN), plainParcel.trackingNo()));
		assertThat(rows).anySatisfy(
				row -> assertThat(row).first().isEqualTo(formula.platformOrderNo()).asString().startsWith("=1+2"));
		this.mvc
			.perform(get("/logistics/parcels/confirmations").param("platform", "DOUYIN")
				.param("day", today.toString())
				.with(user(signedIn("analyst"))))
			.andExpect(status().isForbidden());
	}

	// the network pages

	@Test
	void theExceptionsPageListsTheDemosReturnedParcel() throws Exception {
		String returned = this.jdbc
			.sql("SELECT tracking_no FROM logistics_shipment WHERE status = 'RETURNED' AND organisation_id = ?"
					+ " AND created_by = 'merchant' ORDER BY created_at LIMIT 1")
			.param(this.merchant.scope().organisationId())
			.query(String.class)
			.single();

		for (SignedInUser user : List.of(this.operator, this.merchant)) {
			String html = page("/logistics/exceptions", user);
			int row = html.indexOf(returned);
			assertThat(row).as(user.getUsername()).isPositive();
			assertThat(html.substring(row, html.indexOf("</tr>", row))).contains("被退回");
		}
		assertThat(page("/logistics/exceptions", otherOrganisationsMerchant())).doesNotContain(returned);
	}

	@Test
	void htmlTypedIntoAnInboundReceiverComesBackEscaped() throws Exception {
		StationView point = this.stations.stations(this.operator)
			.stream()
			.filter(station -> station.kind() == StationKind.VILLAGE_POINT)
			.findFirst()
			.orElseThrow();
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(500);
		try {
			this.mvc
				.perform(post("/logistics/inbound").param("stationId", point.id().toString())
					.param("receiver", "<script>alert(1)</script>")
					.param("description", "化肥 <b>10</b> 袋")
					.param("weightKg", "12.5")
					.param("dueDate", day.toString())
					.with(user(this.operator))
					.with(csrf()))
				.andExpect(redirectedUrl("/logistics/runs?day=" + day));

			String html = page("/logistics/runs?day=" + day, this.operator);
			assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "化肥 &lt;b&gt;10&lt;/b&gt; 袋")
				.doesNotContain("<script>alert(1)</script>", "<b>10</b>");
		}
		finally {
			this.jdbc.sql("DELETE FROM logistics_inbound WHERE due_date = ? AND county_code = '520122'")
				.param(day)
				.update();
		}
	}

	@Test
	void handingOverUnknownGoodsOrRetiringAnUnknownVanSaysSoInsteadOfFailing() throws Exception {
		MvcResult inbound = this.mvc
			.perform(post("/logistics/inbound/" + UUID.randomUUID() + "/delivered").with(user(this.operator))
				.with(csrf()))
			.andExpect(redirectedUrl("/logistics/scan"))
			.andReturn();
		MvcResult vehicle = this.mvc
			.perform(post("/logistics/vehicles/" + UUID.randomUUID() + "/active").param("active", "false")
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(redirectedUrl("/logistics/runs"))
			.andReturn();

		assertThat(inbound.getFlashMap().get("problem")).isEqualTo("logistics.error.not-found");
		assertThat(vehicle.getFlashMap().get("problem")).isEqualTo("logistics.error.not-found");
		assertThat(followed(vehicle, this.operator)).contains("找不到该记录");
	}

	@Test
	void theStationFormRefusesACodeAlreadyTakenWithTheMessage() throws Exception {
		StationView taken = this.stations.stations(this.operator)
			.stream()
			.filter(station -> station.kind() == StationKind.VILLAGE_POINT)
			.findFirst()
			.orElseThrow();
		int before = this.stations.stations(this.operator).size();

		for (String code : List.of(taken.code(), taken.code().toLowerCase())) {
			String html = this.mvc
				.perform(post("/logistics/stations").param("code", code)
					.param("kind", "VILLAGE_POINT")
					.param("name", "重复的服务点")
					.param("address", "")
					.param("latitude", "26.55")
					.param("longitude", "106.60")
					.param("opens", "08:00")
					.param("closes", "18:00")
					.param("contactName", "")
					.param("contactPhone", "")
					.with(user(this.operator))
					.with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);

			assertThat(html).as(code).contains("编号已被另一个站点使用", "id=\"station-form\"", "重复的服务点");
		}
		assertThat(this.stations.stations(this.operator)).hasSize(before)
			.noneSatisfy(station -> assertThat(station.name()).isEqualTo("重复的服务点"));
	}

	@Test
	void aMalformedDistanceMatrixUploadedOnThePageNamesItsRowAndChangesNothing() throws Exception {
		List<StationView> network = this.stations.stations(this.operator);
		String hub = network.get(0).code();
		String point = network.get(network.size() - 1).code();
		String good = "from,to,km,minutes\n" + hub + "," + point + ",12.5,25\n" + point + "," + hub + ",12.5,25\n";
		String bad = "from,to,km,minutes\n" + hub + "," + point + ",9,20\n" + point + ",NOWHERE,3,5\n";
		try {
			this.mvc.perform(multipart("/logistics/matrix")
				.file(new MockMultipartFile("file", "matrix.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
				.with(user(this.operator))
				.with(csrf())).andExpect(redirectedUrl("/logistics/runs"));
			assertThat(this.fleet.matrixPairs(this.operator)).isEqualTo(2);

			MvcResult refused = this.mvc
				.perform(multipart("/logistics/matrix")
					.file(new MockMultipartFile("file", "matrix.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
					.with(user(this.operator))
					.with(csrf()))
				.andExpect(redirectedUrl("/logistics/runs"))
				.andReturn();

			assertThat(this.fleet.matrixPairs(this.operator)).isEqualTo(2);
			assertThat(
					this.jdbc.sql("SELECT count(*) FROM logistics_distance WHERE km = 9").query(Integer.class).single())
				.isZero();
			String html = followed(refused, this.operator);
			assertThat(html).contains("第 3 行有误，整个文件没有导入", "站点编号不认识").doesNotContain("logistics.matrix.station");
		}
		finally {
			this.fleet.clearMatrix(this.operator);
		}
	}

	@Test
	void aRatesFileWithOneBadRowReportsThatLineWhileTheGoodRowLands() throws Exception {
		String province = "650000";
		List<Rate> before = this.rates.rates(this.operator)
			.stream()
			.filter(rate -> rate.provinceCode().equals(province) && rate.carrier() == Carrier.DEPPON)
			.toList();
		String csv = "carrier,province,first_kg,first_yuan,step_kg,step_yuan\n" + "DEPPON,650000,1,23.45,1,9.87\n"
				+ "NOPE,650000,1,10,1,2\n";
		try {
			MvcResult uploaded = this.mvc
				.perform(multipart("/logistics/rates")
					.file(new MockMultipartFile("file", "rates.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
					.with(user(this.operator))
					.with(csrf()))
				.andExpect(redirectedUrl("/logistics/rates"))
				.andReturn();

			assertThat(this.rates.rates(this.operator)).anySatisfy(rate -> {
				assertThat(rate.carrier()).isEqualTo(Carrier.DEPPON);
				assertThat(rate.provinceCode()).isEqualTo(province);
				assertThat(rate.firstFen()).isEqualTo(2345);
				assertThat(rate.stepFen()).isEqualTo(987);
			});
			String html = followed(uploaded, this.operator);
			int problems = html.indexOf("id=\"rate-problems\"");
			assertThat(problems).isPositive();
			assertThat(html.substring(problems, html.indexOf("</div>", problems))).contains("第 3 行", "NOPE")
				.doesNotContain("第 2 行");
			assertThat(html).contains("已导入 1 条价格", "23.45");
		}
		finally {
			this.jdbc
				.sql("DELETE FROM logistics_rate WHERE county_code = '520122' AND carrier = 'DEPPON'"
						+ " AND province_code = ?")
				.param(province)
				.update();
			before.forEach(rate -> this.jdbc
				.sql("""
						INSERT INTO logistics_rate (county_code, carrier, province_code, first_grams, first_fen, step_grams, step_fen)
						VALUES ('520122', ?, ?, ?, ?, ?, ?)
						""")
				.params(rate.carrier().name(), rate.provinceCode(), rate.firstWeightGrams(), rate.firstFen(),
						rate.stepGrams(), rate.stepFen())
				.update());
		}
	}

	// privacy

	@Test
	void theRecipientsPhoneIsMaskedOnTheParcelPageAndThePackingPage() throws Exception {
		OrderView waiting = paidOrder(1);
		ShipmentView parcel = packed(paidOrder(1), null);

		String packing = page("/logistics/parcels/new?shopId=" + this.shop.id(), this.merchant);
		assertThat(packing).contains(waiting.platformOrderNo(), MASKED_PHONE).doesNotContain(FULL_PHONE);
		for (SignedInUser user : List.of(this.merchant, this.operator, signedIn("analyst"))) {
			assertThat(page("/logistics/parcels/" + parcel.id(), user)).as(user.getUsername())
				.contains(parcel.trackingNo(), MASKED_PHONE)
				.doesNotContain(FULL_PHONE);
		}
		assertThat(page("/logistics/parcels", this.merchant)).contains(parcel.trackingNo()).doesNotContain(FULL_PHONE);
	}

}
