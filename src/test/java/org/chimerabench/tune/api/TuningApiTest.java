package org.chimerabench.tune.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.List;
import org.chimerabench.base.Role;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.security.UserService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.SignedIn;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code POST /api/tunings}: each wrong field is named with its rule and nothing is stored; viewers and anonymous
 * callers are refused and nothing changes; only the owner or an admin cancels a tuning.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TuningApiTest {

    /** An endpoint of its own: the tunings started here never move the built-in simulator under other tests. */
    static final OllamaSimulator BOX = OllamaSimulator.start(0, 11, 0.02);

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VALID = """
            {"endpoint":"tuning-api-box","model":"llama3.2-sim:3b","objective":"THROUGHPUT",
             "budget":{"calls":300},"constraints":{"minContext":2048}}""";
    static final RequestPostProcessor OPERATOR = user("tuner").roles("OPERATOR", "VIEWER");
    static final RequestPostProcessor OTHER_OPERATOR = user("someone-else").roles("OPERATOR", "VIEWER");
    static final RequestPostProcessor VIEWER = user("reader").roles("VIEWER");
    static final RequestPostProcessor ADMIN = user("boss").roles("ADMIN", "OPERATOR", "VIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    EndpointService endpoints;
    @Autowired
    ApplicationContext context;

    @Autowired
    UserService users;

    @BeforeEach
    void register() {
        if (endpoints.findByName("tuning-api-box").isEmpty()) {
            SignedIn.asAdmin(context, () -> endpoints.add("tuning-api-box", BOX.baseUrl(), null));
        }
        // a tuning runs as its owner, who must exist: the mock users of these requests are made real
        for (String name : List.of("tuner", "someone-else", "leaver")) {
            if (users.find(name).isEmpty()) {
                SignedIn.asAdmin(context, () -> users.create(name, "a-long-enough-password", Role.OPERATOR));
            }
        }
    }

    @Test
    void aBudgetInMinutesIsSpentAtThePaceSoFarWithAnEta() throws Exception {
        long id = body(mvc.perform(post("/api/tunings").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("{\"calls\":300}", "{\"minutes\":5}"))).andExpect(status().isCreated()))
                .get("id").asLong();
        try {
            JsonNode running = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .pollInSameThread().pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> body(mvc.perform(get("/api/tunings/" + id).with(OPERATOR))),
                            t -> !List.of("QUEUED", "RUNNING").contains(t.get("status").asText())
                                    || t.get("callsUsed").asLong() > 0 && t.get("status").asText().equals("RUNNING"));
            assertThat(running.get("request").get("budget").get("minutes").asInt()).isEqualTo(5);
            if (running.get("status").asText().equals("RUNNING")) {
                assertThat(running.get("callsLeft").asLong()).as("five minutes at this pace").isPositive();
                assertThat(running.get("etaSeconds").asLong()).as("at most the minutes left").isBetween(0L, 300L);
            } else {
                assertThat(running.get("status").asText()).isEqualTo("FINISHED");
            }
        } finally {
            mvc.perform(post("/api/tunings/" + id + "/cancel").with(OPERATOR));
        }
    }

    @Test
    void aTuningStopsWhenItsOwnerIsDisabled() throws Exception {
        long id = body(mvc.perform(post("/api/tunings").with(user("leaver").roles("OPERATOR", "VIEWER"))
                .contentType(MediaType.APPLICATION_JSON).content(VALID)).andExpect(status().isCreated()))
                .get("id").asLong();
        long leaver = users.find("leaver").orElseThrow().id();
        SignedIn.asAdmin(context, () -> users.update(leaver, null, false, null));
        try {
            JsonNode stopped = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .pollInSameThread().until(() -> body(mvc.perform(get("/api/tunings/" + id).with(ADMIN))),
                            t -> !List.of("QUEUED", "RUNNING").contains(t.get("status").asText()));
            assertThat(stopped.get("status").asText()).isEqualTo("FAILED");
            assertThat(stopped.get("message").asText()).contains("leaver is no longer an enabled operator");
        } finally {
            SignedIn.asAdmin(context, () -> users.update(leaver, null, true, null));
        }
    }

    @AfterAll
    static void stopBox() {
        BOX.close();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no endpoint", "endpoint", (Consumer<ObjectNode>) d -> d.remove("endpoint")),
                Arguments.of("an unknown endpoint", "endpoint", (Consumer<ObjectNode>) d -> d.put("endpoint", "nope")),
                Arguments.of("no model", "model", (Consumer<ObjectNode>) d -> d.put("model", " ")),
                Arguments.of("a model the endpoint lacks", "model",
                        (Consumer<ObjectNode>) d -> d.put("model", "mistral:7b")),
                Arguments.of("an unknown objective", "objective",
                        (Consumer<ObjectNode>) d -> d.put("objective", "FASTEST")),
                Arguments.of("an enum constant instead of the pinned name", "objective",
                        (Consumer<ObjectNode>) d -> d.put("objective", "FIRST_TOKEN")),
                Arguments.of("GOODPUT without an SLO", "slo",
                        (Consumer<ObjectNode>) d -> d.put("objective", "GOODPUT")),
                Arguments.of("an SLO without GOODPUT", "slo",
                        (Consumer<ObjectNode>) d -> d.putObject("slo").put("ttftP95Ms", 500)),
                Arguments.of("no budget", "budget", (Consumer<ObjectNode>) d -> d.remove("budget")),
                Arguments.of("calls and minutes", "budget",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("budget")).put("minutes", 5)),
                Arguments.of("too few calls", "budget",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("budget")).put("calls", 49)),
                Arguments.of("zero minutes", "budget",
                        (Consumer<ObjectNode>) d -> d.putObject("budget").put("minutes", 0)),
                Arguments.of("a tiny minimum context", "constraints.minContext",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("constraints")).put("minContext", 16)),
                Arguments.of("a VRAM share above 100 %", "constraints.maxVramPct",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("constraints")).put("maxVramPct", 120)),
                Arguments.of("a VRAM share of 0", "constraints.maxVramPct",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("constraints")).put("maxVramPct", 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void eachWrongFieldIsNamedAndNothingIsStored(String what, String field, Consumer<ObjectNode> change)
            throws Exception {
        int before = count();
        ObjectNode request = (ObjectNode) JSON.readTree(VALID);
        change.accept(request);
        JsonNode error = body(mvc.perform(post("/api/tunings").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(request.toString())).andExpect(status().isBadRequest()));
        assertThat(error.get("fields").has(field)).as(what + ": " + error).isTrue();
        assertThat(error.get("fields").get(field).asText()).isNotBlank();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAndNothingIsStored() throws Exception {
        int before = count();
        mvc.perform(post("/api/tunings").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{\"endp"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/tunings").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endpoint\":\"tuning-api-box\",\"surprise\":1}")).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void viewersAndAnonymousCallersCannotStartOrCancelOne() throws Exception {
        int before = count();
        mvc.perform(post("/api/tunings").with(VIEWER).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tunings").with(anonymous()).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tunings").with(anonymous())).andExpect(status().isUnauthorized());
        assertThat(count()).isEqualTo(before);

        long id = body(mvc.perform(post("/api/tunings").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(VALID)).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/tunings/" + id + "/cancel").with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(post("/api/tunings/" + id + "/cancel").with(OTHER_OPERATOR)).andExpect(status().isForbidden());
        JsonNode still = body(mvc.perform(get("/api/tunings/" + id).with(VIEWER)).andExpect(status().isOk()));
        assertThat(still.get("status").asText()).as("refused callers changed nothing").isIn("QUEUED", "RUNNING",
                "FINISHED");
        assertThat(still.get("createdBy").asText()).isEqualTo("tuner");
        if (!still.get("status").asText().equals("FINISHED")) {
            mvc.perform(post("/api/tunings/" + id + "/cancel").with(ADMIN)).andExpect(status().isAccepted());
            assertThat(body(mvc.perform(get("/api/tunings/" + id).with(OPERATOR))).get("status").asText())
                    .isEqualTo("CANCELLED");
            mvc.perform(post("/api/tunings/" + id + "/cancel").with(ADMIN)).andExpect(status().isConflict());
        }
        mvc.perform(get("/api/tunings/999999").with(VIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void theAnswerUsesThePinnedNames() throws Exception {
        long id = body(mvc.perform(post("/api/tunings").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("THROUGHPUT", "TTFT"))).andExpect(status().isCreated())).get("id").asLong();
        JsonNode tuning = body(mvc.perform(get("/api/tunings/" + id).with(OPERATOR)));
        assertThat(tuning.get("objective").asText()).isEqualTo("TTFT");
        assertThat(tuning.has("stages")).isTrue();
        assertThat(tuning.has("callsUsed")).isTrue();
        assertThat(tuning.get("request").get("budget").get("calls").asInt()).isEqualTo(300);
        int cancelled = mvc.perform(post("/api/tunings/" + id + "/cancel").with(OPERATOR)).andReturn().getResponse()
                .getStatus();
        assertThat(cancelled).as("accepted, or conflict when it had already finished").isIn(202, 409);
    }

    private int count() throws Exception {
        return body(mvc.perform(get("/api/tunings").with(ADMIN))).size();
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
