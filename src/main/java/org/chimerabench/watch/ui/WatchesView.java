package org.chimerabench.watch.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.watch.WatchService;
import org.chimerabench.watch.WatchSummary;

/**
 * The team's watched settings, each with its last outcome first; operators add one from a finished sweep's
 * configuration or a tuning ({@code watches/new?sweep=…&configuration=…}, or {@code ?tuning=…}).
 */
@PermitAll
@Route("watches")
@PageTitle("Watch · Chimera Bench")
@Menu(order = 16, icon = "vaadin:eye", title = "Watch")
class WatchesView extends Div implements BeforeEnterObserver {

    private final WatchService watches;
    final WatchForm form;
    final UnorderedList list = new UnorderedList();

    WatchesView(WatchService watches, AuthenticationContext authentication) {
        this.watches = watches;
        this.form = new WatchForm(watches, id -> getUI().ifPresent(ui -> ui.navigate("watches/" + id)));
        addClassName("watches-view");
        getStyle().set("max-width", "64rem").set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box");
        list.addClassName("watch-list");
        add(new ViewToolbar("Watch your settings"), new Paragraph("A watched setting is re-checked on its schedule and"
                + " whenever Ollama's version or the model changes: the watched options and Ollama's defaults,"
                + " interleaved, judged against the reference by the verdict rule. A regression names what changed"
                + " before it and is sent to the team's webhooks and subscribers."), list);
        if (authentication.hasRole(Role.OPERATOR.name())) {
            add(form); // courtesy: the service checks the role
        }
        show();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.prefill(first(parameters.get("sweep")), first(parameters.get("configuration")),
                first(parameters.get("tuning")));
    }

    void show() {
        list.removeAll();
        var all = watches.list();
        if (all.isEmpty()) {
            list.add(new ListItem("Nothing watched yet. Watch a configuration of a finished sweep below, or a tuning's"
                    + " answer from its page."));
        }
        for (WatchSummary w : all) {
            ListItem item = new ListItem(new Anchor("watches/" + w.id(), w.model() + " on " + w.endpoint()),
                    new Span(" — " + WatchTexts.options(w.options()) + ": " + WatchTexts.outcome(w.outcome())
                            + (w.deltaPct() == null ? "" : " (" + Numbers.signedPct(w.deltaPct(), 1) + ", "
                            + Numbers.dateTime(w.lastCheckAt()) + ")") + (w.checking() ? "; a check is running" : "")));
            item.getStyle().set("color", WatchTexts.colour(w.outcome()));
            list.add(item);
        }
    }

    private static String first(java.util.List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
