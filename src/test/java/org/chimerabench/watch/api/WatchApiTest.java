package org.chimerabench.watch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chimerabench.base.Role;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.security.UserService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/watches} and {@code GET /api/endpoints/{id}/events}: each wrong field of a new watch is named and
 * nothing is stored; viewers cannot create, check, calibrate or stop a watch; an operator stops only their own (an
 * admin anyone's); unknown ids are JSON 404s; an endpoint's events list what an admin changed. The users sign in for
 * real (HTTP Basic against the database); the watched sweep runs on a simulator of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchApiTest {

    static final String BOX_NAME = "watch-api-box";
    static final String EVENTS_NAME = "watch-api-events";
    static final String MODEL = "llama3.2-sim:3b";
    static final String PASSWORD = "a-long-enough-password";
    static final String OWNER = "watch-api-owner";
    static final String OTHER = "watch-api-other";
    static final String READER = "watch-api-viewer";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A simulator of its own, fast: the reference sweep takes a second or two. */
    final OllamaSimulator box = OllamaSimulator.start(0, 23, 0.005);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepStarter starter;

    long sweepId;
    long configurationId;
    long eventsEndpointId;

    @BeforeAll
    void usersEndpointAndAFinishedSweep() {
        SignedIn.asAdmin(context, () -> {
            for (Map.Entry<String, Role> user : Map.of(OWNER, Role.OPERATOR, OTHER, Role.OPERATOR, READER,
                    Role.VIEWER).entrySet()) {
                if (users.find(user.getKey()).isEmpty()) {
                    users.create(user.getKey(), PASSWORD, user.getValue());
                }
            }
            if (endpoints.findByName(BOX_NAME).isEmpty()) {
                endpoints.add(BOX_NAME, box.baseUrl(), null);
            }
            // nothing listens there: its only events are the settings an admin records
            eventsEndpointId = endpoints.findByName(EVENTS_NAME).orElseGet(() -> endpoints.add(EVENTS_NAME,
                    "http://127.0.0.1:9", null)).id();
            sweepId = sweeps.create(new SweepDefinition("watch-api reference", null, List.of(BOX_NAME), MODEL,
                    new SweepDefinition.Workload("SINGLE_PROMPT", "Explain GPU offloading.", null),
                    Map.of("temperature", List.of(0.7)), null, null, 3, 0, false, null, null, true, 16, null, true));
            starter.start(sweepId);
            return null;
        });
        SweepStatus ended = await("the reference sweep").atMost(Duration.ofSeconds(120)).pollInSameThread()
                .pollInterval(Duration.ofMillis(200)).until(() -> SignedIn.asAdmin(context,
                        () -> sweeps.find(sweepId).orElseThrow().status()), s -> SweepStatus.ends().contains(s));
        assertThat(ended).isEqualTo(SweepStatus.FINISHED);
        configurationId = SignedIn.asAdmin(context, () -> sweeps.configurationOptions(sweepId).keySet().iterator()
                .next());
    }

    @AfterAll
    void stopBox() {
        box.close();
    }

    static RequestPostProcessor as(String name) {
        return name.equals(TestUsers.ADMIN) ? httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                : httpBasic(name, PASSWORD);
    }

    String valid() {
        return "{\"sweepId\":" + sweepId + ",\"configurationId\":" + configurationId
                + ",\"cron\":\"0 3 * * *\",\"repetitions\":3,\"marginPct\":5}";
    }

    long create(String owner) throws Exception {
        return body(mvc.perform(post("/api/watches").with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                .content(valid())).andExpect(status().isCreated())).get("id").asLong();
    }

    @Test
    void anOperatorWatchesAFinishedConfiguration() throws Exception {
        int before = count();
        ResultActions created = mvc.perform(post("/api/watches").with(as(OWNER))
                .contentType(MediaType.APPLICATION_JSON).content(valid())).andExpect(status().isCreated());
        long id = body(created).get("id").asLong();
        assertThat(created.andReturn().getResponse().getHeader("Location")).isEqualTo("/api/watches/" + id);
        assertThat(count()).isEqualTo(before + 1);
        JsonNode watch = body(mvc.perform(get("/api/watches/" + id).with(as(READER))).andExpect(status().isOk()));
        assertThat(watch.get("endpoint").asText()).isEqualTo(BOX_NAME);
        assertThat(watch.get("model").asText()).isEqualTo(MODEL);
        assertThat(watch.get("sourceSweepId").asLong()).isEqualTo(sweepId);
        assertThat(watch.get("createdBy").asText()).isEqualTo(OWNER);
        assertThat(watch.get("checks")).as("no check yet").isEmpty();
        JsonNode listed = find(id);
        assertThat(listed.get("createdBy").asText()).isEqualTo(OWNER);
        assertThat(listed.get("cron").asText()).isEqualTo("0 3 * * *");
        mvc.perform(delete("/api/watches/" + id).with(as(OWNER))).andExpect(status().isNoContent());
    }

    Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no sweepId", "sweepId", "{\"configurationId\":$C,\"cron\":\"0 3 * * *\"}"),
                Arguments.of("an empty object", "sweepId", "{}"),
                Arguments.of("an unknown sweep", "sweepId", "{\"sweepId\":987654,\"configurationId\":$C}"),
                Arguments.of("no configurationId", "configurationId", "{\"sweepId\":$S}"),
                Arguments.of("another sweep's configuration", "configurationId",
                        "{\"sweepId\":$S,\"configurationId\":987654}"),
                Arguments.of("a cron in words", "cron", "{\"sweepId\":$S,\"configurationId\":$C,\"cron\":\"every day\"}"),
                Arguments.of("a blank cron", "cron", "{\"sweepId\":$S,\"configurationId\":$C,\"cron\":\" \"}"),
                Arguments.of("a minute of 61", "cron", "{\"sweepId\":$S,\"configurationId\":$C,\"cron\":\"61 3 * * *\"}"),
                Arguments.of("the 30th of February", "cron",
                        "{\"sweepId\":$S,\"configurationId\":$C,\"cron\":\"0 0 30 2 *\"}"),
                Arguments.of("every second", "cron", "{\"sweepId\":$S,\"configurationId\":$C,\"cron\":\"* * * * * *\"}"),
                Arguments.of("repetitions 1", "repetitions", "{\"sweepId\":$S,\"configurationId\":$C,\"repetitions\":1}"),
                Arguments.of("repetitions 51", "repetitions",
                        "{\"sweepId\":$S,\"configurationId\":$C,\"repetitions\":51}"),
                Arguments.of("a margin of 0", "marginPct", "{\"sweepId\":$S,\"configurationId\":$C,\"marginPct\":0}"),
                Arguments.of("a tuningId and a sweepId", "tuningId",
                        "{\"tuningId\":1,\"sweepId\":$S,\"configurationId\":$C}"),
                Arguments.of("an unknown tuning", "tuningId", "{\"tuningId\":987654}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void eachWrongFieldIsNamedAndNothingIsStored(String what, String field, String request) throws Exception {
        int before = count();
        JsonNode error = body(mvc.perform(post("/api/watches").with(as(OWNER)).contentType(MediaType.APPLICATION_JSON)
                .content(request.replace("$S", Long.toString(sweepId)).replace("$C", Long.toString(configurationId))))
                .andExpect(status().isBadRequest()));
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.path("fields").has(field)).as(what + ": " + error).isTrue();
        assertThat(error.get("fields").get(field).asText()).isNotBlank();
        assertThat(count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAWatchIsRefusedAndNothingIsStored() throws Exception {
        int before = count();
        mvc.perform(post("/api/watches").with(as(OWNER)).contentType(MediaType.APPLICATION_JSON).content("{\"sweep"))
                .andExpect(status().isBadRequest());
        JsonNode unknown = body(mvc.perform(post("/api/watches").with(as(OWNER))
                .contentType(MediaType.APPLICATION_JSON).content(valid().replace("}", ",\"surprise\":1}")))
                .andExpect(status().isBadRequest()));
        assertThat(unknown.get("message").asText()).contains("surprise");
        mvc.perform(post("/api/watches").with(as(OWNER)).contentType(MediaType.APPLICATION_JSON)
                .content(valid().replace("\"repetitions\":3", "\"repetitions\":\"three\""))).andExpect(status()
                .isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aViewerCannotCreateCheckCalibrateOrStopAWatch() throws Exception {
        long id = create(OWNER);
        try {
            int before = count();
            RequestPostProcessor viewer = as(READER);
            mvc.perform(get("/api/watches").with(viewer)).andExpect(status().isOk());
            JsonNode refused = body(mvc.perform(post("/api/watches").with(viewer)
                    .contentType(MediaType.APPLICATION_JSON).content(valid())).andExpect(status().isForbidden()));
            assertThat(refused.get("status").asInt()).isEqualTo(403);
            mvc.perform(delete("/api/watches/" + id).with(viewer)).andExpect(status().isForbidden());
            mvc.perform(post("/api/watches/" + id + "/check").with(viewer)).andExpect(status().isForbidden());
            mvc.perform(post("/api/watches/" + id + "/calibrate").with(viewer)).andExpect(status().isForbidden());
            mvc.perform(post("/api/watches").with(anonymous()).contentType(MediaType.APPLICATION_JSON)
                    .content(valid())).andExpect(status().isUnauthorized());
            mvc.perform(delete("/api/watches/" + id).with(anonymous())).andExpect(status().isUnauthorized());

            assertThat(count()).as("nothing created or removed").isEqualTo(before);
            JsonNode watch = body(mvc.perform(get("/api/watches/" + id).with(viewer)).andExpect(status().isOk()));
            assertThat(watch.get("checks")).as("no check or calibration was started").isEmpty();
            assertThat(find(id).get("checking").asBoolean()).as("no check running").isFalse();
        } finally {
            mvc.perform(delete("/api/watches/" + id).with(as(OWNER)));
        }
    }

    @Test
    void onlyTheOwnerOrAnAdminStopsAWatch() throws Exception {
        long owners = create(OWNER);
        long forTheAdmin = create(OWNER);
        int before = count();

        JsonNode refused = body(mvc.perform(delete("/api/watches/" + owners).with(as(OTHER)))
                .andExpect(status().isForbidden()));
        assertThat(refused.get("message").asText()).contains(OWNER);
        assertThat(count()).as("another operator removed nothing").isEqualTo(before);
        mvc.perform(get("/api/watches/" + owners).with(as(OTHER))).andExpect(status().isOk());

        mvc.perform(delete("/api/watches/" + owners).with(as(OWNER))).andExpect(status().isNoContent());
        mvc.perform(get("/api/watches/" + owners).with(as(OWNER))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/watches/" + forTheAdmin).with(as(TestUsers.ADMIN))).andExpect(status().isNoContent());
        mvc.perform(get("/api/watches/" + forTheAdmin).with(as(OWNER))).andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(before - 2);
        mvc.perform(delete("/api/watches/" + owners).with(as(OWNER))).andExpect(status().isNotFound()); // gone
    }

    @Test
    void anUnknownWatchIsAJsonNotFound() throws Exception {
        for (ResultActions result : List.of(
                mvc.perform(get("/api/watches/987654").with(as(READER))),
                mvc.perform(delete("/api/watches/987654").with(as(OWNER))),
                mvc.perform(post("/api/watches/987654/check").with(as(OWNER))),
                mvc.perform(post("/api/watches/987654/calibrate").with(as(OWNER))))) {
            result.andExpect(status().isNotFound());
            assertThat(result.andReturn().getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
            JsonNode error = body(result);
            assertThat(error.get("status").asInt()).isEqualTo(404);
            assertThat(error.get("message").asText()).contains("987654");
        }
        mvc.perform(get("/api/watches/not-a-number").with(as(READER))).andExpect(status().isBadRequest());
    }

    @Test
    void anEndpointsEventsListTheSettingsAnAdminRecorded() throws Exception {
        SignedIn.asAdmin(context, () -> endpoints.setServerSettings(eventsEndpointId, "OLLAMA_NUM_PARALLEL=2"));
        SignedIn.asAdmin(context, () -> endpoints.setServerSettings(eventsEndpointId,
                "OLLAMA_NUM_PARALLEL=3\nOLLAMA_FLASH_ATTENTION=1"));
        SignedIn.asAdmin(context, () -> endpoints.setServerSettings(eventsEndpointId,
                "OLLAMA_NUM_PARALLEL=3\nOLLAMA_FLASH_ATTENTION=1")); // no change: no event

        JsonNode events = body(mvc.perform(get("/api/endpoints/" + eventsEndpointId + "/events").with(as(READER)))
                .andExpect(status().isOk()));
        List<JsonNode> settings = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("kind").asText().equals("SETTINGS")) {
                settings.add(e);
            }
        });
        assertThat(settings).as("two changes, newest first: " + events).hasSizeGreaterThanOrEqualTo(2);
        JsonNode newest = settings.get(0);
        JsonNode earlier = settings.get(1);
        assertThat(newest.get("endpointId").asLong()).isEqualTo(eventsEndpointId);
        assertThat(newest.get("after").asText()).contains("OLLAMA_NUM_PARALLEL=3").contains("OLLAMA_FLASH_ATTENTION=1");
        assertThat(newest.get("before").asText()).isEqualTo("OLLAMA_NUM_PARALLEL=2");
        assertThat(newest.get("description").asText()).startsWith("server settings")
                .contains("OLLAMA_NUM_PARALLEL=2 → ").contains("OLLAMA_NUM_PARALLEL=3");
        assertThat(newest.get("id").asLong()).isGreaterThan(earlier.get("id").asLong());
        assertThat(earlier.get("after").asText()).isEqualTo("OLLAMA_NUM_PARALLEL=2");
        assertThat(earlier.get("description").asText()).startsWith("server settings")
                .contains("OLLAMA_NUM_PARALLEL=2");
        assertThat(newest.get("at").asText()).isNotBlank();

        JsonNode one = body(mvc.perform(get("/api/endpoints/" + eventsEndpointId + "/events?limit=1")
                .with(as(READER))).andExpect(status().isOk()));
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("id").asLong()).as("the newest").isEqualTo(events.get(0).get("id").asLong());
    }

    @Test
    void eventsOfAnUnknownEndpointAre404AndALimitOutOfRangeIs400() throws Exception {
        ResultActions unknown = mvc.perform(get("/api/endpoints/987654/events").with(as(READER)))
                .andExpect(status().isNotFound());
        assertThat(body(unknown).get("message").asText()).contains("987654");
        for (String limit : List.of("0", "-1", "1001")) {
            JsonNode error = body(mvc.perform(get("/api/endpoints/" + eventsEndpointId + "/events?limit=" + limit)
                    .with(as(READER))).andExpect(status().isBadRequest()));
            assertThat(error.get("message").asText()).as("limit=" + limit).contains("limit");
        }
        mvc.perform(get("/api/endpoints/" + eventsEndpointId + "/events?limit=many").with(as(READER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/endpoints/" + eventsEndpointId + "/events").with(anonymous()))
                .andExpect(status().isUnauthorized());
    }

    private int count() throws Exception {
        return body(mvc.perform(get("/api/watches").with(as(READER))).andExpect(status().isOk())).size();
    }

    private JsonNode find(long id) throws Exception {
        for (JsonNode watch : body(mvc.perform(get("/api/watches").with(as(READER))))) {
            if (watch.get("id").asLong() == id) {
                return watch;
            }
        }
        throw new AssertionError("watch " + id + " is not listed");
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
