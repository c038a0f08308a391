package org.farmgate.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, one account per role in the demo county, all with the password
 * {@value #PASSWORD}; missing ones are created at start-up, existing ones left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "farmgate";

	static final List<String> USERNAMES = List.of("admin", "operator", "analyst", "trainer", "station", "merchant");

	private static final Logger logger = LoggerFactory.getLogger(DemoAccounts.class);

	private final AccountManagement accounts;

	private final boolean demo;

	private final String countyCode;

	DemoAccounts(AccountManagement accounts, @Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String countyCode) {
		this.accounts = accounts;
		this.demo = demo;
		this.countyCode = countyCode;
	}

	boolean enabled() {
		return this.demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int created = 0;
		for (String username : USERNAMES) {
			if (this.accounts.accountByUsername(username).isEmpty()) {
				Role role = Role.valueOf(username.toUpperCase(java.util.Locale.ROOT));
				this.accounts.createDemoAccount(username, displayName(role), role, DataScope.county(this.countyCode),
						PASSWORD);
				created++;
			}
		}
		if (created > 0) {
			logger.info("Demo mode: created {} demo accounts in county {}", created, this.countyCode);
		}
	}

	private static String displayName(Role role) {
		return switch (role) {
			case ADMIN -> "平台管理员";
			case OPERATOR -> "运营中心 王芳";
			case ANALYST -> "商务局 李明";
			case TRAINER -> "培训讲师 张丽";
			case STATION -> "永靖镇服务站 陈强";
			case MERCHANT -> "丰源合作社 刘洋";
		};
	}

}
