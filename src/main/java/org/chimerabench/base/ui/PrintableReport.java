package org.chimerabench.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A rendered report for paper: a print button and links on top (hidden when printing), then the report body. */
public final class PrintableReport {

    private PrintableReport() {
    }

    /** The action bar: "Print / save as PDF" followed by the given links. */
    public static Div actions(Component page, Anchor... links) {
        Button print = new Button("Print / save as PDF", VaadinIcon.PRINT.create(),
                e -> page.getElement().executeJs("window.print()"));
        Div actions = new Div(print);
        actions.add(links);
        actions.addClassName("report-actions");
        return actions;
    }

    /** The report's HTML (escaped Markdown rendered by the ReportService). */
    public static Html body(String html) {
        return new Html("<div class=\"report-body\">" + html + "</div>");
    }

    /** A link that downloads a file from the REST API instead of navigating inside the app. */
    public static Anchor download(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("download", true);
        anchor.getElement().setAttribute("router-ignore", true);
        return anchor;
    }
}
