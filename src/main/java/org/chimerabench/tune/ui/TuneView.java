package org.chimerabench.tune.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.tune.TuningReport;
import org.chimerabench.tune.TuningService;

/**
 * "Find the best options for this model on this server": the form (operators; the service checks the role) and the
 * tunings so far, newest first. Reached from the menu, and from the endpoints page with {@code ?endpoint=…&model=…}.
 */
@PermitAll
@Route("tune")
@PageTitle("Tune · Chimera Bench")
@Menu(order = 15, icon = "vaadin:magic", title = "Tune")
class TuneView extends VerticalLayout implements BeforeEnterObserver {

    final TuneForm form;

    TuneView(TuningService tunings, EndpointService endpoints, AuthenticationContext authentication) {
        addClassName("tune-view");
        setMaxWidth("64rem");
        add(new ViewToolbar("Tune a model"));
        add(new Paragraph("Chimera Bench proposes which options are worth trying for the model on this server, races"
                + " them, refines around the leader, and confirms the winner against Ollama's defaults with fresh"
                + " repetitions — so the gain it reports is not the lucky best of many."));
        form = new TuneForm(tunings, endpoints, authentication.hasRole(Role.OPERATOR.name()));
        add(form);
        List<TuningReport> all = tunings.list();
        Div list = new Div();
        list.addClassName("tuning-list");
        if (all.isEmpty()) {
            list.add(new Paragraph("No tuning yet."));
        }
        for (TuningReport tuning : all) {
            Div row = new Div(new RouterLink(tuning.model() + " on " + tuning.endpoint() + " — "
                    + tuning.objectiveLabel(), TuningView.class, tuning.id()),
                    new com.vaadin.flow.component.html.Span(" · " + tuning.statusLabel()
                            + (tuning.answer() == null ? "" : " · " + AnswerCard.headline(tuning))));
            row.addClassName("tuning-row");
            list.add(row);
        }
        add(list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.preselect(parameters.getOrDefault("endpoint", List.of()).stream().findFirst().orElse(null),
                parameters.getOrDefault("model", List.of()).stream().findFirst().orElse(null));
    }
}
