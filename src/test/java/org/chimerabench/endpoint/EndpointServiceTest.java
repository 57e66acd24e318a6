package org.chimerabench.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** Endpoints: the simulator is registered, statuses come from background checks, bad input is refused. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class EndpointServiceTest {

    @Autowired
    EndpointService endpoints;

    @Test
    void theBuiltInSimulatorIsAnEndpointWithItsModels() {
        EndpointView simulator = await(v -> v.simulated() && Boolean.TRUE.equals(v.reachable()));
        assertThat(simulator.name()).isEqualTo("Built-in simulator");
        assertThat(simulator.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(simulator.version()).endsWith("simulated");
        assertThat(simulator.models()).extracting(EndpointStatus.InstalledModel::name)
                .contains("gemma3-sim:4b", "llama3.2-sim:3b", "qwen3-sim:8b");
    }

    @Test
    void aRegisteredServerIsCheckedInTheBackground() {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags("{\"models\":[{\"name\":\"llama3.2:latest\",\"size\":2019393189,\"details\":{\"parameter_size\":"
                    + "\"3.2B\",\"quantization_level\":\"Q4_K_M\"}}]}");
            EndpointView added = endpoints.add("gpu-7", fake.baseUrl() + "/", "lab box");
            assertThat(added.reachable()).as("not checked yet").isNull();
            assertThat(added.baseUrl()).as("trailing slash removed").isEqualTo(fake.baseUrl());
            EndpointView checked = await(v -> v.name().equals("gpu-7") && v.reachable() != null);
            assertThat(checked.reachable()).isTrue();
            assertThat(checked.version()).isEqualTo("0.32.15");
            assertThat(checked.models()).singleElement().satisfies(m -> assertThat(m.quantization()).isEqualTo("Q4_K_M"));
            endpoints.remove(checked.id());
            assertThat(endpoints.list()).noneMatch(v -> v.name().equals("gpu-7"));
        }
    }

    @Test
    void aLocalOllamaIsOfferedWhenItAnswers() {
        try (FakeOllama fake = FakeOllama.start()) {
            endpoints.offerLocal(fake.baseUrl());
            EndpointView local = await(v -> v.baseUrl().equals(fake.baseUrl()) && v.reachable() != null);
            assertThat(local.name()).isEqualTo("Local Ollama");
            assertThat(local.notes()).contains("0.32.15");
            endpoints.remove(local.id());
        }
    }

    @Test
    void badInputIsRefusedWithAReasonPerField() {
        int before = endpoints.list().size();
        assertThat(error("", "http://gpu:11434").fieldErrors()).containsEntry("name", "Name is required");
        assertThat(error("x", "ftp://gpu:11434").fieldErrors()).containsEntry("baseUrl",
                "The URL must start with http:// or https://");
        assertThat(error("x", "http://").fieldErrors()).containsKey("baseUrl");
        assertThat(error("x", "gpu-7:11434").fieldErrors().get("baseUrl")).contains("http://");
        assertThat(error("x", "http://gpu:11434/?a=b").fieldErrors().get("baseUrl")).contains("query");
        assertThat(error("Built-in simulator", "http://gpu:11434").fieldErrors().get("name")).contains("exists already");
        assertThat(endpoints.list()).hasSize(before);
    }

    private EndpointValidationException error(String name, String url) {
        return catchThrowableOfType(() -> endpoints.add(name, url, null), EndpointValidationException.class);
    }

    private EndpointView await(Predicate<EndpointView> condition) {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> endpoints.list().stream().filter(condition).findFirst(), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no endpoint matched within 10 s: " + endpoints.list(), e);
        }
    }
}
