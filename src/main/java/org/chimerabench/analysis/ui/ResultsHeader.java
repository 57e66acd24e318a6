package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
            badges.add(tag(sweep.status().name().toLowerCase(Locale.ROOT), "status"));
        }
        if (sweep.status() == SweepStatus.CANCELLED || sweep.status() == SweepStatus.FAILED
                || sweep.status() == SweepStatus.RUNNING) {
            Span partial = tag("partial", "partial");
            partial.setTitle("The sweep did not run to the end: every figure covers only the calls stored so far ("
                    + sweep.progress().done() + " of " + sweep.progress().total() + ").");
            badges.add(partial);
        }
        Div facts = new Div();
        facts.addClassName("facts");
        facts(sweep).forEach(fact -> facts.add(new Span(fact)));
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
        facts.add("Model: " + orNone(sweep.model()));
        if (sweep.endpoints() != null && sweep.endpoints().size() > 1) {
            facts.add("Fleet: " + String.join(", ", sweep.endpoints()));
        } else {
            facts.add("Host: " + orNone(sweep.host()));
        }
        facts.add("Ollama: " + orNone(sweep.ollamaVersion()));
        if (sweep.imported()) {
            facts.add("Source: " + source(sweep.sourceFile()));
        }
        facts.add((sweep.imported() ? "Imported " : "Created ") + DATE.format(sweep.createdAt()));
        facts.add(sweep.definition().repetitions() + (sweep.definition().repetitions() == 1 ? " trial" : " trials")
                + " per arm");
        if (sweep.definition().order() == RunOrder.SHUFFLED) {
            facts.add("Shuffled order, seed " + sweep.definition().shuffleSeed());
        }
        return facts;
    }

    /** "a.csv", or "18 files" instead of a list of 18 names (the list stays in the report and the API). */
    static String source(String sourceFile) {
        if (sourceFile == null || sourceFile.isBlank()) {
            return Numbers.NONE;
        }
        Matcher files = MANY_FILES.matcher(sourceFile);
        return files.lookingAt() ? files.group(1) + " files" : sourceFile;
    }

    private static final Pattern MANY_FILES = Pattern.compile("(\\d+) files: ");

    private static Span tag(String text, String kind) {
        Span tag = new Span(text);
        tag.addClassNames("tag", "tag-" + kind);
        return tag;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? Numbers.NONE : value;
    }
}
