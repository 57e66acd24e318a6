package org.chimerabench.tune.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.List;
import org.chimerabench.support.AsViewer;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.tune.TuningReport;
import org.chimerabench.tune.TuningService;
import org.chimerabench.base.Role;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.security.UserService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.SignedIn;
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
 * The Tune view and the answer card without a browser: reached with the endpoint and model preselected (as the
 * endpoints page links it), a wrong field said at the field with nothing stored, then a tuning on the built-in
 * simulator to its answer card — the confirmed gain with its interval first, the Modelfile and API JSON with copy
 * buttons, the stages as links to their sweeps.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
class TuneViewTest {

    /** An endpoint of its own, so the tuning never moves the built-in simulator under other tests. */
    static final OllamaSimulator BOX = OllamaSimulator.start(0, 5, 0.02);

    @Autowired
    ApplicationContext context;
    @Autowired
    TuningService tunings;
    @Autowired
    EndpointService endpoints;
    @Autowired
    UserService users;

    @BeforeEach
    void setUp() {
        if (endpoints.findByName("tune-view-box").isEmpty()) {
            SignedIn.asAdmin(context, () -> endpoints.add("tune-view-box", BOX.baseUrl(), null));
        }
        if (users.find("tune-view-operator").isEmpty()) { // a tuning runs as its owner, who must exist
            SignedIn.asAdmin(context, () -> users.create("tune-view-operator", "a-long-enough-password",
                    Role.OPERATOR));
        }
        KaribuViews.setUp(context);
    }

    @AfterAll
    static void stopBox() {
        BOX.close();
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    @WithMockUser(username = "tune-view-operator", roles = {"OPERATOR", "VIEWER"})
    void anOperatorTunesAModelAndReadsTheAnswerFirst() {
        UI.getCurrent().navigate("tune", QueryParameters.simple(java.util.Map.of("endpoint", "tune-view-box",
                "model", "llama3.2-sim:3b")));
        TuneForm form = _get(TuneForm.class);
        assertThat(form.endpoint.getValue()).isEqualTo("tune-view-box");
        assertThat(form.model.getValue()).isEqualTo("llama3.2-sim:3b");
        int before = tunings.list().size();

        form.budget.setValue(10);
        ButtonKt._click(form.start);
        assertThat(form.budget.isInvalid()).isTrue();
        assertThat(form.budget.getErrorMessage()).contains("50–100000");
        assertThat(tunings.list()).as("a wrong field stores nothing").hasSize(before);

        form.budget.setValue(400);
        form.minContext.setValue(2048);
        ButtonKt._click(form.start);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("tunings/");
        long id = Long.parseLong(path.substring("tunings/".length()));
        TuningReport done = await().atMost(Duration.ofMinutes(2)).pollInSameThread()
                .pollInterval(Duration.ofMillis(300)).until(() -> tunings.report(id).orElseThrow(),
                        r -> !List.of("QUEUED", "RUNNING").contains(r.status()));
        assertThat(done.status()).as(done.message()).isEqualTo("FINISHED");

        _get(TuningView.class).refresh();
        AnswerCard card = _get(AnswerCard.class);
        String headline = _get(card, H2.class, spec -> spec.withClasses("answer-headline")).getText();
        assertThat(headline).as("a figure keeps its unit on its line").doesNotContainPattern("\\d %");
        headline = headline.replace('\u00a0', ' ');
        assertThat(headline).startsWith("Throughput ").contains("against Ollama's defaults (95 % CI ")
                .doesNotContain("NaN").doesNotContain("BETTER").doesNotContain("INCONCLUSIVE");
        List<Pre> blocks = _find(card, Pre.class);
        assertThat(blocks.get(0).getText()).startsWith("FROM llama3.2-sim:3b\nPARAMETER num_ctx ");
        assertThat(blocks.get(1).getText()).startsWith("{\n  \"num_ctx\": ");
        ButtonKt._click(_get(card, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withClasses("copy-modelfile")));
        NotificationsKt.expectNotifications("Modelfile copied");
        List<String> stageLinks = _find(Anchor.class).stream().map(Anchor::getHref)
                .filter(h -> h.startsWith("sweeps/")).toList();
        assertThat(stageLinks).as("each stage is a sweep to open").hasSizeGreaterThanOrEqualTo(done.stages().size());
    }

    @Test
    @AsViewer
    void aViewerSeesNoStartButton() {
        UI.getCurrent().navigate("tune");
        assertThat(_get(TuneForm.class).start.isVisible()).isFalse();
    }
}
