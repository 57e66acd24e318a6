package org.chimerabench.sweep;

import java.util.Arrays;
import java.util.Optional;

/** The order in which a sweep's configurations run: as the grid defines them, or shuffled with a stored seed. */
public enum RunOrder {
    AS_DEFINED("As defined"), SHUFFLED("Shuffled (seeded)");

    private final String label;

    RunOrder(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }

    /** The order a definition names ({@code "AS_DEFINED"} or {@code "SHUFFLED"}); empty for anything else. */
    public static Optional<RunOrder> named(String name) {
        return Arrays.stream(values()).filter(order -> order.name().equals(name)).findFirst();
    }
}
