package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/hooks} and {@code /api/subscriptions}: only admins add, list and remove webhooks and read their delivery
 * logs, and the secret never comes back; each wrong field is named and nothing is stored; a hook cannot point at a
 * cloud metadata service; every signed-in user reads and replaces their own e-mail subscriptions, no one else's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HookApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "s3cret-of-twenty-chars";
    static final String VALID = """
            {"url":"http://127.0.0.1:9/hook","secret":"%s","events":["REGRESSION"],"chat":false}"""
            .formatted(SECRET);
    static final RequestPostProcessor ADMIN = user("hook-api-admin").roles("ADMIN", "OPERATOR", "VIEWER");
    static final RequestPostProcessor OPERATOR = user("hook-api-operator").roles("OPERATOR", "VIEWER");
    static final RequestPostProcessor VIEWER = user("hook-api-viewer").roles("VIEWER");
    static final String PASSWORD = "a-long-enough-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;

    @BeforeEach
    void realUsers() {
        // the subscription tests also sign in for real (HTTP Basic): a viewer and an operator of the database
        Map.of("hook-sub-viewer", Role.VIEWER, "hook-sub-operator", Role.OPERATOR).forEach((name, role) -> {
            if (users.find(name).isEmpty()) {
                SignedIn.asAdmin(context, () -> users.create(name, PASSWORD, role));
            }
        });
    }

    @Test
    void anAdminAddsAHookAndTheSecretNeverComesBack() throws Exception {
        int before = hookCount();
        ResultActions added = mvc.perform(post("/api/hooks").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(VALID)).andExpect(status().isCreated());
        String raw = added.andReturn().getResponse().getContentAsString();
        JsonNode hook = JSON.readTree(raw);
        assertThat(raw).as("the body never carries the secret").doesNotContain(SECRET);
        assertThat(hook.has("secret")).isFalse();
        assertThat(hook.get("id").asLong()).isPositive();
        assertThat(hook.get("url").asText()).as("masked: a chat service's hook URL is a credential")
                .isEqualTo("http://127.0.0.1:9/…hook");
        assertThat(hook.get("events")).hasSize(1);
        assertThat(hook.get("events").get(0).asText()).isEqualTo("REGRESSION");
        assertThat(hook.get("chat").asBoolean()).isFalse();
        assertThat(hook.get("createdBy").asText()).isEqualTo("hook-api-admin");
        assertThat(added.andReturn().getResponse().getHeader("Location")).isEqualTo("/api/hooks/" + hook.get("id")
                .asLong());

        String list = mvc.perform(get("/api/hooks").with(ADMIN)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).as("nor does the list").doesNotContain(SECRET).doesNotContain("\"secret\"");
        assertThat(hookCount()).isEqualTo(before + 1);

        JsonNode deliveries = body(mvc.perform(get("/api/hooks/" + hook.get("id").asLong() + "/deliveries")
                .with(ADMIN)).andExpect(status().isOk()));
        assertThat(deliveries.isArray()).isTrue();
        assertThat(deliveries).as("nothing sent yet").isEmpty();

        mvc.perform(delete("/api/hooks/" + hook.get("id").asLong()).with(ADMIN)).andExpect(status().isNoContent());
        assertThat(hookCount()).isEqualTo(before);
        mvc.perform(delete("/api/hooks/" + hook.get("id").asLong()).with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/hooks/" + hook.get("id").asLong() + "/deliveries").with(ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void noEventsMeansEveryTeamEventAndAnEmptyBodyIsRefused() throws Exception {
        JsonNode hook = body(mvc.perform(post("/api/hooks").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"http://127.0.0.1:9/all\",\"secret\":\"" + SECRET + "\"}"))
                .andExpect(status().isCreated()));
        List<String> events = new ArrayList<>();
        hook.get("events").forEach(e -> events.add(e.asText()));
        assertThat(events).containsExactlyInAnyOrder("REGRESSION", "CHECK_FAILED");
        mvc.perform(delete("/api/hooks/" + hook.get("id").asLong()).with(ADMIN)).andExpect(status().isNoContent());

        int before = hookCount();
        JsonNode error = body(mvc.perform(post("/api/hooks").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest()));
        assertThat(error.get("fields").has("url")).isTrue();
        assertThat(error.get("fields").has("secret")).isTrue();
        assertThat(hookCount()).isEqualTo(before);
    }

    @Test
    void viewersAndOperatorsAreRefusedEverywhereAndNothingChanges() throws Exception {
        long id = body(mvc.perform(post("/api/hooks").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(VALID)).andExpect(status().isCreated())).get("id").asLong();
        try {
            int before = hookCount();
            for (RequestPostProcessor who : List.of(VIEWER, OPERATOR)) {
                JsonNode refused = body(mvc.perform(post("/api/hooks").with(who)
                        .contentType(MediaType.APPLICATION_JSON).content(VALID)).andExpect(status().isForbidden()));
                assertThat(refused.get("status").asInt()).isEqualTo(403);
                mvc.perform(get("/api/hooks").with(who)).andExpect(status().isForbidden());
                mvc.perform(delete("/api/hooks/" + id).with(who)).andExpect(status().isForbidden());
                mvc.perform(get("/api/hooks/" + id + "/deliveries").with(who)).andExpect(status().isForbidden());
                assertThat(hookCount()).as("nothing added or removed").isEqualTo(before);
            }
            assertThat(ids()).as("the hook is still there").contains(id);
        } finally {
            mvc.perform(delete("/api/hooks/" + id).with(ADMIN));
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("a short secret", "secret", VALID.replace(SECRET, "too-short")),
                Arguments.of("a secret over 200 characters", "secret", VALID.replace(SECRET, "x".repeat(201))),
                Arguments.of("an unknown event", "events", VALID.replace("\"REGRESSION\"", "\"NOPE\"")),
                Arguments.of("a personal event (subscriptions only)", "events",
                        VALID.replace("\"REGRESSION\"", "\"MY_SWEEP_ENDED\"")),
                Arguments.of("a missing url", "url", VALID.replace("\"url\":\"http://127.0.0.1:9/hook\",", "")),
                Arguments.of("a blank url", "url", VALID.replace("http://127.0.0.1:9/hook", " ")),
                Arguments.of("not http", "url", VALID.replace("http://127.0.0.1:9/hook", "ftp://127.0.0.1/hook")),
                Arguments.of("a url with a password", "url",
                        VALID.replace("http://127.0.0.1:9/hook", "http://u:p@127.0.0.1:9/hook")),
                Arguments.of("the AWS metadata address", "url",
                        VALID.replace("http://127.0.0.1:9/hook", "http://169.254.169.254/latest")),
                Arguments.of("Google's metadata name", "url",
                        VALID.replace("http://127.0.0.1:9/hook", "http://metadata.google.internal/x")),
                Arguments.of("the AWS metadata address over IPv6", "url",
                        VALID.replace("http://127.0.0.1:9/hook", "http://[fd00:ec2::254]/latest")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void eachWrongFieldIsNamedAndNothingIsStored(String what, String field, String request) throws Exception {
        int before = hookCount();
        JsonNode error = body(mvc.perform(post("/api/hooks").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(request)).andExpect(status().isBadRequest()));
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("fields").has(field)).as(what + ": " + error).isTrue();
        assertThat(error.get("fields").get(field).asText()).isNotBlank();
        assertThat(error.get("fields").size()).as(what + ": only that field is wrong: " + error).isEqualTo(1);
        assertThat(error.toString()).as("the secret is not echoed").doesNotContain(SECRET);
        assertThat(hookCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://169.254.169.254/latest", "http://metadata.google.internal/x"})
    void aCloudMetadataAddressIsRefusedOnUrl(String url) throws Exception {
        int before = hookCount();
        JsonNode error = body(mvc.perform(post("/api/hooks").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("http://127.0.0.1:9/hook", url))).andExpect(status().isBadRequest()));
        assertThat(error.get("fields").get("url").asText()).containsIgnoringCase("metadata");
        assertThat(hookCount()).isEqualTo(before);
    }

    @Test
    void anyoneSignedInReadsAndReplacesTheirOwnSubscriptions() throws Exception {
        RequestPostProcessor viewer = httpBasic("hook-sub-viewer", PASSWORD);
        mvc.perform(put("/api/subscriptions").with(viewer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":null,\"events\":[]}")).andExpect(status().isOk());
        JsonNode none = body(mvc.perform(get("/api/subscriptions").with(viewer)).andExpect(status().isOk()));
        assertThat(none.get("events")).isEmpty();
        assertThat(none.get("email").isNull()).isTrue();

        JsonNode set = body(mvc.perform(put("/api/subscriptions").with(viewer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"vera@example.com\",\"events\":[\"REGRESSION\",\"MY_SWEEP_ENDED\"]}"))
                .andExpect(status().isOk()));
        assertThat(set.get("email").asText()).isEqualTo("vera@example.com");
        assertThat(texts(set.get("events"))).containsExactlyInAnyOrder("REGRESSION", "MY_SWEEP_ENDED");
        assertThat(set.has("mailConfigured")).isTrue();
        JsonNode read = body(mvc.perform(get("/api/subscriptions").with(viewer)).andExpect(status().isOk()));
        assertThat(read.get("email").asText()).isEqualTo("vera@example.com");
        assertThat(texts(read.get("events"))).containsExactlyInAnyOrder("REGRESSION", "MY_SWEEP_ENDED");

        JsonNode replaced = body(mvc.perform(put("/api/subscriptions").with(viewer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"vera@example.org\",\"events\":[\"CHECK_FAILED\"]}")).andExpect(status().isOk()));
        assertThat(texts(replaced.get("events"))).as("replaced, not added to").containsExactly("CHECK_FAILED");
        read = body(mvc.perform(get("/api/subscriptions").with(viewer)).andExpect(status().isOk()));
        assertThat(read.get("email").asText()).isEqualTo("vera@example.org");
        assertThat(texts(read.get("events"))).containsExactly("CHECK_FAILED");

        JsonNode cleared = body(mvc.perform(put("/api/subscriptions").with(viewer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"events\":[]}")).andExpect(status().isOk()));
        assertThat(cleared.get("events")).as("no events = unsubscribed from all").isEmpty();
        read = body(mvc.perform(get("/api/subscriptions").with(viewer)).andExpect(status().isOk()));
        assertThat(read.get("events")).isEmpty();
    }

    static Stream<Arguments> invalidSubscriptions() {
        return Stream.of(
                Arguments.of("not an e-mail address", "email", "{\"email\":\"not-an-address\",\"events\":[\"REGRESSION\"]}"),
                // a list would fail every team e-mail it joins (one refused recipient, one unsent message)
                Arguments.of("two addresses in one", "email", "{\"email\":\"a,b@example.com\",\"events\":[\"REGRESSION\"]}"),
                Arguments.of("a display name", "email",
                        "{\"email\":\"Eve <eve@example.com>\",\"events\":[\"REGRESSION\"]}"),
                Arguments.of("an address without a domain", "email", "{\"email\":\"ana@localhost\",\"events\":[\"REGRESSION\"]}"),
                Arguments.of("no address but events", "email", "{\"events\":[\"REGRESSION\"]}"),
                Arguments.of("an unknown event", "events", "{\"email\":\"ana@example.com\",\"events\":[\"EVERYTHING\"]}"),
                Arguments.of("a lower-case event", "events", "{\"email\":\"ana@example.com\",\"events\":[\"regression\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubscriptions")
    void aWrongSubscriptionIsRefusedAndTheOldOnesStay(String what, String field, String request) throws Exception {
        RequestPostProcessor operator = httpBasic("hook-sub-operator", PASSWORD);
        mvc.perform(put("/api/subscriptions").with(operator).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"otto@example.com\",\"events\":[\"CHECK_FAILED\",\"MY_TUNING_ENDED\"]}"))
                .andExpect(status().isOk());
        String before = mvc.perform(get("/api/subscriptions").with(operator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        JsonNode error = body(mvc.perform(put("/api/subscriptions").with(operator)
                .contentType(MediaType.APPLICATION_JSON).content(request)).andExpect(status().isBadRequest()));
        assertThat(error.get("fields").has(field)).as(what + ": " + error).isTrue();
        assertThat(error.get("fields").get(field).asText()).isNotBlank();

        String after = mvc.perform(get("/api/subscriptions").with(operator)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(JSON.readTree(after)).as("unchanged").isEqualTo(JSON.readTree(before));
        assertThat(texts(JSON.readTree(after).get("events"))).containsExactlyInAnyOrder("CHECK_FAILED",
                "MY_TUNING_ENDED");
    }

    @Test
    void oneUsersSubscriptionsAreNotAnothers() throws Exception {
        RequestPostProcessor ana = user("hook-sub-ana").roles("VIEWER");
        RequestPostProcessor ben = user("hook-sub-ben").roles("OPERATOR", "VIEWER");
        mvc.perform(put("/api/subscriptions").with(ana).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"ana@example.com\",\"events\":[\"REGRESSION\"]}")).andExpect(status().isOk());
        mvc.perform(put("/api/subscriptions").with(ben).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"ben@example.com\",\"events\":[\"MY_SWEEP_ENDED\",\"CHECK_FAILED\"]}"))
                .andExpect(status().isOk());

        JsonNode anas = body(mvc.perform(get("/api/subscriptions").with(ana)).andExpect(status().isOk()));
        assertThat(anas.get("email").asText()).isEqualTo("ana@example.com");
        assertThat(texts(anas.get("events"))).containsExactly("REGRESSION");
        JsonNode bens = body(mvc.perform(get("/api/subscriptions").with(ben)).andExpect(status().isOk()));
        assertThat(bens.get("email").asText()).isEqualTo("ben@example.com");
        assertThat(texts(bens.get("events"))).containsExactlyInAnyOrder("MY_SWEEP_ENDED", "CHECK_FAILED");

        mvc.perform(put("/api/subscriptions").with(ben).contentType(MediaType.APPLICATION_JSON)
                .content("{\"events\":[]}")).andExpect(status().isOk());
        anas = body(mvc.perform(get("/api/subscriptions").with(ana)).andExpect(status().isOk()));
        assertThat(texts(anas.get("events"))).as("ben unsubscribing leaves ana's").containsExactly("REGRESSION");
        assertThat(anas.get("email").asText()).isEqualTo("ana@example.com");

        JsonNode stranger = body(mvc.perform(get("/api/subscriptions").with(user("hook-sub-nobody").roles("VIEWER")))
                .andExpect(status().isOk()));
        assertThat(stranger.get("events")).as("a user who never subscribed sees nothing of others'").isEmpty();
        assertThat(stranger.get("email").isNull()).isTrue();
    }

    private int hookCount() throws Exception {
        return body(mvc.perform(get("/api/hooks").with(ADMIN)).andExpect(status().isOk())).size();
    }

    private List<Long> ids() throws Exception {
        List<Long> ids = new ArrayList<>();
        body(mvc.perform(get("/api/hooks").with(ADMIN))).forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
