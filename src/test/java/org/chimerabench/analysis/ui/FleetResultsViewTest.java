package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import org.chimerabench.base.ui.StatCard;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.FleetSweep;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The results page of a fleet sweep: a per-endpoint breakdown, and a filter that shows one endpoint's verdict. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class FleetResultsViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void breakdownAndFilterByEndpoint() throws Exception {
        try (FleetSweep fleet = new FleetSweep(mvc, json, endpoints, "rack")) {
            new RestSweeps(mvc, json).awaitStatus(fleet.id, "FINISHED", 60);
            KaribuViews.setUp(context);
            UI.getCurrent().navigate("sweeps/" + fleet.id);
            ResultsPage.complete();
            EndpointBreakdown breakdown = _get(EndpointBreakdown.class);
            assertThat(GridKt._size(breakdown)).isEqualTo(2);
            assertThat(GridKt._getFormattedRow(breakdown, 0).get(1)).isEqualTo("2");
            assertThat(GridKt._getFormattedRow(breakdown, 1).get(1)).isEqualTo("2");
            assertThat(card("kpi-success-rate").detail()).contains("of 4 configurations faster");

            @SuppressWarnings("unchecked")
            Select<String> filter = _get(Select.class, spec -> spec.withClasses("endpoint-filter"));
            assertThat(filter.getListDataView().getItems()).containsExactly(EndpointFilter.ALL, "rack-a", "rack-b");
            filter.setValue("rack-b");
            ResultsPage.complete();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                    .isEqualTo("sweeps/" + fleet.id + "?endpoint=rack-b");
            assertThat(card("kpi-success-rate").detail()).contains("of 2 configurations faster");
            assertThat(_find(EndpointBreakdown.class)).as("breakdown only over all calls").isEmpty();
        }
    }

    private static StatCard card(String className) {
        return _get(StatCard.class, spec -> spec.withClasses(className));
    }
}
