package org.chimerabench.base.ui;

import java.util.List;
import java.util.Optional;

/** Sweep ids from route and query parameters; anything not a number is no id. */
public final class RouteIds {

    private RouteIds() {
    }

    public static Optional<Long> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Optional<Long> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : parse(values.get(0));
    }
}
