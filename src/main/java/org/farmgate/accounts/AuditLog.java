package org.farmgate.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The record of who did what, when and from where: logins, failed logins and every
 * administrative action. Other modules record their sensitive actions (such as
 * downloading unmasked personal data) here too.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records an action of the current user, from the current request's address.
	 * @param action what was done, an upper-case code such as {@code USER_CREATED}
	 * @param subject what it was done to (a username, a file name), never personal data
	 */
	public void record(String action, String subject) {
		record(currentActor(), action, subject, currentRemoteAddress());
	}

	void record(String actor, String action, String subject, String remoteAddress) {
		this.jdbc.sql("""
				INSERT INTO accounts_audit_entry (id, occurred_at, actor, action, subject, remote_address)
				VALUES (:id, :at, :actor, :action, :subject, :address)""")
			.param("id", UUID.randomUUID())
			.param("at", java.sql.Timestamp.from(Instant.now(this.clock)))
			.param("actor", truncate(actor, 64))
			.param("action", action)
			.param("subject", truncate(subject, 200))
			.param("address", truncate(remoteAddress, 64))
			.update();
	}

	/**
	 * One page of entries, newest first.
	 */
	public List<AuditEntryView> page(int page, int size) {
		return this.jdbc.sql("""
				SELECT occurred_at, actor, action, subject, remote_address FROM accounts_audit_entry
				ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("limit", size + 1)
			.param("offset", Math.max(0, page) * size)
			.query((rs, row) -> new AuditEntryView(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"), rs.getString("remote_address")))
			.list();
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

	static String currentRemoteAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
