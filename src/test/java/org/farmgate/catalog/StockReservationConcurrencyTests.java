package org.farmgate.catalog;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.farmgate.ApiClient;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight channels reserve the last units of one SKU at the same moment through the JSON
 * API over HTTP: the units reserved never exceed the stock, and every loser is told
 * "insufficient stock".
 */
@FarmgateTest
class StockReservationConcurrencyTests {

	@LocalServerPort
	int port;

	@Autowired
	ProductManagement products;

	@Autowired
	SkuManagement skus;

	@Autowired
	StockManagement stock;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.farmgate.accounts.AccountManagement accounts;

	@Test
	void eightThreadsReservingTheLastFiveUnitsGetFiveReservationsAndThreeRefusals() throws Exception {
		UUID sku = skuWithStock(5);

		List<HttpResponse<String>> answers = reserveAtOnce(sku, 8, 1);

		assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(5);
		assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
			.hasSize(3)
			.allSatisfy(answer -> assertThat(answer.body()).contains("\"code\":\"catalog.error.insufficient-stock\"")
				.contains("库存不足"));
		StockView after = this.stock.stockOf(merchant(), sku).get(0);
		assertThat(after.onHand()).isEqualTo(5);
		assertThat(after.reserved()).isEqualTo(5);
		assertThat(after.available()).isZero();
	}

	@Test
	void reservationsOfSeveralUnitsNeverTakeAvailableStockBelowZero() throws Exception {
		UUID sku = skuWithStock(7);

		List<HttpResponse<String>> answers = reserveAtOnce(sku, 8, 2);

		long won = answers.stream().filter(answer -> answer.statusCode() == 201).count();
		assertThat(won).isEqualTo(3);
		assertThat(answers).filteredOn(answer -> answer.statusCode() != 201)
			.allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(409));
		StockView after = this.stock.stockOf(merchant(), sku).get(0);
		assertThat(after.reserved()).isEqualTo(6).isLessThanOrEqualTo(after.onHand());
		assertThat(after.available()).isEqualTo(1);
	}

	private List<HttpResponse<String>> reserveAtOnce(UUID sku, int threads, int units) throws Exception {
		ApiClient api = new ApiClient("http://localhost:" + this.port);
		// a channel integration signs its calls with an API token (several password
		// sign-ins at once from one address are throttled like guesses)
		String credentials = ApiClient
			.bearer(this.accounts.issueToken(merchant().id(), "channel sync " + UUID.randomUUID()).secret());
		String run = UUID.randomUUID().toString().substring(0, 8);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String body = "{\"skuId\":\"" + sku + "\",\"quantity\":" + units + ",\"orderLine\":\"TAOBAO:" + run
						+ ":" + i + "\"}";
				calls.add(pool.submit(() -> {
					start.await();
					return api.post("/api/v1/stock/reservations", body, credentials);
				}));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> call : calls) {
				answers.add(call.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private UUID skuWithStock(int units) {
		SignedInUser merchant = merchant();
		ProductView product = this.products.add(merchant, new ProductInput(null, "PICKLED.SOUR_CABBAGE",
				"抢购酸菜 " + UUID.randomUUID(), null, null, null, null, 180, StorageClass.AMBIENT));
		SkuView sku = this.skus.add(merchant, product.id(),
				new SkuInput("1.5 千克装", Unit.KG, new BigDecimal("1.5"), null, new BigDecimal("39.90"), null, null));
		this.stock.adjust(merchant, new AdjustmentInput(sku.id(), null, null, units, AdjustmentReason.RECEIVED, null));
		return sku.id();
	}

	private SignedInUser merchant() {
		return (SignedInUser) this.users.loadUserByUsername("merchant");
	}

}
