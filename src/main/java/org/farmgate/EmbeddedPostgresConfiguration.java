package org.farmgate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded PostgreSQL server and points the application's data source at it
 * when no {@code spring.datasource.url} is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "release")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
		return EmbeddedPostgresServer.obtain(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedPostgresProperties properties) {
		String database = properties.databasePerContext()
				? properties.database() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
				: properties.database();
		createDatabaseIfMissing(server.adminDataSource(), database);
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(server.jdbcUrl(database))
			.username(EmbeddedPostgresServer.SUPERUSER)
			.build();
	}

	private static void createDatabaseIfMissing(DataSource admin, String database) {
		try (Connection connection = admin.getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet result = exists.executeQuery()) {
				if (result.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// the name is ours (property or generated), never user input: quoting is
				// enough
				create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\" ENCODING 'UTF8'");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + database + " on the embedded server",
					ex);
		}
	}

	/**
	 * Matches when the configuration names no external database.
	 */
	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}

	}

}
