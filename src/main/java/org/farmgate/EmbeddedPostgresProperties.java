package org.farmgate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL server started when no external database is
 * configured.
 *
 * @param directory data directory kept between runs; blank for a throw-away server in a
 * temporary directory (tests)
 * @param port port to listen on (localhost only); 0 picks a free one
 * @param database name of the application database
 * @param databasePerContext whether every application context gets a fresh database of
 * its own on the shared server (tests)
 */
@ConfigurationProperties("farmgate.embedded-db")
record EmbeddedPostgresProperties(String directory, int port, String database, boolean databasePerContext) {

	EmbeddedPostgresProperties {
		directory = (directory != null) ? directory.trim() : "";
		database = (database == null || database.isBlank()) ? "farmgate" : database;
	}

	boolean ephemeral() {
		return this.directory.isEmpty();
	}

}
