package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;

/**
 * Progress of a queued or running sweep: calls done of total, re-read once a second (UI polling); a Cancel
 * button; when the sweep ends the page reloads into its results.
 */
class LiveProgress extends Composite<Div> {

    static final int POLL_MILLIS = 1000;

    private final long sweepId;
    private final SweepService sweeps;
    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();
    private Registration polling;

    LiveProgress(SweepDetails sweep, SweepService sweeps, ExecutionService execution) {
        this.sweepId = sweep.id();
        this.sweeps = sweeps;
        Button cancel = new Button("Cancel sweep", VaadinIcon.STOP.create(), e -> {
            execution.cancel(sweepId);
            refresh();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        text.addClassName("progress-text");
        getContent().addClassName("live-progress");
        getContent().add(text, bar, cancel);
        show(sweep);
    }

    private void refresh() {
        sweeps.find(sweepId).ifPresent(sweep -> {
            if (sweep.status() != SweepStatus.QUEUED && sweep.status() != SweepStatus.RUNNING) {
                getUI().ifPresent(ui -> ui.getPage().reload());
            } else {
                show(sweep);
            }
        });
    }

    private void show(SweepDetails sweep) {
        long done = sweep.progress().done();
        long total = Math.max(1, sweep.progress().total());
        bar.setValue((double) done / total);
        text.setText(sweep.status().name().charAt(0) + sweep.status().name().substring(1).toLowerCase()
                + " — " + done + " of " + sweep.progress().total() + " calls stored");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
