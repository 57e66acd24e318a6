package org.chimerabench.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Wraps a wide table so that on a narrow screen it scrolls sideways inside the page, with a visible cue
 * ("Swipe sideways for more columns" and a shaded right edge, CSS {@code .scroll-cue}), instead of widening
 * the page.
 */
public final class ScrollCue {

    private ScrollCue() {
    }

    public static Div wrap(Component wide) {
        Span hint = new Span("Swipe sideways for more columns →");
        hint.addClassName("scroll-hint");
        Div box = new Div(hint, wide);
        box.addClassName("scroll-cue");
        return box;
    }
}
