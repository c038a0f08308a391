package org.farmgate.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After five failed sign-ins for a username from an address, that pair is refused for 15
 * minutes, with a message that never tells whether the username exists.
 */
@FarmgateTest
class LoginThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String messageAfter(MvcResult login) throws Exception {
		return this.mvc
			.perform(get("/login").param("error", "").session((MockHttpSession) login.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String problem(String page) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<p class=\"problem\"[^>]*>([^<]*)</p>")
			.matcher(page);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	private MvcResult attempt(String username, String password, String address) throws Exception {
		return this.mvc.perform(login(username, password, address)).andReturn();
	}

	@Test
	void theSixthAttemptAfterFiveFailuresIsRefusedEvenWithTheRightPassword() throws Exception {
		this.accounts.createAccount("throttled-user", "Throttled", Role.OPERATOR, DataScope.county("520122"),
				"right-password");
		for (int i = 0; i < 5; i++) {
			assertThat(messageAfter(attempt("throttled-user", "wrong-" + i, "203.0.113.7"))).contains("用户名或密码不正确。");
		}

		MvcResult sixth = attempt("throttled-user", "right-password", "203.0.113.7");

		this.mvc.perform(login("throttled-user", "right-password", "203.0.113.7")).andExpect(unauthenticated());
		assertThat(messageAfter(sixth)).contains("登录失败次数过多，请 15 分钟后再试。");
	}

	@Test
	void theLockHoldsOnlyForTheAddressItCameFrom() throws Exception {
		this.accounts.createAccount("shared-office", "Office", Role.OPERATOR, DataScope.county("520122"),
				"right-password");
		for (int i = 0; i < 5; i++) {
			attempt("shared-office", "wrong", "198.51.100.20");
		}

		this.mvc.perform(login("shared-office", "right-password", "198.51.100.21")).andExpect(authenticated());
		this.mvc.perform(login("shared-office", "right-password", "198.51.100.20")).andExpect(unauthenticated());
	}

	@Test
	void anUnknownUsernameGetsExactlyTheAnswersOfAKnownOne() throws Exception {
		this.accounts.createAccount("known-user", "Known", Role.OPERATOR, DataScope.county("520122"), "right-password");
		for (int i = 0; i < 5; i++) {
			String known = problem(messageAfter(attempt("known-user", "wrong", "192.0.2.50")));
			String unknown = problem(messageAfter(attempt("nobody-here", "wrong", "192.0.2.50")));
			assertThat(unknown).isEqualTo(known).isEqualTo("用户名或密码不正确。");
		}
		String knownLocked = problem(messageAfter(attempt("known-user", "wrong", "192.0.2.50")));
		String unknownLocked = problem(messageAfter(attempt("nobody-here", "wrong", "192.0.2.50")));
		assertThat(unknownLocked).isEqualTo(knownLocked).isEqualTo("登录失败次数过多，请 15 分钟后再试。");
	}

	@Test
	void aSuccessfulSignInStartsTheCountOver() throws Exception {
		this.accounts.createAccount("sometimes-wrong", "Sometimes", Role.OPERATOR, DataScope.county("520122"),
				"right-password");
		for (int i = 0; i < 4; i++) {
			attempt("sometimes-wrong", "wrong", "192.0.2.60");
		}
		this.mvc.perform(login("sometimes-wrong", "right-password", "192.0.2.60")).andExpect(authenticated());
		for (int i = 0; i < 4; i++) {
			attempt("sometimes-wrong", "wrong", "192.0.2.60");
		}

		this.mvc.perform(login("sometimes-wrong", "right-password", "192.0.2.60")).andExpect(authenticated());
	}

	@Test
	void theApiAnswers429WhenHttpBasicIsThrottled() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/v1/me").with(httpBasic("api-guesser", "guess-" + i)).with(from("192.0.2.90")))
				.andExpect(status().isUnauthorized());
		}

		this.mvc.perform(get("/api/v1/me").with(httpBasic("api-guesser", "guess-5")).with(from("192.0.2.90")))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("15 minutes")));
	}

	@Test
	void theLockEndsAfterFifteenMinutes() {
		Instant start = Instant.parse("2026-03-01T08:00:00Z");
		for (int i = 0; i < 5; i++) {
			failAt(start.plusSeconds(i), "clock-user", "192.0.2.70");
		}

		assertThat(throttleAt(start.plus(Duration.ofMinutes(14))).tryAttempt("clock-user", "192.0.2.70")).isFalse();
		assertThat(throttleAt(start.plus(Duration.ofMinutes(16))).tryAttempt("clock-user", "192.0.2.70")).isTrue();
		assertThat(failures("clock-user", "192.0.2.70")).as("the count starts over").isEqualTo(1);
	}

	@Test
	void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
		Instant start = Instant.parse("2026-03-02T08:00:00Z");
		for (int i = 0; i < 4; i++) {
			failAt(start.plusSeconds(i), "slow-typist", "192.0.2.80");
		}
		Instant later = start.plus(Duration.ofMinutes(20));
		failAt(later, "slow-typist", "192.0.2.80");

		assertThat(failures("slow-typist", "192.0.2.80")).isEqualTo(1);
		assertThat(throttleAt(later).tryAttempt("slow-typist", "192.0.2.80")).isTrue();
	}

	@Test
	void parallelGuessesGetNoMoreThanFivePasswordChecks() throws Exception {
		LoginThrottle throttle = throttleAt(Instant.parse("2026-03-03T08:00:00Z"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				attempts.add(pool.submit(() -> throttle.tryAttempt("parallel-guess", "192.0.2.99")));
			}
			int allowed = 0;
			for (Future<Boolean> attempt : attempts) {
				allowed += attempt.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(LoginThrottle.MAX_FAILURES);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aMalformedUsernameIsNeitherStoredNorAudited() throws Exception {
		attempt("my secret password!", "wrong", "192.0.2.100");

		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts_login_failure WHERE username LIKE '%secret%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts_audit_entry WHERE actor LIKE '%secret%'")
			.query(Long.class)
			.single()).isZero();
	}

	private void failAt(Instant when, String username, String address) {
		LoginThrottle throttle = throttleAt(when);
		throttle.tryAttempt(username, address);
		throttle.failed(username, address);
	}

	private int failures(String username, String address) {
		return this.jdbc.sql("SELECT failures FROM accounts_login_failure WHERE username = :u AND remote_address = :a")
			.param("u", username)
			.param("a", address)
			.query(Integer.class)
			.single();
	}

	private LoginThrottle throttleAt(Instant now) {
		return new LoginThrottle(this.jdbc, Clock.fixed(now, ZoneOffset.UTC));
	}

}
