package org.chimerabench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The PostgreSQL pass ({@code ./mvnw -B verify -Ppostgres}): when the system property {@code chimera.test.postgres-url}
 * names a server, every Spring test context that would open an H2 database (in memory or a file) gets a private, empty
 * PostgreSQL schema instead (created here; Flyway builds the tables in it). Without the property nothing changes.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor, Ordered {

    public static final String URL = "chimera.test.postgres-url";
    public static final String USER = "chimera.test.postgres-user";
    public static final String PASSWORD = "chimera.test.postgres-password";

    /** The server of the PostgreSQL pass, or null when the tests run on H2. */
    public static String serverUrl() {
        String url = System.getProperty(URL, "");
        return url.isBlank() ? null : url;
    }

    public static String user() {
        return System.getProperty(USER, "chimera");
    }

    public static String password() {
        return System.getProperty(PASSWORD, "chimera");
    }

    /** Creates an empty schema and returns a JDBC URL whose connections work in it. */
    public static String freshSchemaUrl() {
        String server = serverUrl();
        if (server == null) {
            throw new IllegalStateException("no PostgreSQL server: set -D" + URL);
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on " + server + ": " + e.getMessage(), e);
        }
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (serverUrl() == null || !url.startsWith("jdbc:h2:")) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
                "spring.datasource.url", freshSchemaUrl(),
                "spring.datasource.username", user(),
                "spring.datasource.password", password(),
                // up to 32 cached test contexts share one server: a small pool each
                "spring.datasource.hikari.maximum-pool-size", "6")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config files and the test's own properties are in
    }
}
