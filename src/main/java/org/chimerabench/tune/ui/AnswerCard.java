package org.chimerabench.tune.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import java.util.Map;
import java.util.stream.Collectors;
import org.chimerabench.base.Numbers;
import org.chimerabench.tune.Grid;
import org.chimerabench.tune.TuningAnswer;
import org.chimerabench.tune.TuningReport;
import org.chimerabench.tune.WhatMattered;

/**
 * The answer first: the recommended options, the confirmed gain over Ollama's defaults with its 95 % interval and the
 * rule that made it a verdict, what mattered, and the options as a Modelfile and as API JSON, each with a copy button.
 */
class AnswerCard extends Composite<Div> {

    AnswerCard(TuningReport tuning) {
        TuningAnswer answer = tuning.answer();
        Div card = getContent();
        card.addClassName("answer-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("max-width", "100%").set("box-sizing", "border-box");
        H2 headline = new H2(headline(tuning));
        headline.addClassName("answer-headline");
        headline.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("margin-top", "0");
        if (answer.concurrency() != null) {
            double slo = tuning.request().slo().ttftP95Ms();
            H2 streams = new H2(answer.concurrency() == 0 ? "Not even one stream stays within your "
                    + Numbers.number(slo, 0) + " ms TTFT p95 target"
                    : answer.concurrency() + " concurrent stream" + (answer.concurrency() == 1 ? "" : "s")
                    + " stay within your " + Numbers.number(slo, 0) + " ms TTFT p95 target");
            streams.addClassName("answer-goodput");
            streams.getStyle().set("font-size", "var(--lumo-font-size-l)");
            card.add(streams);
        }
        Paragraph options = new Paragraph("Recommended: " + options(answer.options()));
        options.addClassName("answer-options");
        Paragraph rule = new Paragraph(answer.verdictRule());
        rule.addClassName("answer-rule");
        card.add(headline, options, rule);
        if (answer.raceGainPct() != null) {
            Paragraph race = new Paragraph(keepUnits("The race that picked it measured "
                    + Numbers.signedPct(answer.raceGainPct(), 1) + "; the best of many reads high, so the figure above"
                    + " is the fresh confirmation's."));
            race.addClassName("answer-race");
            card.add(race);
        }
        if (!answer.whatMattered().isEmpty()) {
            UnorderedList mattered = new UnorderedList();
            mattered.addClassName("answer-mattered");
            for (WhatMattered.Share share : answer.whatMattered()) {
                mattered.add(new ListItem(share.option() + ": " + Numbers.pct(share.sharePct(), 0)
                        + " of the variance across the coarse race"));
            }
            card.add(new Paragraph("What mattered:"), mattered);
        }
        card.add(block("Modelfile", answer.modelfile(), "copy-modelfile"),
                block("API options (JSON)", json(answer.apiOptions()), "copy-api"));
        if (!tuning.stages().isEmpty()) {
            long confirmation = tuning.stages().get(tuning.stages().size() - 1).sweepId();
            Anchor share = new Anchor("sweeps/" + confirmation, "Open the confirmation to share it as a report");
            share.addClassName("answer-share");
            Anchor watch = new Anchor("watches?tuning=" + tuning.id(), "Watch these options: re-checked daily and"
                    + " after each Ollama or model change");
            watch.addClassName("answer-watch");
            card.add(share, new com.vaadin.flow.component.html.Span(" · "), watch);
        }
    }

    /** "Throughput +27.8 % against Ollama's defaults (95 % CI +22.0 to +33.8 %): better". */
    static String headline(TuningReport tuning) {
        TuningAnswer answer = tuning.answer();
        int decimals = Numbers.decimalsFor((answer.ci95High() - answer.ci95Low()) / 2);
        String metric = tuning.objective().equals("THROUGHPUT") ? "Throughput" : "Time to first token";
        String verdict = switch (answer.outcome()) {
            case "BETTER" -> "better";
            case "WORSE" -> "worse";
            default -> "inconclusive";
        };
        return keepUnits(metric + " " + Numbers.signedPct(answer.gainPct(), decimals) + " against Ollama's defaults"
                + " (95 % CI " + Numbers.interval(answer.ci95Low(), answer.ci95High(), decimals) + " %): " + verdict);
    }

    /** No break between a figure and its "%" (a narrow screen would leave the unit alone on a line). */
    static String keepUnits(String text) {
        return text.replaceAll("(\\d) %", "$1\u00a0%");
    }

    /** "num_gpu=26 · num_thread=6", or Ollama's defaults. */
    static String options(Map<String, Object> options) {
        return options == null ? Grid.describe(Map.of()) : Grid.describe(options);
    }

    private static Div block(String title, String text, String copyClass) {
        Pre pre = new Pre(text);
        pre.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        Button copy = new Button("Copy", e -> {
            e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", text));
            Notification.show(title + " copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClassName(copyClass);
        Div block = new Div(new Paragraph(title), pre, copy);
        block.addClassName("answer-block");
        return block;
    }

    private static String json(Map<String, Object> options) {
        return options.entrySet().stream().map(e -> "  \"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
    }
}
