package org.farmgate.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.PublicRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard, the summary API and the open data as their users reach them: the figures
 * shown are the summary's, each role sees its own scope and nothing else, bad input is
 * answered with what to fix, and the public page names no organisation.
 */
@FarmgateTest
class StatisticsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	StatisticsQueries queries;

	@Autowired
	PublicRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	private SignedInUser analyst;

	private SignedInUser merchant;

	private LocalDate today;

	@BeforeEach
	void signIn() {
		StatisticsSettle.settle(this.jdbc);
		this.analyst = (SignedInUser) this.users.loadUserByUsername("analyst");
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void theAnalystsDashboardShowsTheSummarysNetSalesAndItsVillages() throws Exception {
		LocalDate from = this.today.minusYears(1).plusDays(1);
		Summary summary = this.queries.summary(new Filter("520122", null, null, null, null, from, this.today));
		assertThat(summary.salesNet()).isPositive();
		this.mvc
			.perform(get("/statistics").param("from", from.toString())
				.param("to", this.today.toString())
				.with(user(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(String.format("%,.2f", summary.salesNet()))))
			.andExpect(content().string(containsString("id=\"villages\"")))
			.andExpect(content().string(containsString("立碑村")))
			.andExpect(content().string(containsString("id=\"province-grid\"")));
	}

	@Test
	void drillingDownToAVillageNarrowsEveryFigureToIt() throws Exception {
		LocalDate from = this.today.minusYears(1).plusDays(1);
		Filter county = new Filter("520122", null, null, null, null, from, this.today);
		StatisticsQueries.Share best = this.queries.villages(county).get(0);
		UUID village = UUID.fromString(best.key());
		Summary narrowed = this.queries.summary(new Filter("520122", village, null, null, null, from, this.today));
		assertThat(narrowed.salesNet()).isEqualByComparingTo(best.net());
		this.mvc
			.perform(get("/statistics").param("from", from.toString())
				.param("to", this.today.toString())
				.param("village", village.toString())
				.with(user(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(String.format("%,.2f", narrowed.salesNet()))));
	}

	@Test
	void aMerchantSeesOnlyItsOwnOrganisationAndIsRefusedAnother() throws Exception {
		UUID own = this.merchant.scope().organisationId();
		UUID other = this.registry.organisations("520122")
			.stream()
			.map(PublicRegistry.PublicOrganisation::id)
			.filter(id -> !id.equals(own))
			.findFirst()
			.orElseThrow();
		String page = this.mvc.perform(get("/statistics").with(user(this.merchant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (PublicRegistry.PublicOrganisation organisation : this.registry.organisations("520122")) {
			if (!organisation.id().equals(own)) {
				assertThat(page).doesNotContain("organisation=" + organisation.id());
			}
		}
		this.mvc.perform(get("/statistics").param("organisation", other.toString()).with(user(this.merchant)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/statistics/summary").param("county", "520100").with(user(this.merchant)))
			.andExpect(status().isForbidden());
	}

	@Test
	void stationsAndTrainersSeeNoStatistics() throws Exception {
		for (String name : List.of("station", "trainer")) {
			SignedInUser someone = (SignedInUser) this.users.loadUserByUsername(name);
			this.mvc.perform(get("/statistics").with(user(someone))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/statistics/summary").with(user(someone))).andExpect(status().isForbidden());
		}
	}

	@Test
	void theSummaryApiAnswersTheIssuesFields() throws Exception {
		LocalDate from = this.today.withDayOfYear(1);
		Summary summary = this.queries.summary(new Filter("520122", null, null, null, null, from, this.today));
		this.mvc
			.perform(get("/api/v1/statistics/summary").param("county", "520122")
				.param("from", from.toString())
				.param("to", this.today.toString())
				.with(user(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.salesNet").value(summary.salesNet().doubleValue()))
			.andExpect(jsonPath("$.salesGross").value(summary.salesGross().doubleValue()))
			.andExpect(jsonPath("$.orders").value(summary.orders()))
			.andExpect(jsonPath("$.shops").value(summary.shops()))
			.andExpect(jsonPath("$.activeShops").value(summary.activeShops()))
			.andExpect(jsonPath("$.productTypes").value(summary.productTypes()))
			.andExpect(jsonPath("$.entrepreneurs").value(summary.entrepreneurs()))
			.andExpect(jsonPath("$.provincesReached").value(summary.provincesReached()))
			.andExpect(jsonPath("$.citiesReached").value(summary.citiesReached()))
			.andExpect(jsonPath("$.countiesReached").value(summary.countiesReached()))
			.andExpect(jsonPath("$.yoyGrowth").hasJsonPath())
			.andExpect(jsonPath("$.farmersIncomeIncreased").value(summary.farmersIncomeIncreased()))
			.andExpect(jsonPath("$.disadvantagedFarmersIncomeIncreased")
				.value(summary.disadvantagedFarmersIncomeIncreased()))
			.andExpect(jsonPath("$.villagesBenefiting").value(summary.villagesBenefiting()))
			.andExpect(jsonPath("$.trainingPersonTimes").value(summary.trainingPersonTimes()));
		this.mvc.perform(get("/api/v1/statistics/summary").param("county", "520100").with(user(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.area").value("520100"));
	}

	@Test
	void theSummaryApiSaysWhatToFixInABadRequest() throws Exception {
		this.mvc.perform(get("/api/v1/statistics/summary").param("from", "2026-13-01").with(user(this.analyst)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("YYYY-MM-DD")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
		this.mvc
			.perform(get("/api/v1/statistics/summary").param("from", "2026-05-01")
				.param("to", "2026-04-01")
				.with(user(this.analyst)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("after")));
		this.mvc.perform(get("/api/v1/statistics/summary").param("county", "52O122").with(user(this.analyst)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/statistics/summary").param("county", "520123").with(user(this.analyst)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/statistics/summary").param("county", "330100").with(user(this.analyst)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsExplainedOnThePage() throws Exception {
		this.mvc
			.perform(get("/statistics").param("from", "2026-05-01").param("to", "2026-04-01").with(user(this.analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开始日期晚于结束日期")));
	}

	@Test
	void theOpenDataNeedsNoSignInAndNamesNoOrganisation() throws Exception {
		String page = this.mvc.perform(get("/open-data"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"sales-net\"").contains("id=\"province-grid\"");
		for (PublicRegistry.PublicOrganisation organisation : this.registry.organisations("520122")) {
			assertThat(page).doesNotContain(organisation.name());
		}
		assertThat(page).doesNotContain("id=\"organisations\"").doesNotContain("id=\"shops\"");
		this.mvc.perform(get("/open-data").param("county", "110101")).andExpect(status().isNotFound());
	}

	/** Each counted sale of the demo county: day, paid, refunded, cancelled. */
	private java.util.Map<String, String> sales() {
		java.util.Map<String, String> sales = new java.util.HashMap<>();
		this.jdbc
			.query("SELECT order_id, day, paid, refunded, cancelled FROM statistics_sale WHERE county_code = '520122' "
					+ "AND paid IS NOT NULL", rs -> {
						sales.put(rs.getString(1), rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString() + " "
								+ rs.getBigDecimal(4).toPlainString() + " " + rs.getBoolean(5));
					});
		return sales;
	}

	@Test
	void onlyAnAdministratorRebuildsAndOnlyWithItsToken() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		this.mvc.perform(post("/statistics/rebuild").with(user(operator)).with(csrf()))
			.andExpect(status().isForbidden());
		SignedInUser admin = (SignedInUser) this.users.loadUserByUsername("admin");
		this.mvc.perform(post("/statistics/rebuild").with(user(admin))).andExpect(status().isForbidden());
		BigDecimal before = this.queries
			.summary(new Filter("520122", null, null, null, null, LocalDate.of(2000, 1, 1), this.today))
			.salesNet();
		java.util.Map<String, String> sales = sales();
		this.mvc.perform(post("/statistics/rebuild").with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		StatisticsSettle.settle(this.jdbc);
		java.util.Map<String, String> rebuilt = sales();
		java.util.List<String> differences = new java.util.ArrayList<>();
		sales.forEach((order, sale) -> {
			if (!sale.equals(rebuilt.get(order))) {
				differences.add(order + ": " + sale + " → " + rebuilt.get(order) + " now "
						+ this.jdbc.queryForMap("SELECT status, after_sale, paid_at, paid_amount, refunded_amount "
								+ "FROM orders_order WHERE id = CAST(? AS UUID)", order));
			}
		});
		rebuilt.keySet()
			.stream()
			.filter(order -> !sales.containsKey(order))
			.forEach(order -> differences.add(order + " new"));
		assertThat(differences).as("the sales taken live equal those told again").isEmpty();
		assertThat(
				this.queries.summary(new Filter("520122", null, null, null, null, LocalDate.of(2000, 1, 1), this.today))
					.salesNet())
			.isEqualByComparingTo(before);
	}

}
