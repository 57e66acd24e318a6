package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How streamed lines become measurements (ollama-api.md §2.3, §10.11). */
class OllamaClientParsingTest {

    final FakeOllama fake = FakeOllama.start();
    final OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT);

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void emptyResponseChunksAreNotTheFirstToken() {
        fake.enqueue(FakeScript.stream("m").after(ms(30)).chunk("").after(ms(120)).chunk("Hello").done());
        StreamedCall call = client.generate(GenerateRequest.of("m", "hi", null));
        assertThat(call.ttftMs()).as("the empty chunk at 30 ms does not count").isGreaterThan(140);
        assertThat(call.timeToHeadersMs()).as("headers come with the first (empty) line").isLessThan(100);
        assertThat(call.contentLines()).isEqualTo(1);
    }

    @Test
    void thinkingCountsAsFirstTokenButNotAsFirstAnswer() {
        fake.enqueue(FakeScript.stream("qwen3").after(ms(50)).thinking("Let me").after(ms(150)).chunk("Yes")
                .done());
        StreamedCall call = client.generate(GenerateRequest.of("qwen3", "hi", null));
        assertThat(call.ttftMs()).isBetween(45.0, 120.0);
        assertThat(call.firstAnswerMs()).isGreaterThan(190);
        assertThat(call.thinkingText()).isEqualTo("Let me");
        assertThat(call.responseText()).isEqualTo("Yes");
    }

    @Test
    void textOnTheFinalLineIsKept() {
        fake.enqueue(FakeScript.stream("m").chunk("a").chunk("b").done("c", 3_000_000L, 0, 0, 0, 3, 1_000_000L));
        StreamedCall call = client.generate(GenerateRequest.of("m", "hi", null));
        assertThat(call.responseText()).isEqualTo("abc");
        assertThat(call.responseChars()).isEqualTo(3);
        assertThat(call.contentLines()).isEqualTo(3);
        assertThat(call.chunkGapsMs()).hasSize(2);
    }

    @Test
    void missingMetricFieldsReadAsZero() {
        fake.enqueue(FakeScript.stream("m").chunk("a").done("", 0, 0, 0, 0, 7, 0));
        StreamedCall call = client.generate(GenerateRequest.of("m", "hi", null));
        assertThat(fake.requestBodies().get(0)).doesNotContain("options");
        assertThat(call.loadNs()).isZero();
        assertThat(call.promptEvalCount()).isZero();
        assertThat(call.totalNs()).isZero();
        assertThat(call.evalCount()).isEqualTo(7);
        assertThat(call.decodeTokPerSec()).as("no eval_duration: no rate, not a division by zero").isZero();
        assertThat(call.prefillTokPerSec()).isZero();
        assertThat(call.doneReason()).isEqualTo("stop");
    }

    @Test
    void durationsAreNanoseconds() {
        fake.enqueue(FakeScript.stream("m").chunk("a").done("", 2_500_000_000L, 1_250_000_000L, 40, 200_000_000L,
                100, 2_000_000_000L));
        StreamedCall call = client.generate(GenerateRequest.of("m", "hi", Map.of("num_ctx", 2048)));
        assertThat(call.totalMs()).isEqualTo(2500.0);
        assertThat(call.loadMs()).isEqualTo(1250.0);
        assertThat(call.promptEvalMs()).isEqualTo(200.0);
        assertThat(call.evalMs()).isEqualTo(2000.0);
        assertThat(call.decodeTokPerSec()).isCloseTo(50.0, within(1e-12));
        assertThat(call.prefillTokPerSec()).isCloseTo(200.0, within(1e-12));
        assertThat(call.loadedModel()).as("load_duration > 500 ms").isTrue();
        assertThat(fake.requestBodies().get(0)).contains("\"options\":{\"num_ctx\":2048}").contains("\"stream\":true");
    }

    @Test
    void timingFieldsAreConsistent() {
        fake.enqueue(FakeScript.stream("m").after(ms(40)).chunks(11, "t", ms(10)).done("", 0, 0, 0, 0, 11,
                100_000_000L));
        StreamedCall call = client.generate(GenerateRequest.of("m", "hi", null));
        assertThat(call.chunkGapsMs()).hasSize(10);
        assertThat(call.itlMeanMs()).isCloseTo(10.0, within(2.0));
        assertThat(call.itlP50Ms()).isCloseTo(10.0, within(2.0));
        assertThat(call.itlP99Ms()).isGreaterThanOrEqualTo(call.itlP90Ms());
        assertThat(call.e2eMs()).isGreaterThan(call.ttftMs() + 90);
        assertThat(call.tpotMs()).isCloseTo((call.e2eMs() - call.ttftMs()) / 10, within(1e-9));
        assertThat(call.e2eTokPerSec()).isCloseTo(11 * 1000.0 / call.e2eMs(), within(1e-9));
    }

    @Test
    void chatReadsMessageContent() {
        fake.enqueue(FakeScript.stream("m").rawLine("{\"model\":\"m\",\"created_at\":\"2026-08-21T10:00:00.1Z\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}")
                .rawLine("{\"model\":\"m\",\"created_at\":\"2026-08-21T10:00:00.2Z\",\"message\":{\"role\":"
                        + "\"assistant\",\"content\":\"!\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":2,"
                        + "\"eval_duration\":40000000}"));
        StreamedCall call = client.chat(ChatRequest.of("m", List.of(new ChatRequest.Message("user", "hello")), null),
                Cancellation.none());
        assertThat(call.responseText()).isEqualTo("Hi!");
        assertThat(call.decodeTokPerSec()).isCloseTo(50.0, within(1e-9));
        assertThat(fake.requestBodies().get(0)).contains("\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]");
    }

    @Test
    void lookups() {
        fake.tags("{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"modified_at\":"
                        + "\"2025-05-04T17:37:44.706015396-07:00\",\"size\":2019393189,\"digest\":\"a80c4f17acd5\","
                        + "\"details\":{\"format\":\"gguf\",\"family\":\"llama\",\"parameter_size\":\"3.2B\","
                        + "\"quantization_level\":\"Q4_K_M\"}}]}")
                .ps("{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":5137025024,"
                        + "\"digest\":\"2ae6\",\"details\":{},\"expires_at\":\"2026-08-21T14:38:31.83753-07:00\","
                        + "\"size_vram\":2568512512,\"context_length\":8192}]}")
                .show("{\"details\":{\"family\":\"llama\",\"parameter_size\":\"3.2B\",\"quantization_level\":"
                        + "\"Q4_K_M\"},\"model_info\":{\"general.architecture\":\"llama\",\"llama.block_count\":28,"
                        + "\"llama.context_length\":131072}}");
        assertThat(client.version()).isEqualTo("0.32.15");
        assertThat(client.tags()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("llama3.2:latest");
            assertThat(m.quantization()).isEqualTo("Q4_K_M");
            assertThat(m.sizeBytes()).isEqualTo(2019393189L);
        });
        assertThat(client.ps()).singleElement().satisfies(m -> {
            assertThat(m.gpuOffloadPct()).isCloseTo(50.0, within(1e-6));
            assertThat(m.contextLength()).isEqualTo(8192);
            assertThat(m.expiresAt().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
        });
        ModelInfo show = client.show("llama3.2");
        assertThat(show.blockCount()).isEqualTo(28);
        assertThat(show.contextLength()).isEqualTo(131072);
        assertThat(show.digest()).isEqualTo("a80c4f17acd5");
        assertThat(show.parameterSize()).isEqualTo("3.2B");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
