package org.chimerabench.notify.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import java.util.Set;
import org.chimerabench.notify.NoticeKind;
import org.chimerabench.notify.SubscriptionService;
import org.chimerabench.support.KaribuViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;

/** A user's own e-mail alerts: a wrong address said at the field and nothing changed; saved ones read back. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@WithMockUser(username = "subscribing-viewer", roles = "VIEWER")
class SubscriptionsViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SubscriptionService subscriptions;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void aViewerSubscribesToRegressionsAndHerOwnSweeps() {
        UI.getCurrent().navigate("subscriptions");
        SubscriptionsView view = _get(SubscriptionsView.class);
        assertThat(view.state.getText()).as("no mail server in the tests' configuration")
                .startsWith("No mail server is configured");
        view.events.setValue(Set.of(NoticeKind.REGRESSION, NoticeKind.MY_SWEEP_ENDED));
        view.email.setValue("not an address");
        ButtonKt._click(view.save);
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).contains("ana@example.com");
        assertThat(subscriptions.mine().events()).as("nothing changed").isEmpty();

        view.email.setValue("viewer@example.com");
        ButtonKt._click(view.save);
        assertThat(subscriptions.mine().events()).containsExactlyInAnyOrder(NoticeKind.REGRESSION,
                NoticeKind.MY_SWEEP_ENDED);
        UI.getCurrent().navigate("subscriptions");
        SubscriptionsView again = _get(SubscriptionsView.class);
        assertThat(again.email.getValue()).isEqualTo("viewer@example.com");
        assertThat(again.events.getValue()).containsExactlyInAnyOrder(NoticeKind.REGRESSION,
                NoticeKind.MY_SWEEP_ENDED);
    }
}
