package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.chimerabench.exchange.ExampleService;
import org.chimerabench.support.ApiResponseGuard;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The bad-input corpus: what a careless or hostile client sends to every REST endpoint — bad ids and parameters,
 * malformed, non-strict or oversized JSON, broken multipart, bad files, bad URLs, self-comparisons. Each case: the
 * status, the one JSON error shape ({@code status, error, message, path}) with a message naming the problem and no
 * Java class name, and every table's row count (and every sweep's margin) unchanged. Signed in as admin, so every
 * refusal here is the input's fault, not the role's ({@link StateChangeAuthorizationTest} covers roles). Own
 * database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AsAdmin
class BadRequestCorpusTest {

    static final String VALID_SWEEP = """
            {"name":"ok","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.5]},"maxTokens":4}""";
    static final String SUMMARY_HEADER = "language,gpu,ctx,temp,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,"
            + "chimera_ttft_ms\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    long sweep;

    @BeforeAll
    void data() {
        sweep = SignedIn.asAdmin(context, () -> context.getBean(ExampleService.class).loadChimeraforge().rust());
    }

    /** A bad request, the status it must get, and a word its message must contain (case-insensitive). */
    record Case(String name, Supplier<MockHttpServletRequestBuilder> request, int status, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        badIds(cases);
        queryParameters(cases);
        sweepDefinitions(cases);
        endpoints(cases);
        usersTokensShares(cases);
        margins(cases);
        imports(cases);
        methodsAndMedia(cases);
        assertThat(cases).as("the corpus").hasSizeGreaterThanOrEqualTo(150);
        return cases.stream().map(Arguments::of);
    }

    private void badIds(List<Case> cases) {
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("GET /api/sweeps/{id}", "/api/sweeps/%s");
        paths.put("GET /api/sweeps/{id}/analysis", "/api/sweeps/%s/analysis");
        paths.put("GET /api/sweeps/{id}/calls", "/api/sweeps/%s/calls");
        paths.put("GET /api/sweeps/{id}/configurations.csv", "/api/sweeps/%s/configurations.csv");
        paths.put("GET /api/sweeps/{id}/report.md", "/api/sweeps/%s/report.md");
        paths.put("POST /api/sweeps/{id}/start", "/api/sweeps/%s/start");
        paths.put("POST /api/sweeps/{id}/cancel", "/api/sweeps/%s/cancel");
        paths.put("POST /api/sweeps/{id}/shares", "/api/sweeps/%s/shares");
        paths.put("DELETE /api/sweeps/{id}", "/api/sweeps/%s");
        paths.put("PUT /api/sweeps/{id}/equivalence-margin", "/api/sweeps/%s/equivalence-margin");
        paths.put("DELETE /api/endpoints/{id}", "/api/endpoints/%s");
        paths.put("PATCH /api/users/{id}", "/api/users/%s");
        paths.put("DELETE /api/tokens/{id}", "/api/tokens/%s");
        paths.put("DELETE /api/shares/{id}", "/api/shares/%s");
        for (String bad : List.of("abc", "1.5", "99999999999999999999")) {
            paths.forEach((name, path) -> cases.add(new Case(name + " with id " + bad,
                    () -> request(name.substring(0, name.indexOf(' ')), String.format(path, bad)), 400, "'id'")));
        }
        paths.forEach((name, path) -> {
            if (!name.startsWith("DELETE /api/tokens") && !name.startsWith("DELETE /api/shares")
                    && !name.startsWith("PATCH /api/users")) {
                cases.add(new Case(name + " of an unknown id", () -> request(name.substring(0, name.indexOf(' ')),
                        String.format(path, "987654")), 404, "987654"));
            }
        });
    }

    private MockHttpServletRequestBuilder request(String method, String path) {
        MockHttpServletRequestBuilder builder = switch (method) {
            case "POST" -> post(path);
            case "PUT" -> put(path);
            case "DELETE" -> delete(path);
            case "PATCH" -> patch(path);
            default -> get(path);
        };
        if (method.equals("PUT") || method.equals("PATCH")) {
            builder.contentType(MediaType.APPLICATION_JSON).content(path.contains("margin")
                    ? "{\"equivalenceMarginPct\":2}" : "{\"role\":\"VIEWER\"}");
        }
        return builder;
    }

    private void queryParameters(List<Case> cases) {
        cases.add(new Case("compare without b", () -> get("/api/compare?a=" + sweep), 400, "'b'"));
        cases.add(new Case("compare without a", () -> get("/api/compare?b=" + sweep), 400, "'a'"));
        cases.add(new Case("compare with a text id", () -> get("/api/compare?a=x&b=" + sweep), 400, "'a'"));
        cases.add(new Case("compare with b 1e3", () -> get("/api/compare?a=" + sweep + "&b=1e3"), 400, "'b'"));
        cases.add(new Case("compare a sweep with itself", () -> get("/api/compare?a=" + sweep + "&b=" + sweep), 400,
                "two different sweeps"));
        cases.add(new Case("compare report of a sweep with itself", () -> get("/api/compare/report.md?a=" + sweep
                + "&b=" + sweep), 400, "two different sweeps"));
        cases.add(new Case("share a comparison of a sweep with itself", () -> post("/api/compare/shares?a=" + sweep
                + "&b=" + sweep), 400, "two different sweeps"));
        cases.add(new Case("compare unknown sweeps", () -> get("/api/compare?a=987654&b=987655"), 404, "987654"));
        cases.add(new Case("analysis of an unknown endpoint", () -> get("/api/sweeps/" + sweep
                + "/analysis?endpoint=nope"), 400, "nope"));
        cases.add(new Case("import into a text id", () -> post("/api/imports?into=abc&filename=a.csv")
                .contentType("text/csv").content(SUMMARY_HEADER + "rust,60,256,0.6,99,99.5,900,880\n"), 400,
                "'into'"));
        cases.add(new Case("audit with a text limit", () -> get("/api/audit?limit=lots"), 400, "'limit'"));
    }

    private void sweepDefinitions(List<Case> cases) {
        Map<String, Object[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("malformed JSON", new Object[] {"{\"name\":", "not valid JSON"});
        bodies.put("an empty body", new Object[] {"", "empty"});
        bodies.put("an array", new Object[] {"[1,2]", "object"});
        bodies.put("a string", new Object[] {"\"sweep\"", "object"});
        bodies.put("trailing garbage", new Object[] {VALID_SWEEP + " trailing", "not valid JSON"});
        bodies.put("a second object", new Object[] {VALID_SWEEP + " {}", "more content"});
        bodies.put("a duplicate key", new Object[] {VALID_SWEEP.replace("\"name\":\"ok\"",
                "\"name\":\"ok\",\"name\":\"twice\""), "Duplicate field 'name'"});
        bodies.put("a duplicate nested key", new Object[] {VALID_SWEEP.replace("\"prompt\":\"hi\"",
                "\"prompt\":\"hi\",\"prompt\":\"again\""), "Duplicate field 'prompt'"});
        bodies.put("an unknown field", new Object[] {with("\"colour\":\"red\""), "colour"});
        bodies.put("an unknown nested field", new Object[] {VALID_SWEEP.replace("\"prompt\":\"hi\"",
                "\"prompt\":\"hi\",\"zz\":1"), "workload.zz"});
        bodies.put("a number for the name", new Object[] {VALID_SWEEP.replace("\"ok\"", "123"), "'name'"});
        bodies.put("a list for the name", new Object[] {VALID_SWEEP.replace("\"ok\"", "[\"ok\"]"), "'name'"});
        bodies.put("a 201-character name", new Object[] {VALID_SWEEP.replace("\"ok\"", "\"" + "n".repeat(201)
                + "\""), "200"});
        bodies.put("a blank name", new Object[] {VALID_SWEEP.replace("\"ok\"", "\"  \""), "Name"});
        bodies.put("a 4001-character description", new Object[] {with("\"description\":\"" + "d".repeat(4001)
                + "\""), "4000"});
        bodies.put("repetitions as text", new Object[] {with("\"repetitions\":\"2\""), "repetitions"});
        bodies.put("repetitions as a float", new Object[] {with("\"repetitions\":2.5"), "repetitions"});
        bodies.put("repetitions 0", new Object[] {with("\"repetitions\":0"), "Repetitions"});
        bodies.put("repetitions 1001", new Object[] {with("\"repetitions\":1001"), "Repetitions"});
        bodies.put("repetitions beyond a long", new Object[] {with("\"repetitions\":99999999999999999999"),
                "repetitions"});
        bodies.put("warm-ups -1", new Object[] {with("\"warmups\":-1"), "Warmups"});
        bodies.put("maxTokens as text", new Object[] {VALID_SWEEP.replace("\"maxTokens\":4", "\"maxTokens\":\"4\""),
                "maxTokens"});
        bodies.put("a boolean as text", new Object[] {with("\"coldStart\":\"true\""), "coldStart"});
        bodies.put("a boolean as 1", new Object[] {with("\"confirmLarge\":1"), "confirmLarge"});
        bodies.put("axes as a list", new Object[] {VALID_SWEEP.replace("{\"temperature\":[0.5]}", "[0.5]"),
                "axes"});
        bodies.put("an axis of an unknown option", new Object[] {VALID_SWEEP.replace("temperature", "tempreature"),
                "tempreature"});
        bodies.put("an axis with a word", new Object[] {VALID_SWEEP.replace("[0.5]", "[\"warm\"]"), "temperature"});
        bodies.put("an axis out of range", new Object[] {VALID_SWEEP.replace("[0.5]", "[99]"), "temperature"});
        bodies.put("an axis with 1001 values", new Object[] {VALID_SWEEP.replace("{\"temperature\":[0.5]}",
                "{\"num_ctx\":{\"min\":1000,\"max\":101000,\"step\":100}}"), "1000"});
        bodies.put("an unknown endpoint", new Object[] {VALID_SWEEP.replace("Built-in simulator", "gpu-zz"),
                "gpu-zz"});
        bodies.put("endpoints as text", new Object[] {VALID_SWEEP.replace("[\"Built-in simulator\"]",
                "\"Built-in simulator\""), "endpoints"});
        bodies.put("no model", new Object[] {VALID_SWEEP.replace("\"model\":\"llama3.2-sim:3b\",", ""), "Model"});
        bodies.put("a 201-character model", new Object[] {VALID_SWEEP.replace("llama3.2-sim:3b", "m".repeat(201)),
                "200"});
        bodies.put("a model the endpoint lacks", new Object[] {VALID_SWEEP.replace("llama3.2-sim:3b", "gpt-9"),
                "gpt-9"});
        bodies.put("an unknown workload type", new Object[] {VALID_SWEEP.replace("SINGLE_PROMPT", "POEM"),
                "workload"});
        bodies.put("a workload without prompt", new Object[] {VALID_SWEEP.replace(",\"prompt\":\"hi\"", ""),
                "prompt"});
        bodies.put("an unknown order", new Object[] {with("\"order\":\"RANDOM\""), "RANDOM"});
        bodies.put("a negative timeout", new Object[] {with("\"timeouts\":{\"connectSeconds\":-5}"), "timeouts"});
        bodies.put("an unknown fixed option", new Object[] {with("\"fixedOptions\":{\"turbo\":true}"), "turbo"});
        bodies.put("a fixed option out of range", new Object[] {with("\"fixedOptions\":{\"top_p\":5}"), "top_p"});
        bodies.put("an unknown baseline option", new Object[] {with("\"baselineOptions\":{\"bogus\":1}"), "bogus"});
        bodies.put("a shuffle seed as text", new Object[] {with("\"shuffleSeed\":\"seven\""), "shuffleSeed"});
        bodies.put("nesting 10,000 levels deep", new Object[] {"[".repeat(10_000) + "]".repeat(10_000),
                "nested too deeply"});
        bodies.put("a number beyond double range", new Object[] {VALID_SWEEP.replace("[0.5]", "[1e400]"),
                "temperature"});
        bodies.forEach((name, spec) -> cases.add(new Case("sweep definition with " + name,
                () -> post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content((String) spec[0]), 400,
                (String) spec[1])));
    }

    private static String with(String field) {
        return VALID_SWEEP.replace("\"maxTokens\":4", "\"maxTokens\":4," + field);
    }

    private void endpoints(List<Case> cases) {
        Map<String, Object[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("malformed JSON", new Object[] {"{\"name\":\"x\"", "not valid JSON"});
        bodies.put("no name", new Object[] {"{\"baseUrl\":\"http://10.0.0.9:11434\"}", "Name"});
        bodies.put("a 121-character name", new Object[] {"{\"name\":\"" + "e".repeat(121)
                + "\",\"baseUrl\":\"http://10.0.0.9:11434\"}", "120"});
        bodies.put("a number for the name", new Object[] {"{\"name\":7,\"baseUrl\":\"http://10.0.0.9:11434\"}",
                "'name'"});
        bodies.put("no URL", new Object[] {"{\"name\":\"gpu-x\"}", "URL"});
        bodies.put("a 10 KB URL", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:11434/"
                + "u".repeat(10_000) + "\"}", "500"});
        bodies.put("an ftp URL", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"ftp://10.0.0.9\"}", "http"});
        bodies.put("port 99999", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:99999\"}",
                "65535"});
        bodies.put("port 0", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:0\"}", "port"});
        bodies.put("a user:password URL", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://u:p@10.0.0.9:1\"}",
                "password"});
        bodies.put("a cloud metadata URL", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://169.254.169.254\"}",
                "169.254"});
        bodies.put("2001 characters of notes", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:1\","
                + "\"notes\":\"" + "n".repeat(2001) + "\"}", "2000"});
        bodies.put("1 MB of notes", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:1\","
                + "\"notes\":\"" + "n".repeat(1_000_000) + "\"}", "2000"});
        bodies.put("an unknown field", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:1\","
                + "\"gpu\":\"4090\"}", "gpu"});
        bodies.put("a duplicate key", new Object[] {"{\"name\":\"a\",\"name\":\"b\",\"baseUrl\":\"http://10.0.0.9:1\"}",
                "Duplicate field 'name'"});
        bodies.put("trailing garbage", new Object[] {"{\"name\":\"gpu-x\",\"baseUrl\":\"http://10.0.0.9:1\"}]",
                "JSON"});
        bodies.put("an array", new Object[] {"[]", "object"});
        bodies.put("the simulator's name", new Object[] {"{\"name\":\"Built-in simulator\","
                + "\"baseUrl\":\"http://10.0.0.9:1\"}", "exists already"});
        bodies.forEach((name, spec) -> cases.add(new Case("endpoint with " + name, () -> post("/api/endpoints")
                .contentType(MediaType.APPLICATION_JSON).content((String) spec[0]), 400, (String) spec[1])));
    }

    private void usersTokensShares(List<Case> cases) {
        Map<String, Object[]> users = new java.util.LinkedHashMap<>();
        users.put("a two-letter username", new Object[] {"{\"username\":\"ab\",\"password\":\"long-enough-pw\","
                + "\"role\":\"VIEWER\"}", "username"});
        users.put("a username with spaces", new Object[] {"{\"username\":\"a b c\",\"password\":\"long-enough-pw\","
                + "\"role\":\"VIEWER\"}", "username"});
        users.put("a 61-character username", new Object[] {"{\"username\":\"" + "u".repeat(61)
                + "\",\"password\":\"long-enough-pw\",\"role\":\"VIEWER\"}", "username"});
        users.put("a short password", new Object[] {"{\"username\":\"newbie\",\"password\":\"short\","
                + "\"role\":\"VIEWER\"}", "password"});
        // issue 25: BCrypt reads 72 bytes; a 100-character password answered 500 after validation accepted it
        users.put("a 100-character password", new Object[] {"{\"username\":\"newbie\",\"password\":\""
                + "p".repeat(100) + "\",\"role\":\"VIEWER\"}", "at most 72 bytes"});
        users.put("a 30-character password of 3-byte letters", new Object[] {"{\"username\":\"newbie\","
                + "\"password\":\"" + "€".repeat(30) + "\",\"role\":\"VIEWER\"}", "at most 72 bytes"});
        users.put("an unknown role", new Object[] {"{\"username\":\"newbie\",\"password\":\"long-enough-pw\","
                + "\"role\":\"KING\"}", "role"});
        users.put("a number for the role", new Object[] {"{\"username\":\"newbie\",\"password\":\"long-enough-pw\","
                + "\"role\":3}", "'role'"});
        users.put("an unknown field", new Object[] {"{\"username\":\"newbie\",\"password\":\"long-enough-pw\","
                + "\"role\":\"VIEWER\",\"admin\":true}", "admin"});
        users.forEach((name, spec) -> cases.add(new Case("new user with " + name, () -> post("/api/users")
                .contentType(MediaType.APPLICATION_JSON).content((String) spec[0]), 400, (String) spec[1])));
        cases.add(new Case("user change with an unknown role", () -> patch("/api/users/1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"KING\"}"), 400, "role"));
        cases.add(new Case("user change with enabled as text", () -> patch("/api/users/1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":\"yes\"}"), 400, "enabled"));
        cases.add(new Case("token with a 101-character name", () -> post("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "t".repeat(101) + "\"}"), 400,
                "100"));
        cases.add(new Case("token with a number for the name", () -> post("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":5}"), 400, "'name'"));
        cases.add(new Case("token with an unknown field", () -> post("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\",\"scope\":\"all\"}"), 400,
                "scope"));
        for (String days : List.of("\"ten\"", "-1", "0", "100000", "1.5")) {
            cases.add(new Case("share link expiring in " + days + " days", () -> post("/api/sweeps/" + sweep
                    + "/shares").contentType(MediaType.APPLICATION_JSON).content("{\"expiresInDays\":" + days + "}"),
                    400, "expiresInDays"));
        }
        cases.add(new Case("share link with an unknown field", () -> post("/api/sweeps/" + sweep + "/shares")
                .contentType(MediaType.APPLICATION_JSON).content("{\"public\":true}"), 400, "public"));
    }

    private void margins(List<Case> cases) {
        for (String body : List.of("{\"equivalenceMarginPct\":0}", "{\"equivalenceMarginPct\":-1}",
                "{\"equivalenceMarginPct\":51}", "{\"equivalenceMarginPct\":\"two\"}", "{}", "[]",
                "{\"equivalenceMarginPct\":null}", "{\"equivalenceMarginPct\":1e400}",
                "{\"equivalenceMarginPct\":1,\"equivalenceMarginPct\":2}")) {
            cases.add(new Case("margin " + body, () -> put("/api/sweeps/" + sweep + "/equivalence-margin")
                    .contentType(MediaType.APPLICATION_JSON).content(body), 400, "equivalenceMarginPct"));
        }
    }

    private void imports(List<Case> cases) {
        Map<String, Object[]> files = new java.util.LinkedHashMap<>();
        files.put("an empty file", new Object[] {"a.csv", "", "empty"});
        files.put("a binary file", new Object[] {"a.csv", "abc\0def", "binary"});
        files.put("an unknown format", new Object[] {"a.txt", "hello world", "unrecognised format"});
        files.put("invalid JSON", new Object[] {"m.json", "{\"baseline\":", "not valid JSON"});
        files.put("JSON nested 10,000 levels", new Object[] {"m.json", "[".repeat(10_000) + "]".repeat(10_000),
                "nested deeper"});
        files.put("JSON with a duplicate key", new Object[] {"m.json", "{\"a\":1,\"a\":2}", "Duplicate"});
        files.put("JSON of another shape", new Object[] {"m.json", "{\"runs\":[]}", "neither"});
        files.put("a summary CSV without columns", new Object[] {"s.csv", "language,gpu\nrust,60\n", "column"});
        files.put("a summary CSV with a word for tok/s", new Object[] {"s.csv", SUMMARY_HEADER
                + "rust,60,256,0.6,fast,99.5,900,880\n", "fast"});
        files.put("a summary CSV with 1e308 tok/s", new Object[] {"s.csv", SUMMARY_HEADER
                + "rust,60,256,0.6,1e308,1e308,900,880\n", "tok/s"});
        files.put("a summary CSV with negative tok/s", new Object[] {"s.csv", SUMMARY_HEADER
                + "rust,60,256,0.6,-5,99.5,900,880\n", "tok/s"});
        files.put("a summary CSV with NaN", new Object[] {"s.csv", SUMMARY_HEADER
                + "rust,60,256,0.6,NaN,99.5,900,880\n", "NaN"});
        files.put("a summary CSV with a 70,000-character line", new Object[] {"s.csv", SUMMARY_HEADER
                + "rust,60,256,0.6,99,99.5,900,880," + "x".repeat(70_000) + "\n", "characters"});
        files.put("a configurations CSV with an unknown option", new Object[] {"c.csv",
                "turbo,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,chimera_ttft_ms\n1,99,99.5,900,880\n",
                "turbo"});
        files.put("a summary CSV with a formula for the language", new Object[] {"s.csv", SUMMARY_HEADER
                + "=cmd|' /C calc'!A0,60,256,0.6,99,99.5,900,880\n", "not a label"});
        files.forEach((name, spec) -> cases.add(new Case("import of " + name, () -> post("/api/imports?filename="
                + spec[0]).contentType("text/plain").content(((String) spec[1]).getBytes(StandardCharsets.UTF_8)),
                400, (String) spec[2])));
        cases.add(new Case("import with a 300-character label", () -> post("/api/imports?filename=s.csv&label="
                + "l".repeat(300)).contentType("text/csv").content(SUMMARY_HEADER + "rust,60,256,0.6,99,99.5,900,880\n"),
                400, "120"));
        cases.add(new Case("import into an unknown sweep", () -> post("/api/imports?filename=s.csv&into=987654")
                .contentType("text/csv").content(SUMMARY_HEADER + "rust,60,256,0.6,99,99.5,900,880\n"), 400,
                "987654"));
        cases.add(new Case("import not UTF-8", () -> post("/api/imports?filename=s.csv").contentType("text/csv")
                .content(new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'}), 400, "UTF-8"));
        cases.add(new Case("multipart without a boundary", () -> post("/api/imports")
                .contentType("multipart/form-data").content("--x\r\n"), 400, "multipart"));
        cases.add(new Case("multipart cut off", () -> post("/api/imports")
                .contentType("multipart/form-data; boundary=XyZ").content("--XyZ\r\nContent-Disposition: form-data;"
                        + " name=\"files\"; filename=\"a.csv\"\r\n\r\nlanguage,gp"), 400, "multipart"));
        cases.add(new Case("multipart without a files part", () -> multipart("/api/imports")
                .file(new MockMultipartFile("other", "a.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8))), 400,
                "files"));
    }

    private void methodsAndMedia(List<Case> cases) {
        cases.add(new Case("PATCH /api/sweeps", () -> patch("/api/sweeps"), 405, "allowed"));
        cases.add(new Case("PUT /api/endpoints", () -> put("/api/endpoints").contentType(MediaType.APPLICATION_JSON)
                .content("{}"), 405, "allowed"));
        cases.add(new Case("DELETE /api/compare", () -> delete("/api/compare?a=1&b=2"), 405, "allowed"));
        cases.add(new Case("POST /api/sweeps as text/plain", () -> post("/api/sweeps").contentType("text/plain")
                .content(VALID_SWEEP), 415, "Content-Type"));
        cases.add(new Case("POST /api/endpoints as XML", () -> post("/api/endpoints")
                .contentType(MediaType.APPLICATION_XML).content("<endpoint/>"), 415, "Content-Type"));
        cases.add(new Case("GET /api/endpoints as CSV", () -> get("/api/endpoints").accept("text/csv"), 406,
                "text/csv"));
        cases.add(new Case("an unknown API path", () -> get("/api/nothing-here"), 404, "/api/nothing-here"));
        cases.add(new Case("an unknown nested API path", () -> get("/api/sweeps/1/nothing"), 404, "nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithAClearMessageAndNothingStored(Case c) throws Exception {
        Map<String, Long> before = rowCounts();
        MockHttpServletResponse response = mvc.perform(c.request().get()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(c + ": " + body).isEqualTo(c.status());
        assertThat(response.getContentType()).as(c + ": JSON").startsWith("application/json");
        JsonNode error = json.readTree(body);
        assertThat(error.get("status").asInt()).as(c.name()).isEqualTo(c.status());
        assertThat(error.get("error").asText()).as(c.name()).isNotBlank();
        assertThat(error.get("path").asText()).as(c.name()).startsWith("/api/");
        String message = error.get("message").asText() + " " + (error.has("fields") ? error.get("fields") : "");
        assertThat(message.toLowerCase()).as(c + ": names the problem").contains(c.mentions().toLowerCase());
        assertThat(ApiResponseGuard.JAVA_NAME.matcher(body).find()).as(c + ": no Java class in " + body).isFalse();
        assertThat(rowCounts()).as(c + ": nothing stored").isEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
            if (!table.equals("AUDIT_EVENT")) { // a refused request is not audited; logins are (none here)
                counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
            }
        }
        counts.put("sweep margins × 1000", Math.round(1000 * jdbc.queryForObject(
                "SELECT COALESCE(SUM(equivalence_margin_pct), 0) FROM sweep", Double.class)));
        return counts;
    }
}
