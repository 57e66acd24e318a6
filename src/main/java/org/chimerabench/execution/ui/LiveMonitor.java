package org.chimerabench.execution.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chimerabench.base.Coalescer;
import org.chimerabench.base.Durations;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.Panel;
import org.chimerabench.base.ui.SharedComponent;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.execution.LiveMonitorService;
import org.chimerabench.execution.LiveSnapshot;
import org.chimerabench.execution.SweepEvents;
import org.chimerabench.sweep.SweepStateException;
import org.chimerabench.sweep.SweepStatus;

/**
 * The live monitor of a queued or running sweep: progress with ETA, the trial running now, the last calls' decode
 * rate and TTFT, the failures, Cancel. Updated by server push when the runner stores a call, coalesced to at most
 * {@value #UPDATES_PER_SECOND} updates a second; subscribed while attached. Its {@link Listener} hears of each
 * update and of the end (the results page then shows the verdict in place).
 */
@SharedComponent
public class LiveMonitor extends Composite<Div> {

    static final int UPDATES_PER_SECOND = 4;

    private final long sweepId;
    private final LiveMonitorService monitor;
    private final SweepEvents events;
    private final Listener listener;
    private SweepStatus shownStatus;
    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();
    private final Span eta = new Span();
    private final Div current = new Div();
    private final Div race = new Div();
    private final LiveCallsChart decode = new LiveCallsChart("decode tok/s", LiveSnapshot.RecentCall::decodeTokPerSec,
            1);
    private final LiveCallsChart ttft = new LiveCallsChart("TTFT ms", LiveSnapshot.RecentCall::ttftMs, 0);
    private final UnorderedList failures = new UnorderedList();
    private final Span failureTitle = new Span();
    final UnorderedList disturbed = new UnorderedList();
    private final Span disturbedTitle = new Span();
    private SweepEvents.Subscription subscription;
    private Coalescer coalescer;
    private int updates;
    private boolean ended;

    public LiveMonitor(long sweepId, LiveMonitorService monitor, SweepEvents events, ExecutionService execution,
                Listener listener) {
        this.sweepId = sweepId;
        this.monitor = monitor;
        this.events = events;
        this.listener = listener;
        Button cancel = new Button("Cancel sweep", VaadinIcon.STOP.create(), e -> {
            try {
                execution.cancel(sweepId);
            } catch (SweepStateException ended) { // it finished or was cancelled meanwhile
                Notification.show(ended.getMessage());
            }
            refresh();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        text.addClassName("progress-text");
        eta.addClassName("progress-eta");
        current.addClassName("progress-current");
        race.addClassName("race-progress");
        race.setVisible(false);
        failures.addClassName("failure-list");
        cancel.setVisible(execution != null);
        Div head = new Div(text, eta, cancel);
        head.addClassName("live-head");
        Div charts = new Div(new Panel("Decode rate of the last calls", "Tokens per second while generating; "
                + "warm-ups and failed calls left out.", decode),
                new Panel("TTFT of the last calls", "Time to the first token, ms.", ttft));
        charts.addClassName("live-charts");
        getContent().addClassName("live-progress");
        disturbed.addClassName("disturbed-list");
        Div disturbances = new Div(disturbedTitle, disturbed);
        disturbances.addClassName("disturbances");
        getContent().add(head, bar, race, current, charts, new Div(failureTitle, failures), disturbances);
        // first drawing only: should the sweep have ended meanwhile, the update on attach reports it (not while the
        // page is still being built)
        monitor.snapshot(sweepId).filter(LiveSnapshot::active).ifPresent(snapshot -> {
            shownStatus = snapshot.status();
            show(snapshot);
        });
    }

    /** What the page around the monitor does with its news. */
    public interface Listener {
        /** The sweep moved from one active status to another (QUEUED → RUNNING). */
        void statusChanged();

        /** A pushed update while the sweep is still active. */
        void progressed(LiveSnapshot snapshot);

        /** The sweep ended (finished, failed or cancelled). */
        void ended();
    }

    /** How many pushed updates this monitor has drawn (for tests of the coalescing). */
    public int updates() {
        return updates;
    }

    private void refresh() {
        monitor.snapshot(sweepId).ifPresent(this::show);
    }

    private void show(LiveSnapshot snapshot) {
        if (!snapshot.active()) {
            if (!ended) {
                ended = true;
                listener.ended();
            }
            return;
        }
        if (shownStatus != null && shownStatus != snapshot.status()) {
            listener.statusChanged(); // e.g. QUEUED → RUNNING: the page header shows the status too
        }
        shownStatus = snapshot.status();
        bar.setValue(snapshot.total() == 0 ? 0 : (double) snapshot.done() / snapshot.total());
        String label = snapshot.status().label();
        String status = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        text.setText(status + " — " + snapshot.done() + " of " + (snapshot.race() == null ? "" : "at most ")
                + snapshot.total() + " calls stored");
        showRace(snapshot.race());
        eta.setText(snapshot.etaSeconds() == null ? "ETA: after the first calls" : "ETA " + Durations.human(
                snapshot.etaSeconds()));
        current.removeAll();
        if (snapshot.current().isEmpty()) {
            current.add(new Div("Waiting for the first trial…"));
        }
        // a batch (a load above 1) is many trials of one configuration, arm and repetition: one line, "× 4 in flight"
        Map<String, Integer> lines = new LinkedHashMap<>();
        boolean fleet = snapshot.current().stream().map(LiveSnapshot.Current::endpoint).distinct().count() > 1;
        snapshot.current().forEach(now -> lines.merge("Now: " + OptionsJson.describeOrNone(now.options()) + " · "
                + now.arm().label() + (now.warmup() ? " · warm-up " : " · repetition ") + now.repetition()
                + (fleet && now.endpoint() != null ? " · on " + now.endpoint() : ""), 1, Integer::sum));
        lines.forEach((line, count) -> current.add(new Div(line + (count > 1 ? " · × " + count + " in flight" : ""))));
        decode.show(snapshot.recentCalls());
        ttft.show(snapshot.recentCalls());
        failureTitle.setText(snapshot.failedCalls() == 0 ? "No failed calls." : snapshot.failedCalls()
                + " failed call(s); the last ones:");
        failures.removeAll();
        snapshot.failures().forEach(f -> failures.add(new ListItem(OptionsJson.describeOrNone(f.options()) + " · " + f.arm().label()
                + " · repetition " + f.repetition() + ": " + f.error())));
        disturbedTitle.setText(snapshot.disturbed().isEmpty() ? "" : "Disturbed by another client (left out, run"
                + " again):");
        disturbed.removeAll();
        snapshot.disturbed().forEach(d -> disturbed.add(new ListItem(OptionsJson.describeOrNone(d.options()) + " · "
                + d.arm().label() + " · repetition " + d.repetition() + ": " + d.error())));
    }

    private void showRace(LiveSnapshot.RaceProgress progress) {
        race.setVisible(progress != null);
        race.removeAll();
        if (progress != null) {
            race.add(new Div(RaceProgressText.rounds(progress)));
            String leader = RaceProgressText.leader(progress);
            if (leader != null) {
                race.add(new Div(leader));
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        coalescer = Coalescer.atMostEvery(Duration.ofMillis(1000 / UPDATES_PER_SECOND),
                () -> monitor.snapshot(sweepId).ifPresent(snapshot -> ui.access(() -> {
                    updates++;
                    show(snapshot);
                    if (snapshot.active()) {
                        listener.progressed(snapshot);
                    }
                })));
        subscription = events.subscribe(sweepId, coalescer::signal);
        coalescer.signal(); // catch up with what happened while detached
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
        }
        if (coalescer != null) {
            coalescer.close();
        }
    }
}
