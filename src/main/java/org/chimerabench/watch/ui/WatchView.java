package org.chimerabench.watch.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.watch.WatchReport;
import org.chimerabench.watch.WatchService;

/**
 * One watch: its verdict first (the last check's outcome against the reference, and why), then the timeline, the
 * endpoint's noise, every check with its raw calls, and what changed on the endpoint. Re-read every 3 s while a check
 * runs.
 */
@PermitAll
@Route("watches")
@PageTitle("Watch · Chimera Bench")
class WatchView extends Div implements HasUrlParameter<Long> {

    private final WatchService watches;
    private final boolean operator;
    private final Div content = new Div();
    private long id;
    private String shown;
    private Registration polling;

    WatchView(WatchService watches, AuthenticationContext authentication) {
        this.watches = watches;
        this.operator = authentication.hasRole(Role.OPERATOR.name());
        addClassName("watch-view");
        getStyle().set("max-width", "64rem").set("padding", "var(--lumo-space-m)").set("box-sizing", "border-box");
        add(content);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        id = parameter;
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(3000);
        polling = attach.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    void refresh() {
        Optional<WatchReport> report = watches.report(id);
        String seen = report.map(r -> r.checks().stream().map(c -> c.id() + c.status()).toList().toString()
                + r.events().size()).orElse("none");
        if (seen.equals(shown)) {
            return;
        }
        shown = seen;
        content.removeAll();
        report.ifPresentOrElse(this::show, () -> content.add(new ViewToolbar("Watch " + id),
                new Paragraph("There is no watch " + id + ".")));
    }

    private void show(WatchReport watch) {
        Button check = new Button("Check now", e -> started(watches.checkNow(id)));
        Button calibrate = new Button("Measure the noise (A/A)", e -> started(watches.calibrate(id)));
        Button stop = new Button("Stop watching", e -> {
            watches.delete(id);
            getUI().ifPresent(ui -> ui.navigate("watches"));
        });
        check.setVisible(operator); // courtesy: the service checks
        calibrate.setVisible(operator);
        stop.setVisible(watches.mayDelete(id));
        content.add(new ViewToolbar(watch.model() + " on " + watch.endpoint(), check, calibrate, stop));
        H2 headline = new H2(watch.headline());
        headline.addClassName("watch-headline");
        headline.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("overflow-wrap", "anywhere")
                .set("color", WatchTexts.colour(watch.outcome()));
        content.add(headline);
        watch.checks().stream().filter(c -> c.kind().equals("CHECK") && c.at() != null).reduce((a, b) -> b)
                .ifPresent(last -> {
                    Paragraph when = new Paragraph("Last checked " + Numbers.dateTime(last.at()) + " (" + last.reason()
                            + ").");
                    when.addClassName("watch-last-checked");
                    content.add(when);
                });
        Paragraph what = new Paragraph("Watched: " + WatchTexts.options(watch.options()) + ". Reference: "
                + Numbers.number(watch.referenceTokPerSec(), 1) + " tok/s over " + watch.referenceRepetitions()
                + " trials" + (watch.referenceGpuSharePct() == null ? "" : ", " + Numbers.number(
                watch.referenceGpuSharePct(), 0) + " % in GPU memory") + (watch.referenceVersion() == null ? ""
                : ", Ollama " + watch.referenceVersion()) + " (" + Numbers.dateTime(watch.referenceAt()) + "). "
                + "Re-checked " + WatchTexts.schedule(watch.cron()) + " and after each Ollama or model change, "
                + watch.repetitions() + " repetitions of each arm.");
        what.addClassName("watch-what");
        content.add(what, new Anchor("sweeps/" + watch.sourceSweepId(), "The reference's raw calls"));
        Paragraph noise = new Paragraph(WatchTexts.noise(watch.noise(), watch.marginPct()));
        noise.addClassName("watch-noise");
        content.add(new H3("Timeline: decode throughput (judged)"),
                new WatchTimelineChart(watch, WatchTimelineChart.Metric.DECODE_RATE),
                new H3("Timeline: time to first token (shown, not judged)"),
                new WatchTimelineChart(watch, WatchTimelineChart.Metric.FIRST_TOKEN_TIME), noise);
        content.add(new H3("Checks"));
        UnorderedList list = new UnorderedList();
        list.addClassName("watch-checks");
        if (watch.checks().isEmpty()) {
            list.add(new ListItem("No check yet."));
        }
        for (int i = watch.checks().size() - 1; i >= 0; i--) {
            WatchReport.Check c = watch.checks().get(i);
            ListItem item = new ListItem(new Span(WatchTexts.check(c) + " "));
            if (c.sweepId() != null) {
                item.add(new Anchor("sweeps/" + c.sweepId(), "raw calls"));
            }
            list.add(item);
        }
        content.add(list);
        content.add(new H3("What changed on " + watch.endpoint()));
        UnorderedList events = new UnorderedList();
        events.addClassName("watch-events");
        if (watch.events().isEmpty()) {
            events.add(new ListItem("Nothing recorded yet (the endpoint is checked every 15 s)."));
        }
        for (int i = watch.events().size() - 1; i >= 0 && i >= watch.events().size() - 30; i--) {
            var event = watch.events().get(i);
            events.add(new ListItem(Numbers.dateTime(event.at()) + " — " + event.description()));
        }
        content.add(events);
    }

    private void started(Optional<Long> check) {
        Notification.show(check.isPresent() ? "Check started; this page follows it."
                : "A check is running already; wait for it.");
        shown = null;
        refresh();
    }
}
