package org.chimerabench.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** A titled card on a dashboard, with a one-line explanation of what it shows. */
public final class Panel extends Composite<Div> {

    public Panel(String title, String explanation, Component... content) {
        H2 heading = new H2(title);
        heading.addClassName("panel-title");
        getContent().addClassName("panel");
        getContent().add(heading);
        if (explanation != null) {
            Paragraph help = new Paragraph(explanation);
            help.addClassName("panel-help");
            getContent().add(help);
        }
        getContent().add(content);
    }

    public Panel add(Component... components) {
        getContent().add(components);
        return this;
    }

    public Panel wide() {
        getContent().addClassName("wide");
        return this;
    }
}
