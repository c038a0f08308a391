package org.farmgate;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Farmgate, started the way {@code ./mvnw spring-boot:run} starts it (its own JVM, the
 * embedded PostgreSQL keeping data in a directory), killed with {@code kill -9} and
 * started again, still has the data created before.
 */
class CrashRecoveryTests {

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
	void aUserCreatedBeforeAKill9IsThereAfterTheRestart() throws Exception {
		Path data = this.workDirectory.resolve("postgres");
		int port = FarmgateProcess.freePort();
		String base = "http://127.0.0.1:" + port;

		Process first = start(data, port, "first.log");
		WebSession admin = new WebSession(base);
		admin.signIn("admin", "farmgate");
		HttpResponse<String> created = admin.submit("/admin/users/new", "/admin/users", Map.of("username", "survivor",
				"displayName", "Survivor", "role", "OPERATOR", "countyCode", "520122", "password", "survives-kill-9"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(new ApiClient(base).get("/api/v1/me", ApiClient.basic("survivor", "survives-kill-9")).statusCode())
			.isEqualTo(200);

		Process intruder = launch(data, FarmgateProcess.freePort(), "intruder.log");
		assertThat(intruder.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("a second instance gives up")
			.isTrue();
		assertThat(intruder.exitValue()).isNotZero();
		assertThat(Files.readString(this.workDirectory.resolve("intruder.log"))).contains("in use by another running");
		assertThat(new ApiClient(base).get("/api/v1/me", ApiClient.basic("survivor", "survives-kill-9")).statusCode())
			.as("the first instance and its database are untouched")
			.isEqualTo(200);

		first.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left
									// behind
		first.waitFor();
		assertThat(Files.exists(data.resolve("postmaster.pid"))).as("PostgreSQL was left running").isTrue();

		Process second = start(data, port, "second.log");

		HttpResponse<String> me = new ApiClient(base).get("/api/v1/me", ApiClient.basic("survivor", "survives-kill-9"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"survivor\"");

		second.destroy(); // SIGTERM: a clean shutdown stops PostgreSQL too
		second.waitFor();
		FarmgateProcess.await(() -> !Files.exists(data.resolve("postmaster.pid")), Duration.ofSeconds(30));
	}

	private Process start(Path data, int port, String logName) throws Exception {
		Process process = launch(data, port, logName);
		Path log = this.workDirectory.resolve(logName);
		ApiClient api = new ApiClient("http://127.0.0.1:" + port);
		FarmgateProcess.await(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("Farmgate exited:\n" + Files.readString(log));
			}
			try {
				return api.get("/actuator/health", null).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		}, Duration.ofSeconds(120));
		return process;
	}

	private Process launch(Path data, int port, String logName) throws Exception {
		Process process = FarmgateProcess.launch(this.workDirectory.resolve(logName), "--server.port=" + port,
				"--farmgate.embedded-db.directory=" + data, "--spring.main.banner-mode=off");
		this.started.add(process);
		return process;
	}

}
