package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** For a fleet sweep: show the verdict of all calls or of one endpoint's calls (kept in the URL, shareable). */
class EndpointFilter extends Composite<Div> {

    static final String ALL = "All endpoints";

    EndpointFilter(long sweepId, List<String> endpoints, String selected) {
        List<String> items = new ArrayList<>();
        items.add(ALL);
        items.addAll(endpoints);
        Select<String> select = new Select<>();
        select.setLabel("Calls of");
        select.setItems(items);
        select.setValue(selected == null ? ALL : selected);
        select.addClassName("endpoint-filter");
        select.addValueChangeListener(e -> getUI().ifPresent(ui -> ui.navigate("sweeps/" + sweepId,
                ALL.equals(e.getValue()) ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of("endpoint", e.getValue())))));
        getContent().add(select);
    }
}
