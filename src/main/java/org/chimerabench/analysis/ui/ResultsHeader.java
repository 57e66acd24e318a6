package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chimerabench.base.Numbers;
import org.chimerabench.sweep.RunOrder;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepStatus;

/** Name, label, model, endpoint/host, Ollama version, imported/simulated badges, date and status of a sweep. */
class ResultsHeader extends Composite<Div> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    ResultsHeader(SweepDetails sweep) {
        H1 name = new H1(sweep.name());
        name.addClassName("view-title");
        Div badges = new Div();
        badges.addClassName("badges");
        if (sweep.label() != null) {
            badges.add(tag(sweep.label(), "label"));
        }
        if (sweep.imported()) {
            badges.add(tag("imported", "imported"));
        }
        if (sweep.simulated()) {
            badges.add(tag("simulated", "simulated"));
        }
        if (sweep.status() != SweepStatus.IMPORTED) {
            badges.add(tag(sweep.status().label(), "status"));
        }
        if (sweep.status() == SweepStatus.CANCELLED || sweep.status() == SweepStatus.FAILED) {
            Span partial = tag("partial", "partial");
            partial.setTitle("The sweep did not run to the end: every figure covers only the calls it stored ("
                    + sweep.progress().done() + " of " + sweep.progress().total() + ").");
            badges.add(partial);
        }
        Div facts = new Div();
        facts.addClassName("facts");
        facts(sweep).forEach(fact -> facts.add(new Span(fact)));
        if (sweep.imported() && sweep.sourceFile() != null && !sweep.sourceFile().isBlank()) {
            facts.add(source(sweep.sourceFile()));
        }
        getContent().addClassName("results-header");
        getContent().add(new Div(name, badges), facts);
        if (sweep.statusMessage() != null) {
            Span message = new Span(sweep.statusMessage());
            message.addClassName("status-message");
            getContent().add(message);
        }
    }

    private static List<String> facts(SweepDetails sweep) {
        List<String> facts = new ArrayList<>();
        known(facts, "Model: ", sweep.model());
        if (sweep.endpoints() != null && sweep.endpoints().size() > 1) {
            facts.add("Fleet: " + String.join(", ", sweep.endpoints()));
        } else {
            known(facts, "Host: ", sweep.host());
        }
        known(facts, "Ollama: ", sweep.ollamaVersion());
        known(facts, sweep.status() == SweepStatus.RUNNING ? "Running on " : "Ran on ", sweep.runner());
        facts.add((sweep.imported() ? "Imported " : "Created ") + DATE.format(sweep.createdAt()));
        if (sweep.definition().adaptive() != null) {
            facts.add("Race: " + sweep.definition().adaptive().minRepetitions() + "–"
                    + sweep.definition().adaptive().maxRepetitions() + " trials per arm");
        } else {
            facts.add(sweep.definition().repetitions() + (sweep.definition().repetitions() == 1 ? " trial"
                    : " trials") + " per arm" + (sweep.definition().underLoad() ? ", each a batch at its load" : ""));
        }
        if (sweep.definition().order() == RunOrder.SHUFFLED) {
            facts.add("Shuffled order, seed " + sweep.definition().shuffleSeed());
        }
        return facts;
    }

    /** "Source: a.csv", or "Source: 18 files ▸" that opens to the list of names. */
    static Component source(String sourceFile) {
        Matcher files = MANY_FILES.matcher(sourceFile);
        if (!files.lookingAt()) {
            return new Span("Source: " + sourceFile);
        }
        Div names = new Div();
        Arrays.stream(sourceFile.substring(files.end()).split(",\\s*")).forEach(name -> names.add(new Div(name)));
        names.addClassName("source-files");
        NativeDetails details = new NativeDetails("Source: " + files.group(1) + " files", names);
        details.addClassName("source-details");
        return details;
    }

    /** A fact only when its value is known: an empty "Host: —" says nothing. */
    private static void known(List<String> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(label + value);
        }
    }

    private static final Pattern MANY_FILES = Pattern.compile("(\\d+) files: ");

    private static Span tag(String text, String kind) {
        Span tag = new Span(text);
        tag.addClassNames("tag", "tag-" + kind);
        return tag;
    }

}
