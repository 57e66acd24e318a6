package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.security.ApiTokenService;
import org.chimerabench.base.Role;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.security.UserService;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every state-changing REST path, through the real login (HTTP Basic against the users in the database):
 * anonymous → 401 and a viewer → 403, with every table's row count (and every sweep's margin) unchanged;
 * then the role that may do it succeeds. Own database. ({@code POST /api/admin/backup} needs a database in files:
 * {@code BackupApiTest} shows it the same way on one.)
 */
// its own context: loading the example must answer 201 (created), not 200 (already there from another test)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:authz-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StateChangeAuthorizationTest {

    static final String PASSWORD = "a-long-test-password";
    static final String SWEEP = """
            {"name":"authz","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.5]},"maxTokens":4}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SweepService sweeps;
    @Autowired
    EndpointService endpoints;
    @Autowired
    ShareLinkService shares;

    long draft;
    long operatorsSweep;
    long spareEndpoint;
    long operatorsShare;
    long viewerId;
    long viewerToken;
    long operatorToken;

    @BeforeAll
    void usersAndData() {
        SignedIn.asAdmin(context, () -> {
            viewerId = users.create("viewer", PASSWORD, Role.VIEWER).id();
            users.create("operator", PASSWORD, Role.OPERATOR);
            viewerToken = tokens.create("viewer", "laptop").id();
            spareEndpoint = endpoints.add("spare", "http://127.0.0.1:8", null).id();
            operatorToken = tokens.create("operator", "ci").id();
            draft = sweeps.create(new SweepDefinition("draft", null, List.of("Built-in simulator"),
                    "llama3.2-sim:3b", new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null),
                    Map.<String, Object>of("temperature", List.of(0.5)), null, null, null, null, null, null, null,
                    null, 4, null, null));
            return null;
        });
        operatorsSweep = SignedIn.asOperator(context, "operator", () -> sweeps.create(new SweepDefinition("mine",
                null, List.of("Built-in simulator"), "llama3.2-sim:3b", new SweepDefinition.Workload("SINGLE_PROMPT",
                "hi", null), Map.<String, Object>of("temperature", List.of(0.7)), null, null, null, null, null, null,
                null, null, 4, null, null)));
        operatorsShare = SignedIn.asOperator(context, "operator", () -> shares.create(draft, null, null)).id();
    }

    /** A state-changing request, who may make it, and the answer that role gets. */
    record Case(String name, Supplier<MockHttpServletRequestBuilder> request, String allowed, int success) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> paths() {
        return Stream.of(
                new Case("POST /api/sweeps", () -> post("/api/sweeps").contentType(MediaType.APPLICATION_JSON)
                        .content(SWEEP), "operator", 201),
                new Case("POST /api/sweeps/{id}/start", () -> post("/api/sweeps/" + operatorsSweep + "/start"), "operator",
                        202),
                new Case("POST /api/sweeps/{id}/cancel", () -> post("/api/sweeps/" + operatorsSweep + "/cancel"), "operator",
                        202),
                new Case("PUT /api/sweeps/{id}/equivalence-margin", () -> put("/api/sweeps/" + draft
                        + "/equivalence-margin").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"equivalenceMarginPct\":2.5}"), "operator", 200),
                new Case("POST /api/sweeps/{id}/shares", () -> post("/api/sweeps/" + draft + "/shares"), "operator",
                        201),
                new Case("POST /api/compare/shares", () -> post("/api/compare/shares?a=" + draft + "&b="
                        + operatorsSweep), "operator", 201),
                new Case("DELETE /api/shares/{id}", () -> delete("/api/shares/" + operatorsShare), "operator", 204),
                new Case("DELETE /api/sweeps/{id}", () -> delete("/api/sweeps/" + operatorsSweep), "operator", 204),
                new Case("POST /api/imports", () -> post("/api/imports?filename=s.csv").contentType("text/csv")
                        .content("language,gpu,ctx,temp,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,chimera_ttft_ms\n"
                                + "rust,60,256,0.6,99.0,99.5,900,880\n"), "operator", 201),
                new Case("POST /api/examples/chimeraforge", () -> post("/api/examples/chimeraforge"), "operator", 201),
                new Case("POST /api/endpoints", () -> post("/api/endpoints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"gpu-9\",\"baseUrl\":\"http://127.0.0.1:9\"}"), TestUsers.ADMIN, 201),
                new Case("PUT /api/endpoints/{id}/server-settings", () -> put("/api/endpoints/" + spareEndpoint
                        + "/server-settings").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serverSettings\":\"OLLAMA_NUM_PARALLEL=4\"}"), TestUsers.ADMIN, 200),
                new Case("DELETE /api/endpoints/{id}", () -> delete("/api/endpoints/" + spareEndpoint),
                        TestUsers.ADMIN, 204),
                new Case("POST /api/users", () -> post("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"newbie\",\"password\":\"" + PASSWORD + "\",\"role\":\"VIEWER\"}"),
                        TestUsers.ADMIN, 201),
                new Case("PATCH /api/users/{id}", () -> patch("/api/users/" + viewerId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"OPERATOR\"}"), TestUsers.ADMIN,
                        200),
                new Case("POST /api/tokens", () -> post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"script\"}"), "viewer", 201),
                new Case("DELETE /api/tokens/{id}", () -> delete("/api/tokens/" + viewerToken), "viewer", 204))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @Order(1)
    void anonymousAndViewersAreRefusedAndNothingChanges(Case path) throws Exception {
        Map<String, Long> before = rowCounts();
        assertThat(status(path.request().get())).as("anonymous").isEqualTo(401);
        if (path.allowed().equals("viewer")) { // tokens: a viewer may manage their own; another's is not theirs
            assertThat(status(delete("/api/tokens/" + operatorToken).with(httpBasic("viewer", PASSWORD))))
                    .as("a viewer revoking an operator's token").isEqualTo(404);
        } else {
            assertThat(status(path.request().get().with(httpBasic("viewer", PASSWORD)))).as("viewer").isEqualTo(403);
        }
        if (path.allowed().equals(TestUsers.ADMIN)) {
            assertThat(status(path.request().get().with(httpBasic("operator", PASSWORD)))).as("operator")
                    .isEqualTo(403);
        }
        assertThat(rowCounts()).as("no table changed").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    @Order(2)
    void theRoleThatMaySucceeds(Case path) throws Exception {
        String password = path.allowed().equals(TestUsers.ADMIN) ? TestUsers.ADMIN_PASSWORD : PASSWORD;
        assertThat(status(path.request().get().with(httpBasic(path.allowed(), password)))).as(path.allowed())
                .isEqualTo(path.success());
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        // the tables of the connection's own schema (H2: PUBLIC; the PostgreSQL pass: the test's schema)
        for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE UPPER(TABLE_SCHEMA) = UPPER(CURRENT_SCHEMA) AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
            counts.put(table.toUpperCase(java.util.Locale.ROOT),
                    jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
        }
        // a setting changes no row count: its values are part of what must stay unchanged
        counts.put("sweep.equivalence_margin_pct (sum × 1000)", Math.round(1000 * jdbc.queryForObject(
                "SELECT COALESCE(SUM(equivalence_margin_pct), 0) FROM sweep", Double.class)));
        counts.put("endpoint.server_settings (set)", jdbc.queryForObject(
                "SELECT COUNT(server_settings) FROM endpoint", Long.class));
        assertThat(counts).containsKeys("SWEEP", "CALL_RECORD", "APP_USER", "API_TOKEN", "ENDPOINT");
        return counts;
    }
}
