package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * DELETE /api/sweeps/{id}: the sweep, its configurations, trials and calls go, nothing else does; an operator
 * deletes their own, an admin any; never while it runs. Own database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SweepDeletionTest {

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
    void ownersAndAdminsDeleteAndOnlyTheSweepGoes() throws Exception {
        SignedIn.asAdmin(context, () -> {
            users.create("dana", PASSWORD, Role.OPERATOR);
            return users.create("dave", PASSWORD, Role.OPERATOR);
        });
        long danas = SignedIn.asOperator(context, "dana", () -> SeedSweeps.importFiles(context, null,
                Map.of("summary.csv", SeedFiles.read(SeedFiles.summaryCsv())))).get(0);
        long daves = SignedIn.asOperator(context, "dave", () -> SeedSweeps.importFiles(context, "dave's",
                Map.of("a.json", SeedFiles.read(SeedFiles.rustMetrics().get(0))))).get(0);
        Map<String, Long> davesRows = rows(daves);
        long endpoints = count("SELECT COUNT(*) FROM endpoint");
        long usersBefore = count("SELECT COUNT(*) FROM app_user");

        assertThat(status(delete("/api/sweeps/" + daves).with(httpBasic("dana", PASSWORD)))).as("not dana's")
                .isEqualTo(403);
        assertThat(rows(daves)).isEqualTo(davesRows);

        assertThat(jdbc.queryForObject("SELECT created_by FROM sweep WHERE id = " + danas, String.class))
                .isEqualTo("dana");
        assertThat(rows(danas).get("calls")).isPositive();
        assertThat(status(delete("/api/sweeps/" + danas).with(httpBasic("dana", PASSWORD)))).isEqualTo(204);
        assertThat(rows(danas)).as("the sweep and all of its rows").containsOnly(
                Map.entry("sweep", 0L), Map.entry("configurations", 0L), Map.entry("trials", 0L), Map.entry("calls", 0L));
        assertThat(rows(daves)).as("another sweep keeps everything").isEqualTo(davesRows);
        assertThat(count("SELECT COUNT(*) FROM endpoint")).isEqualTo(endpoints);
        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(usersBefore);
        assertThat(status(delete("/api/sweeps/" + danas).with(httpBasic("dana", PASSWORD)))).as("gone").isEqualTo(404);

        assertThat(status(delete("/api/sweeps/" + daves).with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))))
                .as("an admin deletes anyone's").isEqualTo(204);
        assertThat(rows(daves).get("sweep")).isZero();
    }

    @Test
    void aRunningSweepIsNotDeleted() throws Exception {
        long running = SignedIn.asAdmin(context, () -> context.getBean(SweepService.class).create(new SweepDefinition(
                "long", null, List.of("Built-in simulator"), "llama3.2-sim:3b",
                new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null), Map.<String, Object>of("temperature",
                List.of(0.5)), null, null, 200, null, null, null, null, null, 64, null, null)));
        assertThat(status(post("/api/sweeps/" + running + "/start").with(httpBasic(TestUsers.ADMIN,
                TestUsers.ADMIN_PASSWORD)))).isEqualTo(202);
        var answer = mvc.perform(delete("/api/sweeps/" + running).with(httpBasic(TestUsers.ADMIN,
                TestUsers.ADMIN_PASSWORD))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getContentAsString()).contains("cancel it before deleting it");
        assertThat(rows(running).get("sweep")).isEqualTo(1);
        assertThat(status(post("/api/sweeps/" + running + "/cancel").with(httpBasic(TestUsers.ADMIN,
                TestUsers.ADMIN_PASSWORD)))).isEqualTo(202);
    }

    private Map<String, Long> rows(long sweep) {
        return Map.of("sweep", count("SELECT COUNT(*) FROM sweep WHERE id = " + sweep),
                "configurations", count("SELECT COUNT(*) FROM configuration WHERE sweep_id = " + sweep),
                "trials", count("SELECT COUNT(*) FROM trial WHERE sweep_id = " + sweep),
                "calls", count("SELECT COUNT(*) FROM call_record WHERE sweep_id = " + sweep));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
