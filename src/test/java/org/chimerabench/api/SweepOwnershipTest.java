package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.support.SeedSweeps;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Issue 25: an operator acts on the sweeps they created — start, cancel, append files — an admin on any. Operator
 * B on operator A's sweep: 403 naming the owner, and nothing changed. Own database.
 */
// its own context: it counts every audit event, and the shared context's tests add theirs
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:ownership-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
class SweepOwnershipTest {

    static final String PASSWORD = "a-long-test-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;

    @Test
    void anotherOperatorMayNotStartCancelOrAppendToASweep() throws Exception {
        SignedIn.asAdmin(context, () -> {
            users.create("ana", PASSWORD, Role.OPERATOR);
            return users.create("bob", PASSWORD, Role.OPERATOR);
        });
        long draft = SignedIn.asOperator(context, "ana", () -> context.getBean(SweepService.class).create(
                new SweepDefinition("ana's long sweep", null, List.of("Built-in simulator"), "llama3.2-sim:3b",
                        new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null), Map.<String, Object>of(
                        "temperature", List.of(0.5)), null, null, 200, null, null, null, null, null, 64, null,
                        null)));
        long imported = SignedIn.asOperator(context, "ana", () -> SeedSweeps.importFiles(context, null,
                Map.of("summary.csv", SeedFiles.read(SeedFiles.summaryCsv())))).get(0);
        long configurations = count("SELECT COUNT(*) FROM configuration WHERE sweep_id = " + imported);
        long audit = count("SELECT COUNT(*) FROM audit_event");

        MvcResult refused = mvc.perform(post("/api/sweeps/" + draft + "/start").with(httpBasic("bob", PASSWORD)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentAsString()).contains("ana's")
                .contains("only its owner or an admin may start it");
        assertThat(status(draft)).isEqualTo("DRAFT");

        MockMultipartFile file = new MockMultipartFile("file", "more.json", "application/json",
                SeedFiles.read(SeedFiles.rustMetrics().get(0)));
        assertThat(code(multipart("/api/imports").file(file).param("into", String.valueOf(imported))
                .with(httpBasic("bob", PASSWORD)))).as("append to ana's import").isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM configuration WHERE sweep_id = " + imported)).isEqualTo(configurations);

        assertThat(code(post("/api/sweeps/" + draft + "/start").with(httpBasic("ana", PASSWORD)))).isEqualTo(202);
        assertThat(code(post("/api/sweeps/" + draft + "/cancel").with(httpBasic("bob", PASSWORD)))).isEqualTo(403);
        assertThat(status(draft)).isIn("QUEUED", "RUNNING");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'SWEEP_CANCELLED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event")).as("only ana's start was recorded").isEqualTo(audit + 1);

        assertThat(code(post("/api/sweeps/" + draft + "/cancel").with(httpBasic(TestUsers.ADMIN,
                TestUsers.ADMIN_PASSWORD)))).as("an admin cancels anyone's").isEqualTo(202);
        assertThat(status(draft)).isEqualTo("CANCELLED");
    }

    private String status(long sweep) {
        return jdbc.queryForObject("SELECT status FROM sweep WHERE id = " + sweep, String.class);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private int code(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
