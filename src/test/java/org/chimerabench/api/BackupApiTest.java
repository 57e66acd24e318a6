package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chimerabench.exchange.ExampleService;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.support.PostgresTestDatabase;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * {@code POST /api/admin/backup}: administrators only (anonymous 401, viewers and operators 403, and no file is
 * written); an admin gets a zip of the H2 database beside it that, unzipped, opens with every sweep in it. In the
 * PostgreSQL pass the answer is 409 naming pg_dump.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class BackupApiTest {

    static final String PASSWORD = "a-long-test-password";
    static Path folder;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ExampleService example;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void aFileDatabase(DynamicPropertyRegistry registry) throws Exception {
        folder = Files.createTempDirectory("chimera-backup");
        if (PostgresTestDatabase.serverUrl() != null) { // the PostgreSQL pass: its own schema, as every context
            String url = PostgresTestDatabase.freshSchemaUrl();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", PostgresTestDatabase::user);
            registry.add("spring.datasource.password", PostgresTestDatabase::password);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + folder.resolve("data/chimera-bench"));
        }
    }

    @Test
    void onlyAdminsBackUpAndTheBackupOpensWithEverySweep() throws Exception {
        SignedIn.asAdmin(context, () -> {
            users.create("viewer", PASSWORD, Role.VIEWER);
            users.create("operator", PASSWORD, Role.OPERATOR);
            return example.loadChimeraforge();
        });
        Path backups = folder.resolve("data/backups");
        assertThat(status(mvc.perform(post("/api/admin/backup")).andReturn())).as("anonymous").isEqualTo(401);
        for (String user : List.of("viewer", "operator")) {
            assertThat(status(mvc.perform(post("/api/admin/backup").with(httpBasic(user, PASSWORD))).andReturn()))
                    .as(user).isEqualTo(403);
        }
        assertThat(Files.exists(backups)).as("nothing written for those refused").isFalse();

        MvcResult made = mvc.perform(post("/api/admin/backup")
                .with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))).andReturn();
        JsonNode answer = new ObjectMapper().readTree(made.getResponse().getContentAsString());
        if (PostgresTestDatabase.serverUrl() != null) {
            assertThat(status(made)).isEqualTo(409);
            assertThat(answer.get("message").asText()).contains("pg_dump");
            return;
        }
        assertThat(status(made)).isEqualTo(201);
        Path zip = Path.of(answer.get("file").asText());
        assertThat(zip.getParent()).isEqualTo(backups);
        assertThat(answer.get("bytes").asLong()).isEqualTo(Files.size(zip)).isPositive();

        Path restored = Files.createTempDirectory("chimera-restored");
        unzip(zip, restored);
        try (Stream<Path> files = Files.list(restored)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("chimera-bench.mv.db");
        }
        long sweeps = jdbc.queryForObject("SELECT COUNT(*) FROM sweep", Long.class);
        try (Connection copy = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("chimera-bench"),
                "sa", ""); ResultSet count = copy.createStatement().executeQuery("SELECT COUNT(*) FROM sweep")) {
            count.next();
            assertThat(count.getLong(1)).as("the copy has every sweep").isEqualTo(sweeps).isEqualTo(2);
        }
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Files.copy(entries, into.resolve(Path.of(entry.getName()).getFileName()));
            }
        }
    }
}
