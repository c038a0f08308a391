package org.farmgate.orders;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which instance runs which import job. A job is claimed by the instance that stores or
 * resumes it ({@code farmgate.instance-name}, the host name by default); while the
 * instance runs or queues it, it beats a heartbeat in the database's time. At its start
 * an instance takes back its own jobs cut off by a stop or a crash; any instance takes
 * over a job whose heartbeat is older than {@link #ORPHANED_AFTER}. An instance runs a
 * job only while the job is still claimed by it, so that a job taken over stops where it
 * was.
 */
@Component
class ImportJobClaims {

	/** How long a job's instance may be silent before another takes the job over. */
	static final Duration ORPHANED_AFTER = Duration.ofMinutes(3);

	/** A claimed job and the shop it imports for. */
	record Claimed(UUID id, UUID shopId, UUID organisationId, String countyCode) {
	}

	private final JdbcClient jdbc;

	private final String instance;

	/** The jobs queued or running here. */
	private final Set<UUID> here = ConcurrentHashMap.newKeySet();

	ImportJobClaims(JdbcClient jdbc, @Value("${farmgate.instance-name:}") String instanceName) {
		this.jdbc = jdbc;
		this.instance = instanceName.isBlank() ? hostName() : instanceName.strip();
	}

	/** The name this instance claims jobs under. */
	String instance() {
		return this.instance;
	}

	/** A job this instance stored is queued here. */
	void hold(UUID job) {
		this.here.add(job);
	}

	/**
	 * Claims the jobs to resume: those no instance beats for and, at this instance's
	 * start ({@code ownToo}), its own; answers those not queued here already, oldest
	 * first. A job of this instance that has been silent as long is not running here
	 * either (the jobs here beat every minute): one whose end or release was lost, with
	 * the database gone for a moment, is taken again without waiting for a restart.
	 */
	List<Claimed> claim(boolean ownToo) {
		return this.jdbc.sql("""
				WITH claimed AS (
				    UPDATE orders_import_job SET claimed_by = :me, heartbeat_at = now()
				    WHERE id IN (SELECT id FROM orders_import_job
				                 WHERE status IN ('QUEUED', 'RUNNING')
				                   AND ((:ownToo AND claimed_by = :me)
				                        OR claimed_by IS NULL OR heartbeat_at IS NULL
				                        OR heartbeat_at < now() - make_interval(secs => :silent))
				                 FOR UPDATE SKIP LOCKED)
				    RETURNING id, shop_id, organisation_id, county_code, created_at)
				SELECT id, shop_id, organisation_id, county_code FROM claimed ORDER BY created_at""")
			.param("me", this.instance)
			.param("ownToo", ownToo)
			.param("silent", (double) ORPHANED_AFTER.toSeconds())
			.query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list()
			.stream()
			.filter(claimed -> this.here.add(claimed.id()))
			.toList();
	}

	/** This instance says it lives, for the jobs queued or running here. */
	void beat() {
		if (this.here.isEmpty()) {
			return;
		}
		this.jdbc.sql("UPDATE orders_import_job SET heartbeat_at = now() WHERE id = ANY(?) AND claimed_by = ?")
			.params(this.here.toArray(UUID[]::new), this.instance)
			.update();
	}

	/**
	 * This instance no longer runs the job. A job left unfinished while the application
	 * goes on (its run died) is released, for any instance to take; one left by a stop
	 * keeps its claim, for this instance's next start.
	 */
	void letGo(UUID job, boolean release) {
		this.here.remove(job);
		if (release) {
			this.jdbc.sql("""
					UPDATE orders_import_job SET claimed_by = NULL
					WHERE id = ? AND claimed_by = ? AND status IN ('QUEUED', 'RUNNING')""")
				.params(job, this.instance)
				.update();
		}
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "farmgate";
		}
	}

}
