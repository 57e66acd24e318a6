package org.chimerabench.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.upload.Upload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.execution.ui.LiveMonitor;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.AsOperator;
import org.chimerabench.support.AsViewer;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.support.SeedSweeps;
import org.chimerabench.support.SignedIn;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * What each role sees (courtesy only — the services refuse on their own, see StateChangeAuthorizationTest): a viewer
 * gets no New sweep, no import, no endpoint editing; an operator gets sweeps and imports; only an admin gets Users
 * and endpoint editing.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
class RoleViewsTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void signIn() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    @AsViewer
    void aViewerSeesNoShareDeleteOrDuplicateOnAResultsPage() {
        long imported = outsideTheUi(() -> SignedIn.asAdmin(context, () -> SeedSweeps.importSummaryCsv(context).rust()));
        UI.getCurrent().navigate("sweeps/" + imported);
        assertThat(_find(Button.class, spec -> spec.withClasses("delete-sweep"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("share-sweep"))).isEmpty();
    }

    @Test
    @AsOperator
    void anOperatorSharesAnyResultsButDeletesOnlyOwnSweeps() {
        long admins = outsideTheUi(() -> SignedIn.asAdmin(context, () -> SeedSweeps.importSummaryCsv(context).rust()));
        long own = SeedSweeps.importFiles(context, "mine", Map.of("a.json", SeedFiles.read(SeedFiles.rustMetrics()
                .get(0)))).get(0);
        UI.getCurrent().navigate("sweeps/" + admins);
        assertThat(_find(Button.class, spec -> spec.withClasses("share-sweep"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withClasses("delete-sweep"))).as("not theirs").isEmpty();
        UI.getCurrent().navigate("sweeps/" + own);
        assertThat(_find(Button.class, spec -> spec.withClasses("delete-sweep"))).as("their own").hasSize(1);
    }

    @Test
    @AsViewer
    void aViewerWatchesARunningSweepWithoutCancel() throws Exception {
        assertThat(cancelButtonsOnARunningSweep(true)).as("no Cancel for a viewer").isZero();
    }

    @Test
    @AsOperator
    void anOperatorCancelsTheirOwnRunningSweepButNotAnothers() throws Exception {
        assertThat(cancelButtonsOnARunningSweep(false)).as("their own").isEqualTo(1);
        assertThat(cancelButtonsOnARunningSweep(true)).as("an admin's (issue 25: the service refuses it too)")
                .isZero();
    }

    /** Opens the page of a sweep that stays running (its endpoint answers after 30 s); counts visible Cancels. */
    private long cancelButtonsOnARunningSweep(boolean admins) throws Exception {
        try (FakeOllama slow = FakeOllama.start()) {
            slow.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").after(Duration.ofSeconds(30))
                    .chunk("late").done());
            String endpoint = "slow-" + System.nanoTime();
            outsideTheUi(() -> SignedIn.asAdmin(context, () -> context.getBean(EndpointService.class).add(endpoint,
                    slow.baseUrl(), null).id()));
            java.util.function.Supplier<Long> createAndStart = () -> {
                long id = context.getBean(SweepService.class).create(new SweepDefinition("watched", null,
                        List.of(endpoint), "m", new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null),
                        Map.<String, Object>of("temperature", List.of(0.5)), null, null, null, null, null, null, null,
                        null, 4, null, null));
                context.getBean(SweepStarter.class).start(id);
                return id;
            };
            long running = outsideTheUi(() -> admins ? SignedIn.asAdmin(context, createAndStart)
                    : SignedIn.asOperator(context, "operator", createAndStart));
            try {
                UI.getCurrent().navigate("sweeps/" + running);
                assertThat(_find(LiveMonitor.class)).as("the live monitor").hasSize(1);
                return _find(Button.class, spec -> spec.withText("Cancel sweep")).size();
            } finally {
                outsideTheUi(() -> SignedIn.asAdmin(context, () -> {
                    context.getBean(ExecutionService.class).cancel(running);
                    return running;
                }));
            }
        }
    }

    @Test
    @AsOperator
    void anOperatorRevokesOwnShareLinksUnderMyAccount() {
        long sweep = outsideTheUi(() -> SignedIn.asAdmin(context, () -> SeedSweeps.importSummaryCsv(context).rust()));
        ShareLinkService shares = context.getBean(ShareLinkService.class);
        String token = shares.create(sweep, null, 30).url().substring("/shared/".length());
        UI.getCurrent().navigate("account");
        AccountView account = _get(AccountView.class);
        assertThat(account.shareGrid.getGenericDataView().getItems().toList()).hasSize(1);
        ButtonKt._click((Button) GridKt._getCellComponent(account.shareGrid, 0, "revoke"));
        assertThat(account.shareGrid.getGenericDataView().getItems().toList()).isEmpty();
        assertThat(shares.open(token)).as("revoked: the link opens nothing").isEmpty();
    }

    @Test
    @AsViewer
    void aViewerReadsButChangesNothing() {
        UI.getCurrent().navigate("sweeps");
        assertThat(menu()).contains("Dashboard", "Sweeps", "Compare", "Endpoints", "My account")
                .doesNotContain("New sweep", "Users", "Audit log");
        assertThat(_find(Upload.class)).as("no import").isEmpty();
        UI.getCurrent().navigate("endpoints");
        assertThat(_find(Button.class, spec -> spec.withClasses("add-endpoint"))).isEmpty();
        assertDenied("sweeps/new");
        assertDenied("users");
    }

    @Test
    @AsOperator
    void anOperatorRunsSweepsButDoesNotAdminister() {
        UI.getCurrent().navigate("sweeps");
        assertThat(menu()).contains("New sweep").doesNotContain("Users", "Audit log");
        assertThat(_find(Upload.class)).as("import").hasSize(1);
        UI.getCurrent().navigate("endpoints");
        assertThat(_find(Button.class, spec -> spec.withClasses("add-endpoint"))).isEmpty();
        assertDenied("users");
    }

    @Test
    @AsAdmin
    void onlyAnAdminSeesUsersAndEditsEndpoints() {
        UI.getCurrent().navigate("endpoints");
        assertThat(menu()).contains("New sweep", "Users", "Audit log");
        assertThat(_find(Button.class, spec -> spec.withClasses("add-endpoint"))).hasSize(1);
        UI.getCurrent().navigate("users");
        UsersView users = _get(UsersView.class);
        assertThat(users.grid.getGenericDataView().getItems().map(u -> u.username()).toList()).contains("admin");
    }

    /** Vaadin refuses the navigation (in the browser: the access-denied page instead of the view). */
    private static void assertDenied(String route) {
        UI.getCurrent().navigate(route);
        assertThatThrownBy(() -> _find(Button.class)).as(route).hasMessageContaining(route)
                .hasMessageContaining("AccessDeniedException");
    }

    /** Test data made by someone else: outside the mocked UI, whose session holds the test's own user. */
    private long outsideTheUi(Supplier<Long> work) {
        KaribuViews.tearDown();
        try {
            return work.get();
        } finally {
            KaribuViews.setUp(context);
        }
    }

    private static List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
