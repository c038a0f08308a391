package org.farmgate.orders;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import job belongs to the instance that runs it while that instance beats a
 * heartbeat; the job of an instance that stopped beating is taken over by another and
 * ends as if it had not been cut off.
 */
@FarmgateTest
class OrderImportClaimTests {

	@Autowired
	OrderImports imports;

	@Autowired
	RegistryManagement registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportJobClaims claims;

	@Test
	void aJobOfAnInstanceThatStoppedBeatingIsTakenOverAndOneThatStillBeatsIsLeftAlone() throws Exception {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		ShopView jd = jdShop(merchant);
		String run = run("8");
		StringBuilder csv = new StringBuilder("订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号\n");
		for (int i = 0; i < 30; i++) {
			csv.append(run)
				.append(i)
				.append(",100001,立碑酸菜 1.5kg,1,2026-10-01 10:00:00,39.90,39.90,39.90,完成,赵六,四川成都市武侯区人民南路四段1号,13700001234,XF-SC-1500\n");
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
		ImportJobView first = OrderSamples.awaitEnd(this.imports, merchant,
				this.imports.start(merchant, jd.id(), List.of(new ExportFile("jd.csv", file))).id());
		assertThat(first.ordersCreated()).isEqualTo(30);
		UUID job = first.id();

		// the same job, as another instance left it in the middle of its run, still
		// beating
		this.jdbc.sql("""
				UPDATE orders_import_job SET status = 'RUNNING', claimed_by = 'farmgate-b', heartbeat_at = ?,
				       finished_at = NULL WHERE id = ?""").params(Timestamp.from(Instant.now()), job).update();
		// (the finished job's file may not be deleted yet: put it back either way)
		this.jdbc.sql("""
				INSERT INTO orders_import_file (job_id, position, name, content) VALUES (?, 0, 'jd.csv', ?)
				ON CONFLICT (job_id, position) DO UPDATE SET content = EXCLUDED.content""").params(job, file).update();

		this.imports.resumeOrphanedJobs();
		assertThat(claimOf(job)).as("an instance that beats keeps its job").isEqualTo("farmgate-b");
		assertThat(this.imports.job(merchant, job).orElseThrow().status()).isEqualTo("RUNNING");

		// farmgate-b falls silent
		this.jdbc.sql("UPDATE orders_import_job SET heartbeat_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minus(ImportJobClaims.ORPHANED_AFTER).minusSeconds(10)), job)
			.update();
		this.imports.resumeOrphanedJobs();
		ImportJobView taken = OrderSamples.awaitEnd(this.imports, merchant, job);

		assertThat(claimOf(job)).as("taken over").isNotEqualTo("farmgate-b");
		assertThat(taken.status()).isEqualTo("DONE");
		assertThat(taken.ordersUnchanged()).as("the orders taken before, found again").isEqualTo(30);
		assertThat(taken.ordersCreated()).isZero();
	}

	@Test
	void aJobQueuedHereIsNotClaimedAgainWhenThisInstanceLooksForItsCutOffJobs() throws Exception {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID queuedHere = UUID.randomUUID();
		UUID cutOff = UUID.randomUUID();
		for (UUID job : List.of(queuedHere, cutOff)) {
			this.jdbc.sql("""
					INSERT INTO orders_import_job (id, county_code, organisation_id, shop_id, requested_by, status,
					                               file_names, created_at, claimed_by, heartbeat_at)
					VALUES (?, '520122', ?, ?, 'merchant', 'QUEUED', 'jd.csv', now(), ?, now())""")
				.params(job, merchant.scope().organisationId(), jdShop(merchant).id(), this.claims.instance())
				.update();
		}
		// one of this instance's jobs waits in its queue, the other was cut off by a stop
		this.claims.hold(queuedHere);

		List<ImportJobClaims.Claimed> claimed = this.claims.claim(true);

		assertThat(claimed).extracting(ImportJobClaims.Claimed::id).contains(cutOff).doesNotContain(queuedHere);
		this.claims.letGo(cutOff, true);
		this.claims.letGo(queuedHere, true);
		this.jdbc.sql("UPDATE orders_import_job SET status = 'FAILED' WHERE id = ANY(?)")
			.param(new UUID[] { queuedHere, cutOff })
			.update();
	}

	@Test
	void aJobOfThisInstanceThatFellSilentIsTakenAgainWithoutARestart() {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID silent = UUID.randomUUID();
		UUID beating = UUID.randomUUID();
		Instant silentSince = Instant.now().minus(ImportJobClaims.ORPHANED_AFTER).minusSeconds(10);
		for (UUID job : List.of(silent, beating)) {
			this.jdbc.sql("""
					INSERT INTO orders_import_job (id, county_code, organisation_id, shop_id, requested_by, status,
					                               file_names, created_at, claimed_by, heartbeat_at)
					VALUES (?, '520122', ?, ?, 'merchant', 'RUNNING', 'jd.csv', now(), ?, ?)""")
				.params(job, merchant.scope().organisationId(), jdShop(merchant).id(), this.claims.instance(),
						Timestamp.from(job.equals(silent) ? silentSince : Instant.now()))
				.update();
		}

		// the minute's look for orphaned jobs, not the look at this instance's start
		List<ImportJobClaims.Claimed> claimed = this.claims.claim(false);

		assertThat(claimed).extracting(ImportJobClaims.Claimed::id).contains(silent).doesNotContain(beating);
		this.claims.letGo(silent, true);
		this.jdbc.sql("UPDATE orders_import_job SET status = 'FAILED' WHERE id = ANY(?)")
			.param(new UUID[] { silent, beating })
			.update();
	}

	private ShopView jdShop(SignedInUser merchant) {
		return this.registry.shopsOf(merchant, merchant.scope().organisationId())
			.stream()
			.filter(shop -> shop.platform() == Platform.JD)
			.findFirst()
			.orElseThrow();
	}

	/** Order numbers of one test run: the prefix and eight random digits. */
	private static String run(String prefix) {
		return prefix + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
	}

	private String claimOf(UUID job) {
		return this.jdbc.sql("SELECT claimed_by FROM orders_import_job WHERE id = ?")
			.param(job)
			.query(String.class)
			.single();
	}

}
