package org.chimerabench.base.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.chimerabench.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Databases written by earlier versions, rebuilt for an upgrade test on H2 or, in the PostgreSQL pass, on a
 * PostgreSQL schema: the schema of that version (its own migration files, kept as test resources, or today's files
 * up to a target version), then its data through that schema's SQL ({@code upgrade/ba86f87/data.sql}: the data of a
 * database the version at ba86f87 wrote — the seed CSV, the published example and a simulator sweep).
 */
final class UpgradeFixture {

    static final String BA86F87 = "upgrade/ba86f87/";
    /** The tables whose ids are generated, in the order their rows are inserted. */
    private static final List<String> IDENTITY_TABLES = List.of("endpoint", "sweep", "sweep_axis", "configuration",
            "trial", "call_record", "app_user", "share_link");

    /** A user and a share link the earlier version stored (schema V8), for logins and links after the upgrade. */
    static final String USER = "early-viewer";
    static final String USER_PASSWORD = "a password from last week";
    static final String ADMIN = "early-admin";
    static final String SHARE_TOKEN = "q3Vg0mJ8xT2bLw9eRk5ZsA";

    private final String url;
    private final String username;
    private final String password;
    private final boolean postgres;

    private UpgradeFixture(String url, String username, String password, boolean postgres) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = postgres;
    }

    /** An empty database: an H2 file in a new folder, or in the PostgreSQL pass a new schema. */
    static UpgradeFixture empty() throws IOException {
        if (PostgresTestDatabase.serverUrl() != null) {
            return new UpgradeFixture(PostgresTestDatabase.freshSchemaUrl(), PostgresTestDatabase.user(),
                    PostgresTestDatabase.password(), true);
        }
        Path folder = Files.createTempDirectory("chimera-upgrade");
        return new UpgradeFixture("jdbc:h2:file:" + folder.resolve("chimera-bench").toAbsolutePath(), "sa", "",
                false);
    }

    /**
     * As the version at ba86f87 left it: its own migration files (on H2 byte for byte; PostgreSQL support came later,
     * so there its first migrations up to the same version 3) and its data.
     */
    UpgradeFixture writtenAtBa86f87() throws Exception {
        migrate(postgres ? todaysMigrations() : new String[] {"classpath:" + BA86F87 + "migration"}, "3");
        loadBa86f87Data();
        return this;
    }

    /**
     * The first public migration set up to share links (V8) with the same data, then a viewer, an admin and a share
     * link to sweep 5 stored through V8's SQL (BCrypt password hashes, the link's SHA-256).
     */
    UpgradeFixture writtenAtV8WithUsersAndAShareLink() throws Exception {
        migrate(todaysMigrations(), "3");
        loadBa86f87Data();
        migrate(todaysMigrations(), "8");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        try (Connection connection = connect()) {
            insertUser(connection, 1, USER, "{bcrypt}" + bcrypt.encode(USER_PASSWORD), "VIEWER");
            insertUser(connection, 2, ADMIN, "{bcrypt}" + bcrypt.encode(USER_PASSWORD), "ADMIN");
            try (PreparedStatement link = connection.prepareStatement("INSERT INTO share_link (id, token_hash,"
                    + " sweep_a, created_by, created_at) VALUES (1, ?, 5, ?, CURRENT_TIMESTAMP)")) {
                link.setString(1, sha256(SHARE_TOKEN));
                link.setString(2, ADMIN);
                link.executeUpdate();
            }
            restartIdentities(connection);
        }
        return this;
    }

    /** This database as the test context's datasource. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> username);
        registry.add("spring.datasource.password", () -> password);
    }

    private void migrate(String[] locations, String target) {
        Flyway.configure().dataSource(url, username, password).locations(locations).target(target).load().migrate();
    }

    private String[] todaysMigrations() {
        return new String[] {"classpath:db/migration/common",
            "classpath:db/migration/" + (postgres ? "postgresql" : "h2")};
    }

    private void loadBa86f87Data() throws SQLException, IOException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             InputStream in = UpgradeFixture.class.getResourceAsStream("/" + BA86F87 + "data.sql")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    statement.execute(line.strip().replaceAll(";$", ""));
                }
            }
            restartIdentities(connection);
        }
    }

    /** Rows inserted with their ids leave the id generators behind: each continues after its table's largest id. */
    private void restartIdentities(Connection connection) throws SQLException {
        for (String table : IDENTITY_TABLES) {
            if (!connection.getMetaData().getTables(null, connection.getSchema(),
                    postgres ? table : table.toUpperCase(), null).next()) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                var max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table);
                max.next();
                long next = max.getLong(1) + 1;
                statement.execute(postgres
                        ? "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)"
                        : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    private static void insertUser(Connection connection, long id, String name, String hash, String role)
            throws SQLException {
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO app_user (id, username, password_hash,"
                + " user_role, enabled, created_at) VALUES (?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP)")) {
            user.setLong(1, id);
            user.setString(2, name);
            user.setString(3, hash);
            user.setString(4, role);
            user.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
