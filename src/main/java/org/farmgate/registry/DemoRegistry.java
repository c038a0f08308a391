package org.farmgate.registry;

import java.time.LocalDate;
import java.util.List;

import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the Libei model: the e-commerce enterprise of 立碑村 with shops on Taobao,
 * JD, Pinduoduo and Douyin, to which the demo {@code merchant} belongs, five member
 * households (three registered as disadvantaged), and two more organisations, one of them
 * waiting for admission review. Names and codes are illustrative (the credit codes are
 * made up, with valid check characters).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoRegistry implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoRegistry.class);

	private final RegistryManagement registry;

	private final HouseholdManagement households;

	private final ParkManagement parks;

	private final EntrepreneurManagement entrepreneurs;

	private final org.farmgate.geo.CountyGeographyManagement geography;

	private final AccountManagement accounts;

	private final double scale;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	private final UserDetailsService users;

	private final boolean demo;

	private final String countyCode;

	DemoRegistry(RegistryManagement registry, HouseholdManagement households, ParkManagement parks,
			EntrepreneurManagement entrepreneurs, org.farmgate.geo.CountyGeographyManagement geography,
			AccountManagement accounts, @Value("${farmgate.demo.registry-scale:1.0}") double scale,
			UserDetailsService users, @Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String countyCode,
			org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.households = households;
		this.parks = parks;
		this.entrepreneurs = entrepreneurs;
		this.geography = geography;
		this.accounts = accounts;
		this.scale = scale;
		this.users = users;
		this.demo = demo;
		this.countyCode = countyCode;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		if (!this.registry.organisations(operator).isEmpty()) {
			return;
		}
		OrganisationView libei = this.registry.registerOrganisation(operator,
				new OrganisationInput(OrganisationType.COMPANY, "息烽县立碑村农特产品电子商务有限公司", withCheck("91520122MA6DLB01X"),
						"刘洋", "贵州省贵阳市息烽县永靖镇立碑村", LocalDate.of(2016, 5, 18), SalesModel.FARMERS_FACILITIES_SHOPS,
						libeiVillage()));
		this.registry.addDocument(operator, libei.id(),
				new DocumentInput(DocumentKind.BUSINESS_LICENCE, libei.creditCode(), "息烽县市场监督管理局", null));
		this.registry.addDocument(operator, libei.id(), new DocumentInput(DocumentKind.FOOD_PRODUCTION_LICENCE,
				"SC11952012200017", "贵阳市市场监督管理局", LocalDate.of(2027, 6, 30)));
		this.registry.review(operator, libei.id(), AdmissionStatus.APPROVED, null);
		for (Object[] shop : List.of(new Object[] { Platform.TAOBAO, "立碑村酸菜旗舰店", "tb-libei-001" },
				new Object[] { Platform.JD, "立碑村农特产品京东店", "jd-libei-001" },
				new Object[] { Platform.PINDUODUO, "立碑酸菜豆米拼多多店", "pdd-libei-001" },
				new Object[] { Platform.DOUYIN, "立碑村好物抖音小店", "dy-libei-001" })) {
			this.registry.openShop(operator, new ShopInput(libei.id(), (Platform) shop[0], (String) shop[1],
					(String) shop[2], null, LocalDate.of(2017, 3, 1)));
		}
		OrganisationView cooperative = this.registry.registerOrganisation(operator,
				new OrganisationInput(OrganisationType.COOPERATIVE, "息烽县九庄镇蔬菜种植专业合作社", withCheck("93520122MA6DJY02C"),
						"陈静", "贵州省贵阳市息烽县九庄镇", LocalDate.of(2014, 9, 2), SalesModel.ASSOCIATIONS_COOPERATIVES_SHOPS));
		this.registry.review(operator, cooperative.id(), AdmissionStatus.APPROVED, null);
		this.registry.openShop(operator, new ShopInput(cooperative.id(), Platform.TAOBAO, "九庄生态蔬菜", "tb-jiuzhuang-01",
				null, LocalDate.of(2019, 6, 1)));
		this.registry.registerOrganisation(operator, new OrganisationInput(OrganisationType.INDIVIDUAL_BUSINESS,
				"息烽县温泉镇张丽土特产店", withCheck("92520122MA6DWQ03T"), "张丽", "贵州省贵阳市息烽县温泉镇", LocalDate.of(2021, 4, 12), null));
		String[][] members = { { "刘德明", "4", "2014", "2019" }, { "王秀英", "3", null, null },
				{ "陈国富", "5", "2015", "2020" }, { "杨桂兰", "2", null, null }, { "张光荣", "6", "2016", null } };
		int sequence = 0;
		for (String[] member : members) {
			sequence++;
			boolean disadvantaged = member[2] != null;
			HouseholdView household = this.households.register(operator,
					new HouseholdInput(member[0], Integer.valueOf(member[1]), libeiVillage(), null, idNumber(sequence),
							disadvantaged, disadvantaged ? Integer.valueOf(member[2]) : null,
							(member[3] != null) ? Integer.valueOf(member[3]) : null, null));
			this.households.join(operator, household.id(), libei.id());
		}
		ParkView park = this.parks.register(operator, new ParkInput("息烽县电子商务产业园", "贵州省贵阳市息烽县永靖镇", 4000, "息烽县电子商务运营中心"));
		this.registry.placeInPark(operator, libei.id(), park.id(), ParkRelation.HOSTED);
		this.registry.placeInPark(operator, cooperative.id(), park.id(), ParkRelation.AFFILIATED);
		county(operator, park, libei);
		AccountView merchant = this.accounts.accountByUsername("merchant").orElse(null);
		if (merchant != null) {
			this.accounts.updateAccount(merchant.id(), merchant.displayName(), Role.MERCHANT,
					new DataScope(this.countyCode, libei.id(), null), null);
		}
		logger.info("Demo mode: registered the Libei enterprise with 4 shops and 2 more organisations");
	}

	/**
	 * The rest of the county at the scale the source reports (about 1,600 entrepreneurs,
	 * 264 shops, 13 parks), times {@code farmgate.demo.registry-scale}. Names are made up
	 * from a few syllables; nothing here is a real business or person.
	 */
	private void county(SignedInUser operator, ParkView firstPark, OrganisationView libei) {
		int organisations = (int) Math.round(96 * this.scale);
		int entrepreneursEach = 16;
		List<ParkView> parkList = new java.util.ArrayList<>(List.of(firstPark));
		String[] places = { "永靖", "温泉", "九庄", "小寨坝", "西山", "养龙司", "石硐", "鹿窝", "流长", "青山" };
		String[] goods = { "辣椒", "茶叶", "蜂蜜", "土豆", "腊肉", "米豆腐", "糍粑", "竹笋", "菌菇", "核桃", "红薯", "豆腐乳" };
		String[] kinds = { "专业合作社", "农特产品有限公司", "电子商务商行", "种养殖协会" };
		OrganisationType[] types = { OrganisationType.COOPERATIVE, OrganisationType.COMPANY,
				OrganisationType.INDIVIDUAL_BUSINESS, OrganisationType.ASSOCIATION };
		for (int p = 2; p <= Math.max(1, Math.round(13 * this.scale)); p++) {
			parkList.add(this.parks.register(operator,
					new ParkInput("贵阳市第" + p + "电商产业园（示例）", "贵州省贵阳市", 2000 + p * 150, "园区运营公司 " + p)));
		}
		Platform[] platforms = { Platform.TAOBAO, Platform.JD, Platform.PINDUODUO, Platform.DOUYIN, Platform.TMALL,
				Platform.SUNING };
		String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "罗", "宋" };
		String[] givenNames = { "明", "芳", "勇", "丽", "强", "燕", "军", "霞", "涛", "萍", "斌", "娟" };
		int shops = 0;
		for (int o = 0; o < organisations; o++) {
			String name = "息烽县" + places[o % places.length] + goods[o % goods.length] + kinds[o % kinds.length] + "（示例"
					+ (o + 1) + "）";
			OrganisationView organisation = this.registry.registerOrganisation(operator, new OrganisationInput(
					types[o % types.length], name, withCheck(String.format("92520122MA6E%05d", o)), null, null, null,
					(o % 2 == 0) ? SalesModel.FARMERS_FACILITIES_SHOPS : SalesModel.ASSOCIATIONS_COOPERATIVES_SHOPS));
			this.registry.review(operator, organisation.id(), AdmissionStatus.APPROVED, null);
			if (o % 5 < 3) {
				this.registry.placeInPark(operator, organisation.id(), parkList.get(o % parkList.size()).id(),
						(o % 5 == 2) ? ParkRelation.AFFILIATED : ParkRelation.HOSTED);
			}
			// 264 shops in all with the Libei enterprise's and the cooperative's
			int shopCount = ((o % 3 == 0) ? 2 : 3) + ((o < 3) ? 1 : 0);
			for (int k = 0; k < shopCount; k++) {
				this.registry.openShop(operator,
						new ShopInput(organisation.id(), platforms[(o + k) % platforms.length],
								goods[o % goods.length] + "小店 " + (o + 1) + "-" + (k + 1), "demo-" + o + "-" + k, null,
								opened(o, k)));
				shops++;
			}
			// 1,600 entrepreneurs in all
			for (int e = 0; e < entrepreneursEach + ((o < 64) ? 1 : 0); e++) {
				this.entrepreneurs.register(operator,
						new EntrepreneurInput(
								surnames[(o + e) % surnames.length] + givenNames[(o * 7 + e) % givenNames.length], null,
								(e % 2 == 0) ? Gender.FEMALE : Gender.MALE, 1970 + (o + e) % 35, null,
								organisation.id(), LocalDate.of(2015 + e % 9, 3, 1)));
			}
		}
		households(libei.id(), this.registry.organisations(operator), surnames, givenNames);
		logger.info("Demo mode: {} more organisations with {} shops and {} entrepreneurs, {} parks", organisations,
				shops, organisations * entrepreneursEach + Math.min(organisations, 64), parkList.size());
	}

	/**
	 * When a demo shop opened: most between 2016 and 2023; those of one organisation in
	 * five in the last two years (trainees of the training centre who went on to sell).
	 */
	private LocalDate opened(int organisation, int shop) {
		if (organisation % 5 == 4) {
			return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
				.minusDays(40 + (organisation * 53L + shop * 11L) % 600);
		}
		return LocalDate.of(2016 + organisation % 8, 1 + shop, 1);
	}

	/**
	 * The county's farmer households that sell to its organisations, at the source's
	 * scale (about 3,600: 3,200 farmers had higher incomes) times the registry scale,
	 * written in batches: three in five in 立碑村 and the villages around it, members of the
	 * Libei enterprise; the others in the rest of the county, each a member of another
	 * organisation; one in eleven registered as disadvantaged (some since lifted).
	 */
	private void households(java.util.UUID libei, List<OrganisationView> organisations, String[] surnames,
			String[] givenNames) {
		int count = (int) Math.round(3600 * this.scale);
		List<org.farmgate.geo.VillageView> villages = new java.util.ArrayList<>(
				this.geography.villages(this.countyCode));
		// 立碑村 first
		villages.sort(java.util.Comparator.comparing(village -> !village.name().equals("立碑村")));
		if (villages.isEmpty()) {
			return;
		}
		// 立碑村 and the 13 villages listed after it grow with the Libei enterprise
		int near = Math.min(villages.size(), 14);
		List<OrganisationView> others = organisations.stream()
			.filter(organisation -> !organisation.id().equals(libei))
			.toList();
		List<Object[]> households = new java.util.ArrayList<>();
		List<Object[]> memberships = new java.util.ArrayList<>();
		for (int h = 0; h < count; h++) {
			boolean nearLibei = h % 5 < 3 || others.isEmpty();
			org.farmgate.geo.VillageView village = (nearLibei || villages.size() == near) ? villages.get(h % near)
					: villages.get(near + h % (villages.size() - near));
			boolean disadvantaged = h % 11 == 0;
			java.util.UUID id = java.util.UUID.randomUUID();
			households.add(new Object[] { id, this.countyCode,
					surnames[h % surnames.length] + givenNames[(h * 5 + h / 12) % givenNames.length]
							+ givenNames[(h / 7) % givenNames.length],
					2 + h % 5, village.id(),
					(h % 10 == 9) ? null : String.format("139%08d", 10_000_000 + h * 7919 % 89_999_999),
					householdIdNumber(100 + h), disadvantaged, disadvantaged ? 2014 + h % 4 : null,
					(disadvantaged && h % 2 == 0) ? 2019 + h % 2 : null,
					java.math.BigDecimal.valueOf(6000 + (h * 137) % 9000) });
			memberships.add(new Object[] { id, nearLibei ? libei : others.get(h % others.size()).id() });
		}
		this.jdbc.batchUpdate(
				"""
						INSERT INTO registry_household (id, county_code, head_name, members, village_id, phone, national_id,
						                                disadvantaged, disadvantaged_since, disadvantaged_lifted, baseline_income)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				households);
		this.jdbc.batchUpdate("INSERT INTO registry_household_membership (household_id, organisation_id) VALUES (?, ?)",
				memberships);
		logger.info("Demo mode: {} farmer households in {} villages", count, villages.size());
	}

	/**
	 * A made-up ID number of someone born in the county, different for every sequence
	 * below 18,250 (the birth year and day vary with it), with its check character.
	 */
	static String householdIdNumber(int sequence) {
		LocalDate born = LocalDate.of(1950 + sequence % 50, 1, 1).plusDays((sequence / 50) % 365);
		String first17 = "520122" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", sequence % 1000);
		return first17 + NationalId.checkCharacter(first17);
	}

	/**
	 * A made-up ID number of someone born in the county, with its GB 11643 check
	 * character.
	 */
	static String idNumber(int sequence) {
		String first17 = "520122" + (1950 + sequence % 50) + "0315" + String.format("%03d", sequence % 1000);
		return first17 + NationalId.checkCharacter(first17);
	}

	/** 立碑村, loaded by the geography demo data just before. */
	private java.util.UUID libeiVillage() {
		return this.geography.villages(this.countyCode)
			.stream()
			.filter(village -> village.name().equals("立碑村"))
			.map(org.farmgate.geo.VillageView::id)
			.findFirst()
			.orElse(null);
	}

	/** A made-up code completed with its GB 32100 check character. */
	static String withCheck(String first17) {
		return first17 + CreditCode.checkCharacter(first17);
	}

}
