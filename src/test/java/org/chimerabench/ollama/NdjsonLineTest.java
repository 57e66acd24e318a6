package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.chimerabench.ollama.NdjsonLine.Shape;
import org.junit.jupiter.api.Test;

/** One streamed line read from its bytes: the fields the client measures with, in both reply shapes. */
class NdjsonLineTest {

    static final JsonFactory JSON = new JsonFactory();

    static NdjsonLine read(String line, Shape shape) throws IOException {
        return read(new NdjsonLine.Reader(JSON, shape), line);
    }

    /** Feeds the line and its break, followed in the buffer by bytes that are not part of it. */
    static NdjsonLine read(NdjsonLine.Reader reader, String line) throws IOException {
        byte[] bytes = (line + "\n   other bytes in the buffer").getBytes(StandardCharsets.UTF_8);
        return reader.read(bytes, line.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Test
    void oneReaderReadsTheLinesOfAStreamOneAfterTheOther() throws IOException {
        NdjsonLine.Reader reader = new NdjsonLine.Reader(JSON, Shape.GENERATE);
        assertThat(read(reader, "{\"model\":\"m\",\"response\":\"Hel\",\"done\":false}").response()).isEqualTo("Hel");
        assertThat(read(reader, "   ").hasText()).isFalse();
        assertThat(read(reader, "{\"response\":\"lo\",\"context\":[1,[2,3]],\"done\":false}  ").response())
                .isEqualTo("lo");
        assertThat(read(reader, "7").hasText()).isFalse();
        assertThat(read(reader, "{\"response\":\"\",\"done\":true,\"eval_count\":2}").done()).isTrue();
    }

    @Test
    void generateLine() throws IOException {
        NdjsonLine line = read("{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"response\":"
                + "\" caf\\u00e9 \\\"ok\\\"\",\"context\":[1,2,{\"x\":[3]}],\"done\":false}", Shape.GENERATE);
        assertThat(line).isEqualTo(new NdjsonLine(" café \"ok\"", "", false, null, "llama3.2:3b"));
        assertThat(line.hasText()).isTrue();
    }

    @Test
    void thinkingAndEmptyResponse() throws IOException {
        NdjsonLine line = read("{\"model\":\"qwen3\",\"response\":\"\",\"thinking\":\"Let me\",\"done\":false}",
                Shape.GENERATE);
        assertThat(line.response()).isEmpty();
        assertThat(line.thinking()).isEqualTo("Let me");
        assertThat(line.hasText()).isTrue();
        assertThat(read("{\"model\":\"m\",\"response\":\"\",\"done\":false}", Shape.GENERATE).hasText()).isFalse();
    }

    @Test
    void chatLineReadsTheMessageOnly() throws IOException {
        NdjsonLine line = read("{\"model\":\"m\",\"response\":\"ignored\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hi\",\"thinking\":\"hmm\",\"images\":null},\"done\":true,\"eval_count\":3}", Shape.CHAT);
        assertThat(line).isEqualTo(new NdjsonLine("Hi", "hmm", true, null, "m"));
    }

    @Test
    void finalLineAndErrors() throws IOException {
        assertThat(read("{\"done\":true,\"total_duration\":123}", Shape.GENERATE).done()).isTrue();
        assertThat(read("{\"done\":\"true\"}", Shape.GENERATE).done()).isTrue();
        assertThat(read("{\"done\":1}", Shape.GENERATE).done()).isTrue();
        assertThat(read("{\"done\":null}", Shape.GENERATE).done()).isFalse();
        assertThat(read("{\"error\":\"model runner has unexpectedly stopped\"}", Shape.GENERATE).error())
                .isEqualTo("model runner has unexpectedly stopped");
        assertThat(read("{\"error\":null,\"response\":\"a\"}", Shape.GENERATE).error()).isNull();
    }

    @Test
    void scalarsReadAsTheirText() throws IOException {
        assertThat(read("{\"response\":42}", Shape.GENERATE).response()).isEqualTo("42");
        assertThat(read("{\"response\":null}", Shape.GENERATE).response()).isEmpty();
        assertThat(read("{\"response\":{\"nested\":\"x\"}}", Shape.GENERATE).response()).isEmpty();
    }

    @Test
    void aLineThatIsNotAnObjectHasNoText() throws IOException {
        assertThat(read("[\"a\",\"b\"]", Shape.GENERATE)).isEqualTo(new NdjsonLine("", "", false, null, null));
        assertThat(read("\"text\"", Shape.GENERATE).hasText()).isFalse();
    }

    @Test
    void malformedLinesAreRefused() {
        assertThatThrownBy(() -> read("{\"response\": \"b\", done", Shape.GENERATE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"response\": \"b\"", Shape.GENERATE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("<html>", Shape.GENERATE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"response\": [1, 2", Shape.GENERATE)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"a\":1} x", Shape.GENERATE)).isInstanceOf(IOException.class);
    }
}
