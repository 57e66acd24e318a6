package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.chimerabench.support.AdminHttp;

/**
 * The analyses the version at ba86f87 gave for its sweeps (saved from its REST API, {@code analysis-<id>.json}),
 * against today's for the same stored calls: every field the old analysis had is there with the same value (today's
 * analysis has more fields — the verdict, races, load — which the old one could not have).
 */
final class UpgradeAnalyses {

    static final List<Long> SWEEPS = List.of(1L, 2L, 3L, 4L, 5L);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Doubles computed again from the same calls: equal up to rounding in the last bits. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private UpgradeAnalyses() {
    }

    static void assertUnchanged(AdminHttp api) throws Exception {
        for (long id : SWEEPS) {
            JsonNode before = saved("analysis-" + id + ".json");
            JsonNode now = api.get("/api/sweeps/" + id + "/analysis");
            List<String> differences = new ArrayList<>();
            compare("", before, now, differences);
            assertThat(differences).as("sweep %d: the old analysis's fields, today", id).isEmpty();
        }
        List<String> names = new ArrayList<>();
        api.get("/api/sweeps").forEach(sweep -> names.add(sweep.get("id") + " " + sweep.get("name").asText() + " "
                + sweep.get("status").asText()));
        List<String> namesBefore = new ArrayList<>();
        saved("sweeps.json").forEach(sweep -> namesBefore.add(sweep.get("id") + " " + sweep.get("name").asText()
                + " " + sweep.get("status").asText()));
        assertThat(names).as("every sweep, its name and status").containsExactlyInAnyOrderElementsOf(namesBefore);
    }

    private static void compare(String path, JsonNode before, JsonNode now, List<String> differences) {
        if (now == null || now.isMissingNode()) {
            differences.add(path + ": gone (was " + before + ")");
        } else if (before.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = before.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "/" + field.getKey(), field.getValue(), now.get(field.getKey()), differences);
            }
        } else if (before.isArray()) {
            if (before.size() != now.size()) {
                differences.add(path + ": " + before.size() + " elements, now " + now.size());
                return;
            }
            for (int i = 0; i < before.size(); i++) {
                compare(path + "/" + i, before.get(i), now.get(i), differences);
            }
        } else if (before.isNumber() && now.isNumber()) {
            double a = before.asDouble();
            double b = now.asDouble();
            if (Math.abs(a - b) > RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
                differences.add(path + ": " + before + ", now " + now);
            }
        } else if (!before.equals(now)) {
            differences.add(path + ": " + before + ", now " + now);
        }
    }

    private static JsonNode saved(String name) throws IOException {
        try (InputStream in = UpgradeAnalyses.class.getResourceAsStream("/" + UpgradeFixture.BA86F87 + name)) {
            return JSON.readTree(in);
        }
    }
}
