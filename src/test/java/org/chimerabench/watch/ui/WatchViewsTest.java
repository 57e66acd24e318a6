package org.chimerabench.watch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.Role;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.security.UserService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AsViewer;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.SignedIn;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.watch.WatchReport;
import org.chimerabench.watch.WatchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The Watch pages without a browser: an operator watches a finished configuration from the form (a wrong schedule
 * said at its field, nothing stored), lands on the watch's page, which says first that it is not checked yet, runs a
 * check and reads its verdict in words — no enum constant, no NaN — with the timeline and the raw calls' links.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
class WatchViewsTest {

    static final OllamaSimulator BOX = OllamaSimulator.start(0, 9, 0.01);
    static final String OPERATOR = "watch-view-operator";

    @Autowired
    ApplicationContext context;
    @Autowired
    WatchService watches;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepStarter starter;
    @Autowired
    UserService users;

    @BeforeEach
    void setUp() {
        if (endpoints.findByName("watch-view-box").isEmpty()) {
            SignedIn.asAdmin(context, () -> endpoints.add("watch-view-box", BOX.baseUrl(), null));
        }
        if (users.find(OPERATOR).isEmpty()) { // a watch's checks run as its owner, who must exist
            SignedIn.asAdmin(context, () -> users.create(OPERATOR, "a-long-enough-password", Role.OPERATOR));
        }
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @AfterAll
    static void stopBox() {
        BOX.close();
    }

    @Test
    @WithMockUser(username = OPERATOR, roles = {"OPERATOR", "VIEWER"})
    void anOperatorWatchesAConfigurationAndReadsTheVerdictFirst() {
        long sweepId = sweeps.create(new SweepDefinition("watch view reference", null, List.of("watch-view-box"),
                "llama3.2-sim:3b", new SweepDefinition.Workload("SINGLE_PROMPT", "Explain GPU offloading.", null),
                Map.of("num_ctx", List.of(2048)), null, null, 6, 1, false, null, null, true, 32, null, true));
        starter.start(sweepId);
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .until(() -> sweeps.find(sweepId).orElseThrow().status() == SweepStatus.FINISHED);
        long configurationId = sweeps.configurationOptions(sweepId).keySet().iterator().next();

        UI.getCurrent().navigate("watches", QueryParameters.simple(Map.of("sweep", Long.toString(sweepId),
                "configuration", Long.toString(configurationId))));
        WatchForm form = _get(WatchForm.class);
        assertThat(form.sweep.getValue()).isEqualTo((int) sweepId);
        int before = watches.list().size();
        form.cron.setValue("every day");
        ButtonKt._click(form.watch);
        assertThat(form.cron.isInvalid()).isTrue();
        assertThat(form.cron.getErrorMessage()).startsWith("Not a cron schedule");
        assertThat(watches.list()).as("a wrong field stores nothing").hasSize(before);

        form.cron.setValue("0 4 * * 1");
        ButtonKt._click(form.watch);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("watches/");
        long id = Long.parseLong(path.substring("watches/".length()));
        assertThat(_get(H2.class, spec -> spec.withClasses("watch-headline")).getText())
                .startsWith("Not checked yet: the first check runs on its schedule (0 4 * * 1)");

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Check now")));
        WatchReport report = await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(300)).until(() -> watches.report(id).orElseThrow(),
                        r -> r.checks().size() == 1 && r.checks().get(0).status().equals("DONE"));
        _get(WatchView.class).refresh();
        String headline = _get(H2.class, spec -> spec.withClasses("watch-headline")).getText();
        assertThat(headline).as(report.checks().toString()).matches("(Unchanged|Inconclusive|Regressed|Improved): .*")
                .doesNotContain("NaN").doesNotContain("UNCHANGED").doesNotContain("INCONCLUSIVE");
        List<String> checks = _find(ListItem.class).stream().map(li -> li.getElement().getTextRecursively())
                .filter(t -> t.contains("Check ")).toList();
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0)).contains("decode tok/s (95 % CI ").contains("asked by " + OPERATOR);
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).as("both checks' raw calls")
                .contains("sweeps/" + sweepId, "sweeps/" + report.checks().get(0).sweepId());
        List<WatchTimelineChart> charts = _find(WatchTimelineChart.class);
        assertThat(charts).as("decode tok/s and TTFT, each on its own scale").hasSize(2);
        assertThat(charts.get(0).getOptions().xaxis().categories()).hasSize(2).first().isEqualTo("reference");
        assertThat(charts.get(0).getOptions().yaxis().title().text()).startsWith("Decode tok/s");
        assertThat(charts.get(1).getOptions().yaxis().title().text()).startsWith("TTFT");
    }

    @Test
    @AsViewer
    void aViewerReadsTheWatchesButGetsNoForm() {
        UI.getCurrent().navigate("watches");
        assertThat(_find(WatchForm.class)).isEmpty();
        assertThat(_get(WatchesView.class).list.getElement().getTextRecursively()).isNotBlank();
    }
}
