package org.farmgate.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.ApiClient;
import org.farmgate.FarmgateProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200,000-order import stopped normally half-way, then killed with {@code kill -9}
 * half-way through its second run, leaves only whole orders, and after each restart the
 * job runs again and ends with exactly the orders of the file, each with its line, none
 * twice.
 */
class OrderImportCrashTests {

	private static final int ORDERS = 200_000;

	/** Orders taken before the normal stop. */
	private static final int BEFORE_STOP = 20_000;

	/** Orders looked at again before the kill (those taken before the stop, and more). */
	private static final int BEFORE_KILL = 40_000;

	@TempDir
	Path workDirectory;

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopEverything() throws Exception {
		for (Process process : this.started) {
			if (process.isAlive()) {
				process.destroy();
				process.waitFor();
			}
		}
	}

	@Test
	void anImportStoppedThenKilledHalfWayLeavesWholeOrdersAndTheRestartCompletesItExactly() throws Exception {
		Path data = this.workDirectory.resolve("postgres");
		int port = FarmgateProcess.freePort();
		String base = "http://127.0.0.1:" + port;
		String merchant = ApiClient.basic("merchant", "farmgate");
		ApiClient api = new ApiClient(base);

		Process first = start(data, port, "first.log");
		String shopId = taobaoShop(api, merchant);
		String job = JsonPath.read(upload(base, shopId, merchant, taobaoReport()), "$.id");
		awaitDone(api, merchant, job, BEFORE_STOP);
		first.destroy(); // SIGTERM: a normal stop in the middle of the job
		first.waitFor();
		assertThat(Files.readString(this.workDirectory.resolve("first.log")))
			.contains("Order import " + job + " cut off by the shutdown")
			.doesNotContain("Order import " + job + " failed");

		Process second = start(data, port, "second.log");
		FarmgateProcess.await(() -> Files.readString(this.workDirectory.resolve("second.log"))
			.contains("Resuming order import " + job), Duration.ofSeconds(30));
		awaitDone(api, merchant, job, BEFORE_KILL);
		second.destroyForcibly(); // SIGKILL in the middle of the job run again
		second.waitFor();

		start(data, port, "third.log");
		FarmgateProcess.await(() -> Files.readString(this.workDirectory.resolve("third.log"))
			.contains("Resuming order import " + job), Duration.ofSeconds(30));
		FarmgateProcess.await(
				() -> "DONE"
					.equals(JsonPath.read(api.get("/api/v1/order-imports/" + job, merchant).body(), "$.status")),
				Duration.ofSeconds(180));

		String report = api.get("/api/v1/order-imports/" + job, merchant).body();
		assertThat(
				JsonPath.<Integer>read(report, "$.ordersCreated") + JsonPath.<Integer>read(report, "$.ordersUnchanged"))
			.as("the re-run takes every order: new ones, and those taken before the kill")
			.isEqualTo(ORDERS);
		assertThat(JsonPath.<Integer>read(report, "$.ordersUnchanged"))
			.as("what was taken before the kill is found, not taken twice")
			.isGreaterThanOrEqualTo(BEFORE_KILL)
			.isLessThan(ORDERS);
		assertThat(JsonPath.<List<Object>>read(report, "$.rejected")).isEmpty();
		String orders = api.get("/api/v1/orders?shopId=" + shopId + "&q=", merchant).body();
		assertThat(JsonPath.<Integer>read(orders, "$.total")).as("exactly the orders of the file").isEqualTo(ORDERS);
		int pages = ORDERS / 20;
		for (int page = 0; page < pages; page += pages / 12) {
			List<List<Object>> lines = JsonPath.read(
					api.get("/api/v1/orders?shopId=" + shopId + "&page=" + page, merchant).body(), "$.items[*].lines");
			assertThat(lines).as("every order whole, with its line")
				.hasSize(20)
				.allSatisfy(line -> assertThat(line).hasSize(1));
		}
	}

	private static void awaitDone(ApiClient api, String merchant, String job, int orders) throws Exception {
		FarmgateProcess.await(() -> JsonPath.<Integer>read(api.get("/api/v1/order-imports/" + job, merchant).body(),
				"$.ordersDone") >= orders, Duration.ofSeconds(180));
	}

	private static String taobaoShop(ApiClient api, String merchant) throws Exception {
		List<String> ids = JsonPath.read(api.get("/api/v1/shops", merchant).body(), "$[?(@.platform == 'TAOBAO')].id");
		return ids.get(0);
	}

	private static byte[] taobaoReport() {
		StringBuilder csv = new StringBuilder(
				"订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量\n");
		for (int i = 0; i < ORDERS; i++) {
			csv.append("=\"9")
				.append(String.format("%09d", i))
				.append("\",b")
				.append(i)
				.append(",39.90,39.90,交易成功,张三,江苏省 南京市 鼓楼区 中山路1号,'13812345678,2026-10-01 10:00:00,2026-10-01 10:01:00,立碑酸菜 1.5kg,1\n");
		}
		return csv.toString().getBytes(Charset.forName("GB18030"));
	}

	private static String upload(String base, String shopId, String authorization, byte[] file) throws Exception {
		String boundary = "----farmgate" + UUID.randomUUID();
		byte[] head = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(Charset.forName("UTF-8"));
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(Charset.forName("UTF-8"));
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		HttpResponse<String> started = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/shops/" + shopId + "/order-imports"))
				.header("Authorization", authorization)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		return started.body();
	}

	private Process start(Path data, int port, String logName) throws Exception {
		Path log = this.workDirectory.resolve(logName);
		Process process = FarmgateProcess.launch(log, "--server.port=" + port,
				"--farmgate.embedded-db.directory=" + data, "--spring.main.banner-mode=off",
				"--farmgate.demo.registry-scale=0.05", "--farmgate.demo.orders-per-year=0",
				"--farmgate.secrets.key-file=" + this.workDirectory.resolve("secret.key"));
		this.started.add(process);
		ApiClient api = new ApiClient("http://127.0.0.1:" + port);
		FarmgateProcess.await(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("Farmgate exited:\n" + Files.readString(log));
			}
			try {
				// ready once the demo merchant has its shops
				HttpResponse<String> shops = api.get("/api/v1/shops", ApiClient.basic("merchant", "farmgate"));
				return shops.statusCode() == 200 && shops.body().contains("TAOBAO");
			}
			catch (IOException ex) {
				return false;
			}
		}, Duration.ofSeconds(180));
		return process;
	}

}
