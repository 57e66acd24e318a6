package org.chimerabench.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A KPI: a label, a big value, a line of detail, and how the value is computed (tooltip on the info icon). */
public final class StatCard extends Composite<Div> {

    private final Span value = new Span();
    private final Span detail = new Span();

    public StatCard(String label, String help) {
        Span title = new Span(label);
        title.addClassName("stat-label");
        var info = VaadinIcon.INFO_CIRCLE_O.create();
        info.addClassName("help-icon");
        info.setTooltipText(help);
        Div header = new Div(title, info);
        header.addClassName("stat-header");
        value.addClassName("stat-value");
        detail.addClassName("stat-detail");
        getContent().addClassName("stat-card");
        getContent().getElement().setAttribute("title", help);
        getContent().add(header, value, detail);
    }

    public StatCard show(String shownValue, String shownDetail) {
        value.setText(shownValue);
        detail.setText(shownDetail);
        return this;
    }

    /** Marks the value as good or bad news (colour), or neither. */
    public StatCard tone(Boolean good) {
        value.removeClassNames("good", "bad");
        if (good != null) {
            value.addClassName(good ? "good" : "bad");
        }
        return this;
    }

    public String value() {
        return value.getText();
    }

    public String detail() {
        return detail.getText();
    }
}
