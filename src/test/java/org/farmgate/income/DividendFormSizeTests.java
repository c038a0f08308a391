package org.farmgate.income;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.farmgate.FarmgateTest;
import org.farmgate.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cooperative's dividend form sends two fields a member household: a form of 700
 * members (1,400 fields and more) reaches the application through the real server, whose
 * default would refuse over 1,000 parameters.
 */
@FarmgateTest
class DividendFormSizeTests {

	@LocalServerPort
	int port;

	@Test
	void theDividendFormOfACooperativeOfSevenHundredMembersReachesTheApplication() throws Exception {
		WebSession operator = new WebSession("http://127.0.0.1:" + this.port);
		operator.signIn("operator", "farmgate");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("year", "2025");
		fields.put("declaredOn", "2026-01-20");
		for (int i = 0; i < 1_400; i++) {
			// shares without a household or an amount: the form comes back with its
			// message
			fields.put("unused" + i, "");
		}

		HttpResponse<String> answer = operator.submit("/income/dividends/new", "/income/dividends", fields);

		assertThat(answer.statusCode()).as("the server took the form").isEqualTo(200);
		assertThat(answer.body()).contains("请选择本县的一个组织");
	}

}
