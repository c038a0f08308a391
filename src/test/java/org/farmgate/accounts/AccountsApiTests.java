package org.farmgate.accounts;

import java.net.http.HttpResponse;

import org.farmgate.ApiClient;
import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real HTTP: HTTP Basic and personal tokens sign in, anything else gets
 * a JSON 401 or 403 and never a redirect to the login page.
 */
@FarmgateTest
class AccountsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port);
	}

	@Test
	void theAdministratorSeesThemselvesWithRoleAndScope() throws Exception {
		HttpResponse<String> response = this.api.get("/api/v1/me", ApiClient.basic("admin", "farmgate"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = this.json.readTree(response.body());
		assertThat(me.get("username").asString()).isEqualTo("admin");
		assertThat(me.get("role").asString()).isEqualTo("ADMIN");
		assertThat(me.get("scope").get("countyCode").asString()).isEqualTo("520122");
		assertThat(response.body()).doesNotContain("password", "$2a$");
	}

	@Test
	void aRequestWithoutCredentialsGetsA401InJsonAndNoRedirect() throws Exception {
		HttpResponse<String> response = this.api.get("/api/v1/me", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(this.json.readTree(response.body()).get("message").asString()).contains("HTTP Basic");
	}

	@Test
	void aWrongPasswordGetsA401InJson() throws Exception {
		HttpResponse<String> response = this.api.get("/api/v1/me", ApiClient.basic("analyst", "not-the-password"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void aPersonalTokenSignsInUntilItIsRevoked() throws Exception {
		AccountView trainer = this.accounts.accountByUsername("trainer").orElseThrow();
		AccountManagement.IssuedToken token = this.accounts.issueToken(trainer.id(), "attendance script");

		HttpResponse<String> before = this.api.get("/api/v1/me", ApiClient.bearer(token.secret()));
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(before.body()).get("username").asString()).isEqualTo("trainer");

		this.accounts.revokeToken(trainer.id(), token.token().id());

		HttpResponse<String> after = this.api.get("/api/v1/me", ApiClient.bearer(token.secret()));
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.body()).contains("revoked");
	}

	@Test
	void theTokenOfADisabledAccountStopsWorking() throws Exception {
		AccountView user = this.accounts.createAccount("api-disabled", "API user", Role.ANALYST,
				DataScope.county("520122"), "secret-pass");
		String secret = this.accounts.issueToken(user.id(), "report export").secret();
		assertThat(this.api.get("/api/v1/me", ApiClient.bearer(secret)).statusCode()).isEqualTo(200);

		this.accounts.disableAccount(user.id(), null);

		assertThat(this.api.get("/api/v1/me", ApiClient.bearer(secret)).statusCode()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/me", ApiClient.basic("api-disabled", "secret-pass")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anUnknownTokenGetsA401() throws Exception {
		HttpResponse<String> response = this.api.get("/api/v1/me", ApiClient.bearer("fg_not-a-real-token"));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void tokensAreStoredOnlyAsTheirHash() {
		AccountView station = this.accounts.accountByUsername("station").orElseThrow();
		String secret = this.accounts.issueToken(station.id(), "scanner").secret();

		String stored = this.jdbc.sql("SELECT token_hash FROM accounts_api_token WHERE token_hash = :hash")
			.param("hash", ApiToken.hash(secret))
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).doesNotContain(secret);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM accounts_api_token WHERE token_hash = :secret OR token_prefix = :secret")
			.param("secret", secret)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyAnAdministratorListsTheUsersAndOthersGetA403InJson() throws Exception {
		HttpResponse<String> asAdmin = this.api.get("/api/v1/users", ApiClient.basic("admin", "farmgate"));
		assertThat(asAdmin.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(asAdmin.body()).findValuesAsString("username")).contains("operator", "merchant");

		HttpResponse<String> asOperator = this.api.get("/api/v1/users", ApiClient.basic("operator", "farmgate"));
		assertThat(asOperator.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(asOperator.body()).get("error").asString()).isEqualTo("Forbidden");
	}

	@Test
	void anUnknownApiPathGetsA404InJsonWithoutAStackTrace() throws Exception {
		HttpResponse<String> response = this.api.get("/api/v1/no-such-thing", ApiClient.basic("admin", "farmgate"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("trace", "Exception", "at org.");
	}

}
