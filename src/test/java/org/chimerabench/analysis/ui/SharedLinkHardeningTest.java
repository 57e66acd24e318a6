package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import org.chimerabench.base.Role;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.security.UserService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 25, share links: a stranger sees no infrastructure (endpoint URL, host and pid; the shared report:
 * exchange.SharedReportTest), an open page reads nothing more once its link is revoked, and a link stops with its
 * creator's account.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class SharedLinkHardeningTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ShareLinkService shares;
    @Autowired
    UserService users;

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void strangersSeeNoInfrastructureAndARevokedPageReadsNothingMore() throws Exception {
        long id = finishedSweep();
        ShareLinkService.Created link = shares.create(id, null, null);
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps/" + id);
        String signedIn = _get(ResultsHeader.class).getElement().getTextRecursively();
        assertThat(signedIn).as("the team sees where it ran").contains("Host: http://127.0.0.1:").contains(" · pid ");

        UI.getCurrent().navigate(link.url().substring(1));
        String shared = _get(ResultsHeader.class).getElement().getTextRecursively();
        assertThat(shared).doesNotContain("Host:").doesNotContain("127.0.0.1").doesNotContain("pid")
                .contains("Model: llama3.2-sim:3b");

        _get(SharedResultsView.class).showDetails();
        shares.revoke(link.id());
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_find(ListItem.class,
                spec -> spec.withClasses("ranking-row")).get(0));
        assertThat(_find(ConfigurationDetailDialog.class)).as("no calls read through a revoked link").isEmpty();
        NotificationsKt.expectNotifications("This link was revoked or has expired: nothing more is shown.");
    }

    @Test
    void aLinkStopsWhenItsCreatorIsDisabled() throws Exception {
        long id = finishedSweep();
        long sharer = SignedIn.asAdmin(context, () -> users.create("sharer", "a-long-test-password",
                Role.OPERATOR).id());
        ShareLinkService.Created link = SignedIn.asOperator(context, "sharer", () -> shares.create(id, null, null));
        String token = link.url().substring("/shared/".length());
        assertThat(shares.open(token)).isPresent();
        SignedIn.asAdmin(context, () -> users.update(sharer, null, false, null));
        assertThat(shares.open(token)).as("the disabled creator's link").isEmpty();
        SignedIn.asAdmin(context, () -> users.update(sharer, null, true, null));
        assertThat(shares.open(token)).as("enabled again").isPresent();
    }

    private long finishedSweep() throws Exception {
        return new RestSweeps(mvc, json).finishedOnSimulator("to share");
    }
}
