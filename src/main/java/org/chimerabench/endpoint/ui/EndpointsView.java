package org.chimerabench.endpoint.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointValidationException;
import org.chimerabench.endpoint.EndpointView;

/**
 * Registered Ollama endpoints with reachability, version, installed and loaded models. Statuses are checked in
 * the background; the view re-reads them every 2 s (it never waits on a server).
 */
@PermitAll
@Route("endpoints")
@PageTitle("Endpoints · Chimera Bench")
@Menu(order = 20, icon = "vaadin:server", title = "Endpoints")
class EndpointsView extends VerticalLayout {

    static final int POLL_MILLIS = 2000;

    private final EndpointService endpoints;
    private final boolean administrator;
    final Grid<EndpointView> grid = new Grid<>();
    private Registration polling;

    EndpointsView(EndpointService endpoints, AuthenticationContext authentication) {
        this.endpoints = endpoints;
        // courtesy: EndpointService checks the role itself
        this.administrator = authentication.hasRole(Role.ADMIN.name());
        addClassName("endpoints-view");
        setSizeFull();
        Button add = new Button("Add endpoint", VaadinIcon.PLUS.create(), e -> new EndpointDialog(endpoints, null,
                this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("add-endpoint");
        Button refresh = new Button("Check now", VaadinIcon.REFRESH.create(), e -> {
            endpoints.refreshAll();
            refresh();
        });
        add(administrator ? new ViewToolbar("Endpoints", refresh, add) : new ViewToolbar("Endpoints", refresh),
                configureGrid());
        refresh();
    }

    private Grid<EndpointView> configureGrid() {
        grid.addClassName("endpoints-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addComponentColumn(EndpointsView::name).setHeader("Name").setWidth("13rem").setFlexGrow(0);
        grid.addColumn(EndpointView::baseUrl).setHeader("Base URL").setWidth("14rem").setFlexGrow(1);
        grid.addComponentColumn(EndpointsView::status).setHeader("Status").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(EndpointsView::checked).setHeader("Last checked").setWidth("8rem").setFlexGrow(0)
                .setTooltipGenerator(v -> v.checkedAt() == null ? "" : v.checkedAt().toString());
        grid.addColumn(v -> v.version() == null ? "—" : v.version()).setHeader("Ollama").setWidth("10rem")
                .setFlexGrow(0);
        grid.addComponentColumn(EndpointsView::models).setKey("models").setHeader("Installed models (tune one)").setFlexGrow(2)
                .setClassNameGenerator(v -> "model-cell");
        grid.addColumn(EndpointsView::loaded).setHeader("Loaded (VRAM)").setFlexGrow(1)
                .setClassNameGenerator(v -> "model-cell");
        grid.addComponentColumn(this::actions).setHeader("").setWidth("7rem").setFlexGrow(0);
        return grid;
    }

    private static Div name(EndpointView v) {
        Div name = new Div(new Span(v.name()));
        if (v.simulated()) {
            Span badge = new Span("simulated");
            badge.addClassNames("tag", "tag-simulated");
            name.add(new Span(" "), badge);
        }
        if (v.notes() != null) {
            name.setTitle(v.notes());
        }
        // how the server is started, under its name (no column of its own: the grid is wide enough already)
        Div settings = new Div(serverSettings(v));
        settings.addClassName("server-settings");
        settings.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("white-space", "normal").set("overflow-wrap", "anywhere");
        name.add(settings);
        return name;
    }

    /** Each installed model, a link to the Tune view with this endpoint and model chosen (the route is Tune's). */
    static Div models(EndpointView v) {
        Div models = new Div();
        models.addClassName("installed-models");
        for (int i = 0; i < v.models().size(); i++) {
            String model = v.models().get(i).name();
            Anchor tune = new Anchor("tune?" + QueryParameters.simple(Map.of("endpoint", v.name(), "model", model))
                    .getQueryString(), model);
            tune.addClassName("tune-link");
            tune.setTitle("Tune " + model + " on " + v.name());
            models.add(tune);
            if (i < v.models().size() - 1) {
                models.add(new Span(", "));
            }
        }
        if (v.models().isEmpty()) {
            models.add(new Span("—"));
        }
        return models;
    }

    static Span status(EndpointView v) {
        Span status = new Span(v.reachable() == null ? "checking…" : v.reachable() ? "● up" : "● down");
        status.addClassNames("endpoint-status", v.reachable() == null ? "checking" : v.reachable() ? "up" : "down");
        if (v.error() != null) {
            status.setTitle(v.error());
        }
        return status;
    }

    /** "13:40:05", today's time of the last check; with the date when older. */
    static String checked(EndpointView v) {
        if (v.checkedAt() == null) {
            return "not yet";
        }
        var local = v.checkedAt().atZoneSameInstant(java.time.ZoneId.systemDefault());
        boolean today = local.toLocalDate().equals(java.time.LocalDate.now());
        return local.format(java.time.format.DateTimeFormatter.ofPattern(today ? "HH:mm:ss" : "yyyy-MM-dd HH:mm",
                Locale.ROOT));
    }

    /** "llama3.2-sim:3b (1.9 GB VRAM, 100 % on GPU)", or "none". */
    static String loaded(EndpointView v) {
        if (v.loaded().isEmpty()) {
            return "none";
        }
        return v.loaded().stream().map(m -> m.name() + " (" + Numbers.number(m.sizeVramBytes() / 1e9, 1)
                        + " GB VRAM" + (m.gpuOffloadPct() == null ? "" : ", " + Numbers.pct(m.gpuOffloadPct(), 0)
                        + " on GPU") + ")")
                .collect(Collectors.joining(", "));
    }

    /** "OLLAMA_NUM_PARALLEL=4 · OLLAMA_FLASH_ATTENTION=1", or "server settings not recorded". */
    static String serverSettings(EndpointView v) {
        return v.serverSettings().isEmpty() ? "server settings not recorded" : v.serverSettings().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" · "));
    }

    private HorizontalLayout actions(EndpointView v) {
        HorizontalLayout actions = new HorizontalLayout();
        if (v.simulated() || !administrator) {
            return actions;
        }
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> new EndpointDialog(endpoints, v, this::refresh).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setTooltipText("Edit " + v.name());
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(v));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setTooltipText("Remove " + v.name());
        actions.add(edit, remove);
        return actions;
    }

    private void confirmRemove(EndpointView v) {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + v.name() + "?",
                "The endpoint is removed from the list; sweeps already measured on it keep their results.",
                "Remove", e -> {
                    try {
                        endpoints.remove(v.id());
                        Notification.show("Removed " + v.name());
                    } catch (EndpointValidationException refused) {
                        Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void refresh() {
        grid.setItems(endpoints.list());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().setPollInterval(POLL_MILLIS);
        polling = attachEvent.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
