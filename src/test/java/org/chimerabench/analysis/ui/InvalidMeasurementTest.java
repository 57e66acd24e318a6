package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.ui.StatCard;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.sweep.SweepLifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 24: a stored sweep whose baseline ran at two placements (50 % of the model on the GPU beside num_gpu=14,
 * 100 % beside num_gpu=28 — what the runner measured before the fix) is not a verdict: INVALID with its reason in the
 * JSON, on the page and in the report — and its numbers are not the headline. A sweep with one baseline placement
 * passes the check; one without placements says it is not checkable.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class InvalidMeasurementTest {

    static final long SIZE = 2_000_000_000L;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SweepLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void mixedBaselinePlacementsMakeTheVerdictInvalidEverywhere() throws Exception {
        long id = sweep("mixed baseline", true, true);

        JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + id + "/analysis")));
        assertThat(analysis.at("/verdict/outcome").asText()).isEqualTo("INVALID");
        String reason = analysis.at("/verdict/validity/problems/0").asText();
        assertThat(reason).contains("the baseline ran at 2 placements").contains("50.0 % on the GPU (beside num_gpu=14)")
                .contains("100 % on the GPU (beside num_gpu=28)");
        assertThat(analysis.at("/verdict/sentence").asText()).startsWith("Measurement invalid: ").contains(reason);

        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps/" + id);
        VerdictBanner banner = _get(VerdictBanner.class);
        assertThat(banner.sentence()).startsWith("Measurement invalid: the baseline ran at 2 placements");
        assertThat(banner.getContent().getClassNames()).contains("verdict-invalid");
        assertThat(_find(VerdictBadges.class)).as("no outcome badges for an invalid measurement").isEmpty();
        assertThat(_find(StatCard.class, spec -> spec.withClasses("kpi-success-rate")))
                .as("no headline numbers").isEmpty();
        assertThat(_get(ValidityNote.class).getElement().getTextRecursively())
                .contains("The figures below are for diagnosis, not a verdict.");

        String report = mvc.perform(get("/api/sweeps/" + id + "/report.md")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report).contains("**Verdict:** Measurement invalid: the baseline ran at 2 placements")
                .contains("**The figures below are not a verdict:** the measurement is invalid because");
    }

    @Test
    void oneBaselinePlacementPassesAndNoPlacementIsNotCheckable() throws Exception {
        long valid = sweep("one baseline", false, true);
        JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + valid + "/analysis")));
        assertThat(analysis.at("/verdict/outcome").asText()).isNotEqualTo("INVALID");
        assertThat(analysis.at("/verdict/validity/checkable").asBoolean()).isTrue();
        assertThat(analysis.at("/verdict/validity/problems")).isEmpty();

        long imported = sweep("no placement", true, false);
        JsonNode unchecked = rest().body(mvc.perform(get("/api/sweeps/" + imported + "/analysis")));
        assertThat(unchecked.at("/verdict/outcome").asText()).isNotEqualTo("INVALID");
        assertThat(unchecked.at("/verdict/validity/checkable").asBoolean()).isFalse();
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps/" + imported);
        assertThat(_get(ValidityNote.class).getElement().getTextRecursively())
                .contains("Placement not recorded — not checkable.");
    }

    /**
     * num_gpu [14, 28], 3 repetitions per arm; the tuned arm at 50 % / 100 % on the GPU (34 / 120 tok/s). The
     * baseline at 100 % (120 tok/s) — or, {@code mixedBaseline}, at 50 % beside num_gpu=14 (34 tok/s, the old bug).
     */
    private long sweep(String name, boolean mixedBaseline, boolean placements) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int gpu : List.of(14, 28)) {
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("num_gpu", gpu);
            options.add(configuration);
        }
        long id = lifecycle.storeImported(new SweepLifecycle.ImportedSweep(name, null, "constructed", null, null,
                Map.of(), 3, Map.of("num_gpu", List.of(14, 28)), options)).getId();
        List<Long> configurations = jdbc.queryForList("SELECT id FROM configuration WHERE sweep_id = ? ORDER BY"
                + " position", Long.class, id);
        List<Object[]> calls = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int c = 0; c < 2; c++) {
                boolean half = c == 0;
                for (int repetition = 1; repetition <= 3; repetition++) {
                    for (String arm : List.of("BASELINE", "CHIMERA")) {
                        jdbc.update("INSERT INTO trial (configuration_id, sweep_id, arm, repetition, warmup, status)"
                                + " VALUES (?, ?, ?, ?, FALSE, 'DONE')", configurations.get(c), id, arm, repetition);
                        long trial = jdbc.queryForObject("SELECT MAX(id) FROM trial", Long.class);
                        boolean onHalf = arm.equals("CHIMERA") ? half : half && mixedBaseline;
                        double tok = (onHalf ? 34 : 120) + repetition * 0.1 + (arm.equals("CHIMERA") ? 0.05 : 0);
                        calls.add(new Object[] {trial, id, tok, 200.0 + repetition, placements ? SIZE : null,
                                placements ? (onHalf ? SIZE / 2 : SIZE) : null});
                    }
                }
            }
            jdbc.batchUpdate("INSERT INTO call_record (trial_id, sweep_id, status, decode_tok_per_sec, ttft_ms,"
                    + " size_bytes, size_vram_bytes) VALUES (?, ?, 'OK', ?, ?, ?, ?)", calls);
        });
        return id;
    }

    private RestSweeps rest() {
        return new RestSweeps(mvc, json);
    }
}
