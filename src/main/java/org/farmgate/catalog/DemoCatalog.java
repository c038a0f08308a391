package org.farmgate.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
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
 * In demo mode, the catalog of the demo county: the Libei enterprise's 34 products with
 * SKUs (merchant codes like {@code XF-SC-1500} for the 1.5 kg pickled cabbage), listed on
 * its Taobao, JD, Pinduoduo and Douyin shops, with stock and batches supplied by its
 * member households; and about 400 product types across the county's other demo
 * organisations (times {@code farmgate.demo.registry-scale}). Names are illustrative.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoCatalog implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoCatalog.class);

	/**
	 * name, English name, category, unit, quantity, price, merchant code, storage, shelf
	 * life (days).
	 */
	static final String[][] LIBEI = {
			{ "立碑酸菜", "Libei pickled cabbage", "PICKLED.SOUR_CABBAGE", "KG", "1.5", "39.90", "XF-SC-1500", "AMBIENT",
					"180" },
			{ "立碑酸菜（小袋）", "Libei pickled cabbage, small bag", "PICKLED.SOUR_CABBAGE", "G", "500", "16.80", "XF-SC-0500",
					"AMBIENT", "180" },
			{ "酸菜豆米火锅底料", "Sour cabbage and bean hotpot base", "PICKLED.SOUR_SOUP", "G", "800", "29.90", "XF-DM-0800",
					"AMBIENT", "270" },
			{ "米豆腐", "Rice tofu", "GRAIN.RICE_PRODUCTS", "KG", "1", "19.90", "XF-MDF-1000", "CHILLED", "7" },
			{ "霉豆腐块", "Fermented tofu cubes", "SOY.TOFU_PASTE", "BOTTLE", "1", "18.00", "XF-MDF-B300", "AMBIENT",
					"365" },
			{ "香辣豆腐乳", "Spicy fermented bean curd", "SOY.TOFU_PASTE", "BOTTLE", "1", "15.80", "XF-DFR-0300", "AMBIENT",
					"365" },
			{ "青椒", "Green peppers", "VEGETABLES.PEPPERS", "JIN", "5", "25.00", "XF-QJ-2500", "CHILLED", "10" },
			{ "小米辣", "Bird's eye chilli", "VEGETABLES.PEPPERS", "JIN", "2", "22.00", "XF-XML-1000", "CHILLED", "10" },
			{ "糯米糍粑", "Glutinous rice cakes", "GRAIN.RICE_PRODUCTS", "KG", "2", "32.00", "XF-CB-2000", "CHILLED",
					"30" },
			{ "酸汤料包", "Sour-soup kit", "PICKLED.SOUR_SOUP", "PORTION", "4", "26.80", "XF-ST-0004", "AMBIENT", "270" },
			{ "酸菜鱼调料", "Pickled-cabbage fish seasoning", "PICKLED.SOUR_SOUP", "PORTION", "3", "19.90", "XF-SCY-003",
					"AMBIENT", "270" },
			{ "糟辣椒", "Fermented chilli paste", "SPICES.CHILLI_SAUCE", "BOTTLE", "1", "16.80", "XF-ZLJ-0500", "AMBIENT",
					"365" },
			{ "油辣椒", "Chilli oil", "SPICES.CHILLI_SAUCE", "BOTTLE", "1", "18.80", "XF-YLJ-0280", "AMBIENT", "365" },
			{ "干辣椒", "Dried chilli", "SPICES.DRIED_CHILLI", "G", "500", "24.00", "XF-GLJ-0500", "AMBIENT", "365" },
			{ "农家腊肉", "Farmhouse cured pork", "MEAT.CURED_MEAT", "KG", "1", "88.00", "XF-LR-1000", "AMBIENT", "180" },
			{ "农家香肠", "Farmhouse sausages", "MEAT.CURED_MEAT", "G", "500", "45.00", "XF-XC-0500", "AMBIENT", "180" },
			{ "土鸡蛋", "Free-range eggs", "EGGS.CHICKEN_EGGS", "BOX", "1", "45.00", "XF-JD-030", "AMBIENT", "30" },
			{ "土蜂蜜", "Wild honey", "HONEY.HONEY_WILD", "BOTTLE", "1", "68.00", "XF-FM-0500", "AMBIENT", "730" },
			{ "息烽红茶", "Xifeng black tea", "TEA.BLACK_TEA", "G", "250", "98.00", "XF-HC-0250", "AMBIENT", "540" },
			{ "息烽绿茶", "Xifeng green tea", "TEA.GREEN_TEA", "G", "250", "88.00", "XF-LC-0250", "AMBIENT", "365" },
			{ "息烽天麻", "Xifeng gastrodia", "HERBS.TIANMA", "G", "250", "128.00", "XF-TM-0250", "AMBIENT", "730" },
			{ "竹笋干", "Dried bamboo shoots", "VEGETABLES.WILD_VEGETABLES", "G", "500", "36.00", "XF-ZS-0500", "AMBIENT",
					"365" },
			{ "蕨菜", "Bracken fern shoots", "VEGETABLES.WILD_VEGETABLES", "G", "500", "28.00", "XF-JC-0500", "AMBIENT",
					"365" },
			{ "干香菇", "Dried shiitake", "MUSHROOMS.DRIED_MUSHROOMS", "G", "250", "39.00", "XF-XG-0250", "AMBIENT",
					"365" },
			{ "红薯粉条", "Sweet-potato noodles", "GRAIN.NOODLES", "KG", "1", "22.00", "XF-FT-1000", "AMBIENT", "365" },
			{ "猕猴桃", "Kiwifruit", "FRUIT.KIWI", "KG", "2.5", "39.90", "XF-MHT-2500", "CHILLED", "20" },
			{ "青脆李", "Crisp green plums", "FRUIT.PLUMS_PEACHES", "KG", "2.5", "35.00", "XF-LZ-2500", "CHILLED", "10" },
			{ "刺梨汁", "Roxburgh rose juice", "FRUIT.BERRIES", "BOTTLE", "6", "49.00", "XF-CL-006", "AMBIENT", "365" },
			{ "山核桃", "Mountain walnuts", "FRUIT.DRIED_FRUIT", "G", "500", "42.00", "XF-HT-0500", "AMBIENT", "270" },
			{ "泡萝卜", "Pickled radish", "PICKLED.PICKLES", "G", "500", "15.00", "XF-PLB-0500", "AMBIENT", "180" },
			{ "酸豇豆", "Pickled long beans", "PICKLED.PICKLES", "G", "500", "15.00", "XF-SJD-0500", "AMBIENT", "180" },
			{ "五香豆干", "Spiced dried tofu", "SOY.DRIED_TOFU", "G", "400", "18.00", "XF-DG-0400", "CHILLED", "60" },
			{ "压榨菜籽油", "Pressed rapeseed oil", "GRAIN.OIL", "BOTTLE", "1", "69.00", "XF-CZY-5000", "AMBIENT", "540" },
			{ "立碑农家礼盒", "Libei farmhouse gift box", "LOCAL_CRAFTS.GIFT_BOXES", "BOX", "1", "168.00", "XF-LH-001",
					"AMBIENT", "180" } };

	private final ProductManagement products;

	private final SkuManagement skus;

	private final ListingManagement listings;

	private final StockManagement stock;

	private final BatchManagement batches;

	private final Categories categories;

	private final RegistryManagement registry;

	private final HouseholdManagement households;

	private final CountyGeographyManagement geography;

	private final UserDetailsService users;

	private final Clock clock;

	private final boolean demo;

	private final double scale;

	DemoCatalog(ProductManagement products, SkuManagement skus, ListingManagement listings, StockManagement stock,
			BatchManagement batches, Categories categories, RegistryManagement registry, HouseholdManagement households,
			CountyGeographyManagement geography, UserDetailsService users, Clock clock,
			@Value("${farmgate.demo:false}") boolean demo, @Value("${farmgate.demo.registry-scale:1.0}") double scale) {
		this.products = products;
		this.skus = skus;
		this.listings = listings;
		this.stock = stock;
		this.batches = batches;
		this.categories = categories;
		this.registry = registry;
		this.households = households;
		this.geography = geography;
		this.users = users;
		this.clock = clock;
		this.demo = demo;
		this.scale = scale;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		if (merchant.scope().organisationId() == null || !this.products.products(operator).isEmpty()) {
			return;
		}
		int libei = libei(merchant);
		int county = county(operator, merchant.scope().organisationId());
		logger.info("Demo mode: catalog of {} Libei products and {} more product types in the county", libei, county);
	}

	private int libei(SignedInUser merchant) {
		UUID organisation = merchant.scope().organisationId();
		UUID village = this.geography.villages(merchant.scope().countyCode())
			.stream()
			.filter(candidate -> candidate.name().equals("立碑村"))
			.map(VillageView::id)
			.findFirst()
			.orElse(null);
		List<ShopView> shops = this.registry.shopsOf(merchant, organisation);
		List<HouseholdView> members = this.households.households(merchant);
		LocalDate today = LocalDate.now(this.clock);
		int n = 0;
		for (String[] row : LIBEI) {
			ProductView product = this.products.add(merchant,
					new ProductInput(organisation, row[2], row[0], row[1], null, row[0] + "，立碑村农户种植、合作社加工，产自贵州省贵阳市息烽县。",
							village, Integer.valueOf(row[8]), StorageClass.valueOf(row[7])));
			if (n % 3 == 0) {
				this.products.certify(merchant, product.id(),
						new Certification(
								(n % 2 == 0) ? CertificationKind.GREEN_FOOD : CertificationKind.GEOGRAPHICAL_INDICATION,
								String.format("LB%s%04d", (n % 2 == 0) ? "G" : "GI", n), LocalDate.of(2024, 1, 1),
								LocalDate.of(2027, 12, 31)));
			}
			Unit unit = Unit.valueOf(row[3]);
			SkuView sku = this.skus.add(merchant, product.id(), new SkuInput(specification(row[0], unit, row[4]), unit,
					new BigDecimal(row[4]), unit.isWeight() ? null : 500, new BigDecimal(row[5]), null, row[6]));
			for (int s = 0; s < shops.size(); s++) {
				// not every product is on every platform
				if ((n + s) % 4 != 3) {
					ShopView shop = shops.get(s);
					this.listings.list(merchant,
							new ListingInput(sku.id(), shop.id(), String.valueOf(6_100_000_000L + n * 100L + s),
									(s % 2 == 0) ? "" : "sku-" + (n + 1), null,
									shop.name().substring(0, 2) + " " + row[0] + " " + sku.specification()));
				}
			}
			this.stock.adjust(merchant,
					new AdjustmentInput(sku.id(), null, null, 20 + (n * 37) % 280, AdjustmentReason.RECEIVED, "期初库存"));
			this.stock.threshold(merchant, sku.id(), null, null, 10);
			if (n < 12 && !members.isEmpty()) {
				BigDecimal quantity = BigDecimal.valueOf(200 + n * 25L);
				BigDecimal each = BigDecimal.valueOf(30 + n % 4 * 5L);
				List<BatchSupplier> suppliers = members.stream()
					.limit(3 + n % 3)
					.map(household -> new BatchSupplier(household.id(), each))
					.toList();
				this.batches.record(merchant, new BatchInput(product.id(), today.minusDays(3 + n * 5L),
						today.minusDays(10 + n * 5L), quantity, Unit.KG, null, null, suppliers));
			}
			n++;
		}
		return n;
	}

	/** About 400 product types in all, spread over the other approved organisations. */
	private int county(SignedInUser operator, UUID libei) {
		List<OrganisationView> others = this.registry.organisations(operator)
			.stream()
			.filter(organisation -> !organisation.id().equals(libei))
			.filter(organisation -> organisation.admission() == org.farmgate.registry.AdmissionStatus.APPROVED)
			.toList();
		List<Category> leaves = this.categories.leaves();
		int target = (int) Math.round((400 - LIBEI.length) * this.scale);
		String[] qualities = { "精选", "农家", "高山", "有机", "古法", "生态" };
		int n = 0;
		for (; n < target && !others.isEmpty(); n++) {
			OrganisationView organisation = others.get(n % others.size());
			Category category = leaves.get(n % leaves.size());
			ProductView product = this.products.add(operator,
					new ProductInput(organisation.id(), category.code(),
							qualities[n % qualities.length] + category.nameZh() + "（示例" + (n + 1) + "）", null, null,
							null, null, 180, StorageClass.AMBIENT));
			SkuView sku = this.skus.add(operator, product.id(), new SkuInput("标准装", Unit.KG, BigDecimal.ONE, null,
					BigDecimal.valueOf(1500 + (n * 97) % 8000, 2), null, "D" + (n + 1)));
			this.stock.adjust(operator,
					new AdjustmentInput(sku.id(), null, null, 10 + (n * 13) % 200, AdjustmentReason.RECEIVED, null));
		}
		return n;
	}

	private static String specification(String name, Unit unit, String quantity) {
		String amount = new BigDecimal(quantity).stripTrailingZeros().toPlainString();
		return switch (unit) {
			case KG -> amount + " 千克装";
			case JIN -> amount + " 斤装";
			case G -> amount + " 克装";
			case BOX -> (name.contains("蛋") ? "30 枚" : "") + "礼盒装";
			case BOTTLE -> amount + " 瓶装";
			case PORTION -> amount + " 份装";
			case PIECE -> amount + " 件";
		};
	}

}
