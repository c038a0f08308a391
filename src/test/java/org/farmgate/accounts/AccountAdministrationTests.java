package org.farmgate.accounts;

import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator manages accounts through the pages; every action is audited and every
 * form needs its CSRF token.
 */
@FarmgateTest
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountDirectory directory;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog auditLog;

	private UserDetails signedIn(String username) {
		return this.directory.loadUserByUsername(username);
	}

	@Test
	void anAdministratorCreatesAUserWhoCanThenSignIn() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/admin/users").with(user(signedIn("admin")))
				.with(csrf())
				.param("username", "Wang.Fang")
				.param("displayName", "王芳")
				.param("role", "MERCHANT")
				.param("countyCode", "520122")
				.param("organisationId", "7b0c8f5e-1d2a-4f3b-9c8d-0e1f2a3b4c5d")
				.param("password", "pickled-cabbage"))
			.andExpect(status().is3xxRedirection())
			.andReturn();

		AccountView created = this.accounts.accountByUsername("wang.fang").orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + created.id());
		assertThat(created.role()).isEqualTo(Role.MERCHANT);
		assertThat(created.scope().organisationId()).isEqualTo(UUID.fromString("7b0c8f5e-1d2a-4f3b-9c8d-0e1f2a3b4c5d"));
		this.mvc.perform(formLogin().user("wang.fang").password("pickled-cabbage"))
			.andExpect(authenticated().withRoles("MERCHANT"));
		assertThat(this.auditLog.page(0, 200)).anySatisfy(entry -> {
			assertThat(entry.actor()).isEqualTo("admin");
			assertThat(entry.action()).isEqualTo("USER_CREATED");
			assertThat(entry.subject()).startsWith("wang.fang");
		});
	}

	@Test
	void aRoleWithoutOrganisationScopeKeepsNoOrganisation() {
		AccountView analyst = this.accounts.createAccount("scope-analyst", "Analyst", Role.ANALYST,
				new DataScope("520122", UUID.randomUUID(), UUID.randomUUID()), "long-enough");

		assertThat(analyst.scope()).isEqualTo(DataScope.county("520122"));
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user(signedIn("admin")))
				.param("username", "forged")
				.param("displayName", "Forged")
				.param("role", "ADMIN")
				.param("countyCode", "520122")
				.param("password", "forged-password"))
			.andExpect(status().isForbidden());

		assertThat(this.accounts.accountByUsername("forged")).isEmpty();
	}

	@Test
	void anOperatorCannotOpenTheUserAdministration() throws Exception {
		this.mvc.perform(get("/admin/users").with(user(signedIn("operator")))).andExpect(status().isForbidden());
	}

	@Test
	void aTakenUsernameIsReportedWithWhatToFix() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user(signedIn("admin")))
				.with(csrf())
				.param("username", "operator")
				.param("displayName", "Another operator")
				.param("role", "OPERATOR")
				.param("countyCode", "520122")
				.param("password", "whatever-long"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("该用户名已被使用，请换一个。")));
	}

	@Test
	void aMalformedCountyCodeIsReportedWithWhatToFix() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user(signedIn("admin")))
				.with(csrf())
				.param("username", "new-operator")
				.param("displayName", "New operator")
				.param("role", "OPERATOR")
				.param("countyCode", "5201")
				.param("password", "whatever-long"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("县的行政区划代码为 6 位数字，例如 520122。")));

		assertThat(this.accounts.accountByUsername("new-operator")).isEmpty();
	}

	@Test
	void aMalformedOrganisationIdIsReportedWithWhatToFix() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user(signedIn("admin")))
				.with(csrf())
				.param("username", "new-merchant")
				.param("displayName", "New merchant")
				.param("role", "MERCHANT")
				.param("countyCode", "520122")
				.param("organisationId", "not-a-uuid")
				.param("password", "whatever-long"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("编号格式不正确")));

		assertThat(this.accounts.accountByUsername("new-merchant")).isEmpty();
	}

	@Test
	void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
		AccountView admin = this.accounts.accountByUsername("admin").orElseThrow();

		this.mvc
			.perform(post("/admin/users/" + admin.id() + "/enabled").with(user(signedIn("admin")))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users/" + admin.id()));

		assertThat(this.accounts.account(admin.id()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void aDisabledUserCannotSignInAndIsToldNothingMoreThanAWrongPassword() throws Exception {
		AccountView user = this.accounts.createAccount("leaving-clerk", "Clerk", Role.OPERATOR,
				DataScope.county("520122"), "clerk-password");
		this.mvc
			.perform(post("/admin/users/" + user.id() + "/enabled").with(user(signedIn("admin")))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(status().is3xxRedirection());

		MvcResult login = this.mvc.perform(formLogin().user("leaving-clerk").password("clerk-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		this.mvc.perform(get("/login").param("error", "").session((MockHttpSession) login.getRequest().getSession()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码不正确。")));
	}

	@Test
	void aResetPasswordReplacesTheOldOne() throws Exception {
		AccountView user = this.accounts.createAccount("forgetful", "Forgetful", Role.TRAINER,
				DataScope.county("520122"), "old-password");

		this.mvc
			.perform(post("/admin/users/" + user.id() + "/password").with(user(signedIn("admin")))
				.with(csrf())
				.param("newPassword", "new-password"))
			.andExpect(redirectedUrl("/admin/users/" + user.id()));

		this.mvc.perform(formLogin().user("forgetful").password("old-password")).andExpect(unauthenticated());
		this.mvc.perform(formLogin().user("forgetful").password("new-password")).andExpect(authenticated());
	}

	@Test
	void changingOnesOwnPasswordNeedsTheCurrentOne() throws Exception {
		AccountView user = this.accounts.createAccount("careful", "Careful", Role.STATION, DataScope.county("520122"),
				"first-password");

		this.mvc
			.perform(post("/profile/password").with(user(signedIn("careful")))
				.with(csrf())
				.param("currentPassword", "wrong-guess")
				.param("newPassword", "second-password")
				.param("confirmPassword", "second-password"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("当前密码不正确。")));
		this.mvc
			.perform(post("/profile/password").with(user(signedIn("careful")))
				.with(csrf())
				.param("currentPassword", "first-password")
				.param("newPassword", "second-password")
				.param("confirmPassword", "second-passwort"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("两次输入的新密码不一致。")));
		this.mvc
			.perform(post("/profile/password").with(user(signedIn("careful")))
				.with(csrf())
				.param("currentPassword", "first-password")
				.param("newPassword", "second-password")
				.param("confirmPassword", "second-password"))
			.andExpect(redirectedUrl("/profile"));

		this.mvc.perform(formLogin().user("careful").password("second-password")).andExpect(authenticated());
		assertThat(this.accounts.account(user.id()).orElseThrow().passwordChangedAt())
			.isAfter(this.accounts.account(user.id()).orElseThrow().createdAt());
	}

	@Test
	void aUserIssuesATokenOnTheProfilePageAndSeesItOnce() throws Exception {
		MvcResult issued = this.mvc
			.perform(post("/profile/tokens").with(user(signedIn("merchant"))).with(csrf()).param("name", "订单脚本"))
			.andExpect(redirectedUrl("/profile"))
			.andReturn();
		AccountManagement.IssuedToken token = (AccountManagement.IssuedToken) issued.getFlashMap().get("issuedToken");
		assertThat(token.secret()).startsWith("fg_");

		String later = this.mvc.perform(get("/profile").with(user(signedIn("merchant"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(later).contains("订单脚本", token.token().prefix()).doesNotContain(token.secret());
	}

	@Test
	void theDemoLoginPageListsTheDemoAccounts() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("演示账号")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<code>operator</code>")));
	}

	@Test
	void aDisabledAccountsOpenSessionEndsAtItsNextRequest() throws Exception {
		AccountView user = this.accounts.createAccount("session-holder", "Holder", Role.ADMIN,
				DataScope.county("520122"), "holder-password");
		MvcResult login = this.mvc.perform(formLogin().user("session-holder").password("holder-password"))
			.andExpect(authenticated())
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

		this.accounts.disableAccount(user.id(), null);

		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void anAdministratorCannotChangeTheirOwnRole() throws Exception {
		AccountView admin = this.accounts.accountByUsername("admin").orElseThrow();

		this.mvc
			.perform(post("/admin/users/" + admin.id()).with(user(signedIn("admin")))
				.with(csrf())
				.param("username", "admin")
				.param("displayName", "平台管理员")
				.param("role", "ANALYST")
				.param("countyCode", "520122"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("不能修改自己账号的角色")));

		assertThat(this.accounts.account(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void theLastActiveAdministratorCannotBeDisabled() {
		AccountView other = this.accounts.createAccount("second-admin", "Second", Role.ADMIN,
				DataScope.county("520122"), "second-password");
		List<AccountView> admins = this.accounts.accounts()
			.stream()
			.filter(account -> account.role() == Role.ADMIN && account.enabled())
			.toList();
		// disable every administrator but one, then try the last
		for (AccountView admin : admins.subList(0, admins.size() - 1)) {
			this.accounts.disableAccount(admin.id(), null);
		}
		AccountView last = admins.get(admins.size() - 1);

		assertThatThrownBy(() -> this.accounts.disableAccount(last.id(), null)).isInstanceOf(AccountException.class)
			.hasMessage("accounts.error.last-admin");
		admins.forEach(admin -> this.accounts.enableAccount(admin.id()));
		assertThat(other.role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void aPasswordLongerThan72BytesIsRefusedWithAMessageNotAnError() throws Exception {
		AccountView user = this.accounts.createAccount("long-phrase", "Long", Role.OPERATOR, DataScope.county("520122"),
				"short-password");

		this.mvc
			.perform(post("/admin/users/" + user.id() + "/password").with(user(signedIn("admin")))
				.with(csrf())
				.param("newPassword", "我的密码是一句很长很长的话我的密码是一句很长很长的话我的密码"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("密码过长")));
	}

	@Test
	void revokingSomeoneElsesTokenIsRefusedWithAMessage() throws Exception {
		AccountView trainer = this.accounts.accountByUsername("trainer").orElseThrow();
		UUID foreign = this.accounts.issueToken(trainer.id(), "not yours").token().id();

		this.mvc.perform(post("/profile/tokens/" + foreign + "/revoke").with(user(signedIn("merchant"))).with(csrf()))
			.andExpect(redirectedUrl("/profile"))
			.andExpect(flash().attribute("problem", "accounts.error.token-not-found"));

		assertThat(this.accounts.tokens(trainer.id())).allSatisfy(token -> assertThat(token.active()).isTrue());
	}

	@Test
	void theLanguageLinksOfAPageShownAfterAFailedPostLeadBackToTheFormPage() throws Exception {
		String page = this.mvc
			.perform(post("/profile/password").with(user(signedIn("analyst")))
				.with(csrf())
				.header("Referer", "http://localhost/profile")
				.param("currentPassword", "wrong")
				.param("newPassword", "x")
				.param("confirmPassword", "y"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("href=\"/profile?lang=fr\"").doesNotContain("href=\"/profile/password?lang=fr\"");
	}

	@Test
	void theLanguageLinksKeepTheOtherQueryParameters() throws Exception {
		this.mvc.perform(get("/admin/audit?page=1").with(user(signedIn("admin"))))
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("href=\"/admin/audit?page=1&amp;lang=en\"")));
	}

}
