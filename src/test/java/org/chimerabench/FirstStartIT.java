package org.chimerabench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chimerabench.support.AdminHttp;
import org.chimerabench.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The product started exactly as a newcomer starts it: the jar {@code package} built, in an empty folder, with no
 * settings at all but a free port (its shipped defaults: the H2 files under ./data, the generated admin password,
 * the built-in simulator). The admin password comes from the log; the example loads; a small sweep runs on the
 * simulator; a graceful stop (SIGTERM) and a second start on the same folder keep every sweep, call, user and share
 * link, and create no second admin. (A week of green builds hid a default URL H2 refused: no test started the app
 * this way.)
 */
@ResourceLock("packaged-app") // one packaged app under test at a time, beside one browser test
@Order(3) // longest first, packaged-app and browser tests alternating
class FirstStartIT {

    private static final Pattern GENERATED_PASSWORD =
            Pattern.compile("created the user 'admin' with the generated password\\s+(\\S+)");

    PackagedApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theJarOnItsDefaultsInAnEmptyFolderStartsRunsASweepAndKeepsEverythingAcrossARestart() throws Exception {
        Path folder = Files.createTempDirectory("chimera-newcomer");
        app = PackagedApp.asNewcomer("first-start", folder);

        Matcher generated = GENERATED_PASSWORD.matcher(app.log());
        assertThat(generated.find()).as("the first start prints the admin's generated password").isTrue();
        String password = generated.group(1);
        AdminHttp admin = app.as("admin", password);
        assertThat(admin.status("/api/sweeps")).as("the printed password logs in").isEqualTo(200);
        assertThat(app.as("admin", password + "x").status("/api/sweeps")).as("and only it").isEqualTo(401);
        assertThat(Files.exists(folder.resolve("data/chimera-bench.mv.db")))
                .as("the database lives in ./data of the folder it was started in").isTrue();

        JsonNode example = admin.post("/api/examples/chimeraforge", "");
        assertThat(example.get("sweepIds")).as("the published example loads").hasSize(2);
        assertThat(admin.get("/api/sweeps/" + example.at("/sweepIds/0").asLong() + "/analysis").at("/verdict/sentence")
                .asText()).isNotBlank();

        long id = admin.post("/api/sweeps", """
                {"name":"first sweep","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096]},"repetitions":1,"warmups":0,"maxTokens":8}""").get("id").asLong();
        admin.post("/api/sweeps/" + id + "/start", "");
        PackagedApp.await(() -> "FINISHED".equals(admin.get("/api/sweeps/" + id).get("status").asText()), 120);
        assertThat(admin.get("/api/sweeps/" + id + "/calls")).as("2 configurations × 2 arms, stored").hasSize(4);

        admin.post("/api/users", """
                {"username":"stakeholder","password":"a long enough password","role":"VIEWER"}""");
        String shareUrl = admin.post("/api/sweeps/" + id + "/shares", "{}").get("url").asText();
        assertThat(app.as("x", "y").anonymousStatus(shareUrl)).as("the share link opens without login")
                .isEqualTo(200);
        Snapshot before = Snapshot.of(admin);

        app.process().destroy(); // SIGTERM, as a service manager or Ctrl+C stops it
        assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("a graceful stop within a minute").isTrue();
        app = PackagedApp.asNewcomer("first-start-again", folder);

        assertThat(app.log()).as("the second start creates no admin").doesNotContain("First start");
        AdminHttp again = app.as("admin", password);
        assertThat(Snapshot.of(again)).as("every sweep, call, user and share link kept").isEqualTo(before);
        assertThat(app.as("stakeholder", "a long enough password").status("/api/sweeps"))
                .as("the user made before the restart logs in").isEqualTo(200);
        assertThat(again.anonymousStatus(shareUrl)).as("the share link still opens").isEqualTo(200);
    }

    /** What a restart must keep: sweeps with their status and calls, users, share links. */
    record Snapshot(TreeMap<Long, String> sweeps, TreeMap<Long, List<Long>> calls, List<String> users,
                    List<String> shares) {

        static Snapshot of(AdminHttp api) throws Exception {
            TreeMap<Long, String> sweeps = new TreeMap<>();
            TreeMap<Long, List<Long>> calls = new TreeMap<>();
            for (JsonNode sweep : api.get("/api/sweeps")) {
                long id = sweep.get("id").asLong();
                sweeps.put(id, sweep.get("name").asText() + " " + sweep.get("status").asText());
                List<Long> ids = new ArrayList<>();
                api.get("/api/sweeps/" + id + "/calls").forEach(call -> ids.add(call.get("id").asLong()));
                calls.put(id, ids);
            }
            List<String> users = new ArrayList<>();
            api.get("/api/users").forEach(user -> users.add(user.get("username").asText() + " "
                    + user.get("role").asText()));
            List<String> shares = new ArrayList<>();
            api.get("/api/shares").forEach(share -> shares.add(share.get("id").asText()));
            assertThat(users).as("one admin").filteredOn(user -> user.endsWith(" ADMIN")).hasSize(1);
            return new Snapshot(sweeps, calls, users, shares);
        }
    }
}
