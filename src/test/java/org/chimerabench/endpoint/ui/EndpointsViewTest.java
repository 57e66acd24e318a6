package org.chimerabench.endpoint.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The Endpoints view without a browser: list, add with validation, and a dead server that never blocks the page. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class EndpointsViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EndpointService endpoints;

    @BeforeEach
    void open() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void listsTheSimulatorAndAddsAnEndpoint() {
        UI.getCurrent().navigate("endpoints");
        EndpointsView view = _get(EndpointsView.class);
        awaitRow(view, "Built-in simulator", "● up", 10_000);
        assertThat(String.join(" ", row(view, "Built-in simulator"))).contains("gemma3-sim:4b");

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Add endpoint")));
        EndpointDialog dialog = _get(EndpointDialog.class);
        dialog.name.setValue("lab-3");
        dialog.baseUrl.setValue("gopher://lab-3");
        assertThat(dialog.baseUrl.isInvalid()).isTrue();
        assertThat(dialog.baseUrl.getErrorMessage()).isEqualTo("The URL must start with http:// or https://");
        ButtonKt._click(dialog.save);
        assertThat(endpoints.list()).noneMatch(v -> v.name().equals("lab-3"));

        dialog.baseUrl.setValue("http://127.0.0.1:9");
        ButtonKt._click(dialog.save);
        assertThat(endpoints.list()).anyMatch(v -> v.name().equals("lab-3"));
        assertThat(rowNames(view)).contains("lab-3");
        endpoints.list().stream().filter(v -> v.name().equals("lab-3")).forEach(v -> endpoints.remove(v.id()));
    }

    @Test
    void anUnreachableEndpointShowsDownWithinTheTimeoutWhileThePageStaysResponsive() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // accepts TCP connections (in the backlog) but never answers: the slowest kind of dead server
            endpoints.add("silent-box", "http://127.0.0.1:" + silent.getLocalPort(), null);
            long start = System.nanoTime();
            UI.getCurrent().navigate("endpoints");
            EndpointsView view = _get(EndpointsView.class);
            double openMs = (System.nanoTime() - start) / 1e6;
            assertThat(openMs).as("the page opens without waiting for the server").isLessThan(1000);
            assertThat(row(view, "silent-box")).contains("checking…");

            long timeoutMs = endpoints.probeTimeout().toMillis();
            double[] slowestPoll = {0};
            awaitRow(view, "silent-box", "● down", 2 * timeoutMs + 1500, slowestPoll);
            assertThat(slowestPoll[0]).as("each refresh of the page is instant").isLessThan(200);
            EndpointView down = endpoints.list().stream().filter(v -> v.name().equals("silent-box")).findFirst()
                    .orElseThrow();
            assertThat(down.error()).contains("No complete answer from");
            endpoints.remove(down.id());
        }
    }

    private static void awaitRow(EndpointsView view, String name, String status, long millis) {
        awaitRow(view, name, status, millis, new double[1]);
    }

    /** Fires the UI's poll (as the browser does every 2 s) until the row shows the status. */
    private static void awaitRow(EndpointsView view, String name, String status, long millis, double[] slowestPoll) {
        try {
            await().atMost(Duration.ofMillis(millis)).pollInterval(Duration.ofMillis(50)).pollInSameThread().until(() -> {
                long start = System.nanoTime();
                ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
                slowestPoll[0] = Math.max(slowestPoll[0], (System.nanoTime() - start) / 1e6);
                return String.join(" ", row(view, name)).contains(status);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " did not show " + status + " within " + millis + " ms: "
                    + row(view, name), e);
        }
    }

    private static List<String> row(EndpointsView view, String name) {
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            EndpointView item = GridKt._get(view.grid, i);
            if (item.name().equals(name)) {
                return List.of(item.name(), EndpointsView.status(item).getText(), String.valueOf(
                        item.models().stream().map(m -> m.name()).toList()));
            }
        }
        return List.of();
    }

    private static List<String> rowNames(EndpointsView view) {
        return IntStream.range(0, GridKt._size(view.grid))
                .mapToObj(i -> GridKt._get(view.grid, i).name()).toList();
    }

    @Test
    void loadedModelsShowTheirVramAndTheCheckItsTime() {
        var now = java.time.OffsetDateTime.now();
        var view = new org.chimerabench.endpoint.EndpointView(1, "gpu-1", "http://gpu-1:11434", null, false, true,
                "0.12.6", List.of(), List.of(new org.chimerabench.endpoint.EndpointStatus.LoadedModelSummary(
                "llama3.2:3b", 2_300_000_000L, 1_900_000_000L, 82.6)), now, null, java.util.Map.of());
        assertThat(EndpointsView.loaded(view)).isEqualTo("llama3.2:3b (1.9 GB VRAM, 83 % on GPU)");
        assertThat(EndpointsView.checked(view)).matches("\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void eachInstalledModelLinksToTheTuneViewWithEndpointAndModelChosen() {
        EndpointView view = endpoints.list().stream().filter(v -> v.name().equals("Built-in simulator")).findFirst()
                .orElseThrow();
        List<com.vaadin.flow.component.html.Anchor> links = EndpointsView.models(view).getChildren()
                .filter(c -> c instanceof com.vaadin.flow.component.html.Anchor)
                .map(c -> (com.vaadin.flow.component.html.Anchor) c).toList();
        assertThat(links).hasSize(view.models().size()).isNotEmpty();
        com.vaadin.flow.router.Location link = new com.vaadin.flow.router.Location(links.get(0).getHref());
        assertThat(link.getPath()).isEqualTo("tune");
        assertThat(link.getQueryParameters().getParameters()).containsEntry("endpoint", List.of("Built-in simulator"))
                .containsEntry("model", List.of(view.models().get(0).name()));
        assertThat(links.get(0).getText()).isEqualTo(view.models().get(0).name());
    }
}
