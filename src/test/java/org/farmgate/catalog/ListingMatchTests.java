package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopStatus;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An incoming order line is matched to the SKU it is for by the most certain key it
 * carries: the platform's item and SKU id, the item id of an item listed once, a
 * listing's merchant code, the organisation's SKU merchant code, the exact title; and
 * never by a key that points at more than one SKU.
 */
@FarmgateTest
class ListingMatchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ListingManagement listings;

	@Autowired
	ProductManagement products;

	@Autowired
	SkuManagement skus;

	@Autowired
	RegistryManagement registry;

	@Autowired
	UserDetailsService users;

	SignedInUser merchant;

	UUID organisation;

	ShopView taobao;

	ShopView jd;

	/** This test's own names, so that nothing of other tests or the demo data matches. */
	String run;

	@BeforeEach
	void libeiShops() {
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.organisation = this.merchant.scope().organisationId();
		this.taobao = activeShop(Platform.TAOBAO);
		this.jd = activeShop(Platform.JD);
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aLineWithTheItemAndSkuIdOfAListingMatchesThatListing() {
		SkuView small = sku("small");
		SkuView large = sku("large");
		String item = item("1");
		ListingView smallListing = list(small, this.taobao, item, "S1", null, title("small"));
		ListingView largeListing = list(large, this.taobao, item, "S2", null, title("large"));

		Optional<ListingMatch> matchSmall = this.listings.match(line(this.taobao, item, "S1", null, null));
		Optional<ListingMatch> matchLarge = this.listings.match(line(this.taobao, item, " S2 ", null, null));

		assertThat(matchSmall)
			.contains(new ListingMatch(small.id(), smallListing.id(), ListingMatch.MatchedBy.ITEM_AND_SKU_ID));
		assertThat(matchLarge)
			.contains(new ListingMatch(large.id(), largeListing.id(), ListingMatch.MatchedBy.ITEM_AND_SKU_ID));
	}

	@Test
	void theItemAndSkuIdWinOverAMerchantCodeAndTitleThatNameAnotherSku() {
		SkuView wanted = sku("wanted");
		SkuView other = sku("other");
		String item = item("1");
		ListingView listing = list(wanted, this.taobao, item, "W", null, title("wanted"));
		list(other, this.taobao, item("2"), null, null, title("other"));

		Optional<ListingMatch> match = this.listings.match(
				new OrderLineKey(this.organisation, this.taobao.id(), item, "W", other.merchantCode(), title("other")));

		assertThat(match).contains(new ListingMatch(wanted.id(), listing.id(), ListingMatch.MatchedBy.ITEM_AND_SKU_ID));
	}

	@Test
	void anItemListedOnceMatchesByItemIdAloneWhateverSkuIdTheLineCarries() {
		SkuView sku = sku("single");
		String item = item("1");
		ListingView listing = list(sku, this.taobao, item, "5001", null, title("single"));

		Optional<ListingMatch> withoutSkuId = this.listings.match(line(this.taobao, item, null, null, null));
		Optional<ListingMatch> withOtherSkuId = this.listings.match(line(this.taobao, item, "9999", null, null));

		assertThat(withoutSkuId).contains(new ListingMatch(sku.id(), listing.id(), ListingMatch.MatchedBy.ITEM_ID));
		assertThat(withOtherSkuId).contains(new ListingMatch(sku.id(), listing.id(), ListingMatch.MatchedBy.ITEM_ID));
	}

	@Test
	void anItemListedTwiceForTheSameSkuStillMatchesByItemId() {
		SkuView sku = sku("same");
		String item = item("1");
		list(sku, this.taobao, item, "A", null, title("same-a"));
		list(sku, this.taobao, item, "B", null, title("same-b"));

		Optional<ListingMatch> match = this.listings.match(line(this.taobao, item, "C", null, null));

		assertThat(match).hasValueSatisfying(found -> {
			assertThat(found.skuId()).isEqualTo(sku.id());
			assertThat(found.matchedBy()).isEqualTo(ListingMatch.MatchedBy.ITEM_ID);
		});
	}

	@Test
	void anItemWithListingsOfTwoSkusDoesNotMatchByItemIdAloneButFallsThroughToMerchantCodeOrTitle() {
		SkuView first = sku("first");
		SkuView second = sku("second");
		String item = item("1");
		ListingView firstListing = list(first, this.taobao, item, "A", null, title("first"));
		ListingView secondListing = list(second, this.taobao, item, "B", null, title("second"));

		Optional<ListingMatch> itemOnly = this.listings.match(line(this.taobao, item, null, null, null));
		Optional<ListingMatch> unknownSkuId = this.listings.match(line(this.taobao, item, "C", null, null));
		Optional<ListingMatch> withCode = this.listings.match(line(this.taobao, item, "C", first.merchantCode(), null));
		Optional<ListingMatch> withTitle = this.listings.match(line(this.taobao, item, null, null, title("second")));

		assertThat(itemOnly).isEmpty();
		assertThat(unknownSkuId).isEmpty();
		assertThat(withCode)
			.contains(new ListingMatch(first.id(), firstListing.id(), ListingMatch.MatchedBy.LISTING_MERCHANT_CODE));
		assertThat(withTitle).contains(new ListingMatch(second.id(), secondListing.id(), ListingMatch.MatchedBy.TITLE));
	}

	@Test
	void aLineWithoutItemIdMatchesByTheMerchantCodeOfAListingInTheShop() {
		SkuView sku = sku("coded");
		String listingCode = "LC-" + this.run;
		ListingView listing = list(sku, this.taobao, item("1"), null, listingCode, title("coded"));

		Optional<ListingMatch> match = this.listings
			.match(line(this.taobao, null, null, " " + listingCode + " ", null));
		Optional<ListingMatch> inAnotherShop = this.listings.match(line(this.jd, null, null, listingCode, null));

		assertThat(listing.merchantCode()).isEqualTo(listingCode).isNotEqualTo(sku.merchantCode());
		assertThat(match)
			.contains(new ListingMatch(sku.id(), listing.id(), ListingMatch.MatchedBy.LISTING_MERCHANT_CODE));
		assertThat(inAnotherShop).isEmpty();
	}

	@Test
	void aListingWithoutItsOwnMerchantCodeTakesTheSkusAndMatchesByIt() {
		SkuView sku = sku("default-code");
		ListingView listing = list(sku, this.taobao, item("1"), null, null, title("default-code"));

		Optional<ListingMatch> match = this.listings.match(line(this.taobao, null, null, sku.merchantCode(), null));

		assertThat(listing.merchantCode()).isEqualTo(sku.merchantCode());
		assertThat(match)
			.contains(new ListingMatch(sku.id(), listing.id(), ListingMatch.MatchedBy.LISTING_MERCHANT_CODE));
	}

	@Test
	void aMerchantCodeNoListingCarriesMatchesTheOrganisationsSkuWhenTheOrganisationIsKnown() {
		SkuView unlisted = sku("unlisted");

		Optional<ListingMatch> withOrganisation = this.listings.match(new OrderLineKey(this.organisation,
				this.taobao.id(), item("never-listed"), null, unlisted.merchantCode(), null));
		Optional<ListingMatch> withoutOrganisation = this.listings
			.match(line(this.taobao, item("never-listed"), null, unlisted.merchantCode(), null));

		assertThat(withOrganisation)
			.contains(new ListingMatch(unlisted.id(), null, ListingMatch.MatchedBy.SKU_MERCHANT_CODE));
		assertThat(withoutOrganisation).isEmpty();
	}

	@Test
	void aMerchantCodeThatListingsOfTwoSkusShareIsNotTrusted() {
		SkuView first = sku("shared-1");
		SkuView second = sku("shared-2");
		String shared = "SHARED-" + this.run;
		list(first, this.taobao, item("1"), null, shared, title("shared-1"));
		list(second, this.taobao, item("2"), null, shared, title("shared-2"));

		Optional<ListingMatch> byCode = this.listings
			.match(new OrderLineKey(this.organisation, this.taobao.id(), null, null, shared, null));
		Optional<ListingMatch> byCodeAndTitle = this.listings
			.match(new OrderLineKey(this.organisation, this.taobao.id(), null, null, shared, title("shared-2")));

		assertThat(byCode).isEmpty();
		assertThat(byCodeAndTitle)
			.hasValueSatisfying(found -> assertThat(found).extracting(ListingMatch::skuId, ListingMatch::matchedBy)
				.containsExactly(second.id(), ListingMatch.MatchedBy.TITLE));
	}

	@Test
	void aLineMatchesByTheExactTitleOfAListingOnly() {
		SkuView sku = sku("titled");
		String title = title("titled");
		ListingView listing = list(sku, this.taobao, item("1"), null, null, title);

		Optional<ListingMatch> exact = this.listings.match(line(this.taobao, null, null, null, "  " + title + " "));
		Optional<ListingMatch> longer = this.listings.match(line(this.taobao, null, null, null, title + " 包邮"));
		Optional<ListingMatch> shorter = this.listings
			.match(line(this.taobao, null, null, null, title.substring(0, title.length() - 1)));

		assertThat(exact).contains(new ListingMatch(sku.id(), listing.id(), ListingMatch.MatchedBy.TITLE));
		assertThat(longer).isEmpty();
		assertThat(shorter).isEmpty();
	}

	@Test
	void aLineThatNothingMatchesFindsNoSku() {
		SkuView sku = sku("listed");
		list(sku, this.taobao, item("1"), "X", null, title("listed"));

		Optional<ListingMatch> unknown = this.listings.match(new OrderLineKey(this.organisation, this.taobao.id(),
				item("unknown"), "X", "NO-SUCH-" + this.run, title("unknown")));
		Optional<ListingMatch> empty = this.listings
			.match(new OrderLineKey(this.organisation, this.taobao.id(), " ", "", " ", ""));
		Optional<ListingMatch> sameItemInAnotherShop = this.listings
			.match(line(this.jd, item("1"), "X", null, title("listed")));

		assertThat(unknown).isEmpty();
		assertThat(empty).isEmpty();
		assertThat(sameItemInAnotherShop).isEmpty();
	}

	@Test
	void theApiAnswersTheMatchOfAnOrderLineForTheMerchant() throws Exception {
		SkuView sku = sku("api");
		SkuView unlisted = sku("api-unlisted");
		String item = item("1");
		ListingView listing = list(sku, this.taobao, item, "P1", null, title("api"));

		this.mvc
			.perform(get("/api/v1/listings/match").param("shopId", this.taobao.id().toString())
				.param("itemId", item)
				.param("skuId", "P1")
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skuId").value(sku.id().toString()))
			.andExpect(jsonPath("$.listingId").value(listing.id().toString()))
			.andExpect(jsonPath("$.matchedBy").value("ITEM_AND_SKU_ID"));
		this.mvc
			.perform(get("/api/v1/listings/match").param("shopId", this.taobao.id().toString())
				.param("itemId", item)
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skuId").value(sku.id().toString()))
			.andExpect(jsonPath("$.matchedBy").value("ITEM_ID"));
		// the API knows the shop's organisation, so an unlisted SKU's merchant code is
		// found too
		this.mvc
			.perform(get("/api/v1/listings/match").param("shopId", this.taobao.id().toString())
				.param("merchantCode", unlisted.merchantCode())
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skuId").value(unlisted.id().toString()))
			.andExpect(jsonPath("$.matchedBy").value("SKU_MERCHANT_CODE"));
	}

	@Test
	void theApiAnswers404ForAnOrderLineNothingMatchesAndForAnUnknownShop() throws Exception {
		this.mvc
			.perform(get("/api/v1/listings/match").param("shopId", this.taobao.id().toString())
				.param("itemId", item("unknown"))
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalog.error.no-match"))
			.andExpect(jsonPath("$.detail").value("没有与该订单行对应的商品规格。"));
		this.mvc
			.perform(get("/api/v1/listings/match").param("shopId", UUID.randomUUID().toString())
				.param("itemId", item("unknown"))
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalog.error.not-found"));
	}

	private ShopView activeShop(Platform platform) {
		return this.registry.shopsOf(this.merchant, this.organisation)
			.stream()
			.filter(shop -> shop.status() == ShopStatus.ACTIVE && shop.platform() == platform)
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException("The demo Libei enterprise has no active " + platform + " shop"));
	}

	private SkuView sku(String name) {
		ProductView product = this.products.add(this.merchant, new ProductInput(null, "PICKLED.SOUR_CABBAGE",
				"匹配酸菜 " + name + " " + this.run, null, null, null, null, 180, StorageClass.AMBIENT));
		return this.skus.add(this.merchant, product.id(), new SkuInput("1.5 千克装", Unit.KG, new BigDecimal("1.5"), null,
				new BigDecimal("39.90"), null, ("M-" + name + "-" + this.run).toUpperCase()));
	}

	private ListingView list(SkuView sku, ShopView shop, String item, String platformSkuId, String merchantCode,
			String title) {
		return this.listings.list(this.merchant,
				new ListingInput(sku.id(), shop.id(), item, platformSkuId, merchantCode, title));
	}

	private String item(String suffix) {
		return "IT-" + this.run + "-" + suffix;
	}

	private String title(String name) {
		return "立碑酸菜 " + name + " " + this.run;
	}

	/** An order line as a channel without the organisation would describe it. */
	private static OrderLineKey line(ShopView shop, String item, String skuId, String merchantCode, String title) {
		return new OrderLineKey(null, shop.id(), item, skuId, merchantCode, title);
	}

}
