package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Map;

/** Every problem of a form at once, under a title; hidden when there is none. */
class ErrorList extends Composite<Div> {

    ErrorList() {
        getContent().addClassName("editor-errors");
        getContent().setVisible(false);
    }

    void show(String title, Map<String, String> fieldErrors) {
        UnorderedList list = new UnorderedList();
        fieldErrors.values().forEach(message -> list.add(new ListItem(message)));
        getContent().removeAll();
        getContent().add(new Span(title), list);
        getContent().setVisible(true);
    }

    void clear() {
        getContent().removeAll();
        getContent().setVisible(false);
    }
}
