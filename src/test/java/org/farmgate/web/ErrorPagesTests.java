package org.farmgate.web;

import java.net.http.HttpResponse;

import org.farmgate.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors are shown as pages in the user's language, never as stack traces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorPagesTests.FailingController.class)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	WebSession operator;

	@BeforeEach
	void signIn() throws Exception {
		this.operator = new WebSession("http://127.0.0.1:" + this.port);
		assertThat(this.operator.signIn("operator", "farmgate").body()).contains("欢迎");
	}

	@Test
	void anUnknownPageIsA404InChineseByDefault() throws Exception {
		HttpResponse<String> response = this.operator.get("/no-such-page");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("页面不存在", "返回首页");
	}

	@Test
	void anUnknownPageIsA404InFrenchOnceFrenchIsChosen() throws Exception {
		this.operator.get("/?lang=fr");

		HttpResponse<String> response = this.operator.get("/no-such-page");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page introuvable").doesNotContain("页面不存在");
	}

	@Test
	void aPageTheRoleMayNotOpenIsA403Page() throws Exception {
		HttpResponse<String> response = this.operator.get("/admin/users");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("没有权限");
	}

	@Test
	void aServerErrorIsA500PageWithoutAStackTrace() throws Exception {
		HttpResponse<String> response = this.operator.get("/test/failure");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("服务器出错了")
			.doesNotContain("IllegalStateException", "secret detail", "at org.", "Whitelabel");
	}

	@Test
	void aMalformedIdIsA400PageNotAStackTrace() throws Exception {
		WebSession admin = new WebSession("http://127.0.0.1:" + this.port);
		admin.signIn("admin", "farmgate");

		HttpResponse<String> response = admin.get("/admin/users/not-a-uuid");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("请求无法处理").doesNotContain("MethodArgumentTypeMismatchException");
	}

	@RestController
	static class FailingController {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("secret detail that must not reach the page");
		}

	}

}
