package org.chimerabench.tune.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.tune.SearchSpace;
import org.chimerabench.tune.TuningReport;
import org.chimerabench.tune.TuningService;

/**
 * One tuning: the answer card first when there is one; then the stages (each a sweep to open), the calls against
 * the budget, what the probe proposed and why, and what does not load. Re-read every 2 s while it runs.
 */
@PermitAll
@Route("tunings")
@PageTitle("Tuning · Chimera Bench")
class TuningView extends VerticalLayout implements HasUrlParameter<Long> {

    static final int POLL_MILLIS = 2000;

    private final TuningService tunings;
    private final Div content = new Div();
    private long id;
    private com.vaadin.flow.shared.Registration polling;
    private String shown;

    TuningView(TuningService tunings) {
        this.tunings = tunings;
        addClassName("tuning-view");
        setMaxWidth("64rem");
        content.setWidthFull();
        add(content);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        id = parameter;
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        polling = attach.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** Shows the tuning again when something changed since the last look (a finished one stays as it is). */
    void refresh() {
        var report = tunings.report(id);
        String seen = report.map(r -> r.status() + "/" + r.callsUsed() + "/" + r.stages() + "/" + (r.answer() != null))
                .orElse("none");
        if (seen.equals(shown)) {
            return;
        }
        shown = seen;
        content.removeAll();
        report.ifPresentOrElse(this::show, () -> content.add(new ViewToolbar("Tuning " + id),
                new Paragraph("There is no tuning " + id + ".")));
    }

    private void show(TuningReport tuning) {
        Button cancel = new Button("Cancel tuning", e -> {
            tunings.cancel(id);
            refresh();
        });
        cancel.addClassName("cancel-tuning");
        cancel.setVisible((tuning.status().equals("QUEUED") || tuning.status().equals("RUNNING"))
                && tunings.mayCancel(id)); // courtesy: the service checks
        content.add(new ViewToolbar("Tuning " + tuning.id() + ": " + tuning.model() + " on " + tuning.endpoint(),
                cancel));
        if (tuning.answer() != null) {
            content.add(new AnswerCard(tuning));
        } else {
            Paragraph state = new Paragraph(progress(tuning));
            state.addClassName("tuning-progress");
            content.add(state);
        }
        content.add(new H3("Stages"));
        UnorderedList stages = new UnorderedList();
        stages.addClassName("tuning-stages");
        if (tuning.stages().isEmpty()) {
            stages.add(new ListItem("None yet: the probe reads the model and Ollama's own placement first."));
        }
        tuning.stages().forEach(s -> stages.add(new ListItem(new Anchor("sweeps/" + s.sweepId(), s.name()),
                new com.vaadin.flow.component.html.Span(" — " + s.configurations() + " configuration"
                        + (s.configurations() == 1 ? "" : "s") + describe(tuning, s)))));
        content.add(stages);
        if (tuning.space() != null) {
            content.add(new H3("What was searched, and why"));
            UnorderedList why = new UnorderedList();
            why.addClassName("tuning-space");
            for (SearchSpace.Axis axis : tuning.space().axes()) {
                why.add(new ListItem(axis.option() + " " + axis.values() + ": " + axis.why()));
            }
            tuning.space().skipped().forEach(s -> why.add(new ListItem("Not searched — " + s)));
            content.add(why);
        }
        if (!tuning.infeasible().isEmpty()) {
            content.add(new H3("Does not load (infeasible, not measured)"));
            UnorderedList infeasible = new UnorderedList();
            infeasible.addClassName("tuning-infeasible");
            tuning.infeasible().forEach(x -> infeasible.add(new ListItem(x.configurations() + ": " + x.reason())));
            content.add(infeasible);
        }
    }

    private static String describe(TuningReport tuning, TuningReport.StageLink stage) {
        if (stage.concurrency() != null) {
            return stage.ttftP95Ms() == null ? ", running" : ", TTFT p95 " + Numbers.number(stage.ttftP95Ms(), 0)
                    + " ms, " + (stage.ttftP95Ms() <= tuning.request().slo().ttftP95Ms() ? "within" : "over")
                    + " the target";
        }
        return stage.leader() == null ? ", running" : ", best " + AnswerCard.options(stage.leader());
    }

    private static String progress(TuningReport tuning) {
        String calls = tuning.callsUsed() + " calls used"
                + (tuning.callsLeft() == null ? "" : ", " + tuning.callsLeft() + " left in the budget");
        return switch (tuning.status()) {
            case "QUEUED" -> "Queued: it starts as soon as the scheduler picks it up.";
            case "RUNNING" -> "Running: " + calls + (tuning.etaSeconds() == null ? "" : "; at most about "
                    + Math.max(1, Math.round(tuning.etaSeconds() / 60.0)) + " min to go at this pace") + ".";
            default -> tuning.statusLabel() + (tuning.message() == null ? "" : ": " + tuning.message()) + " ("
                    + calls + ").";
        };
    }
}
