package org.chimerabench.sweep;

import java.util.Arrays;
import java.util.Optional;

/**
 * The order in which a sweep's trials run: configurations as the grid defines them or shuffled with a stored seed,
 * each configuration's arms interleaved per repetition (B C, C B, …: drift cancels out between the arms); or
 * BLOCKED — configurations as defined, all repetitions of one arm, then all of the other (fewer model loads when an
 * arm switch reloads the model, but drift over time is no longer cancelled out).
 */
public enum RunOrder {
    AS_DEFINED("As defined"), SHUFFLED("Shuffled (seeded)"),
    BLOCKED("Blocked arms (fewer reloads; drift not cancelled)");

    private final String label;

    RunOrder(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }

    /** The order a definition names ({@code "AS_DEFINED"}, {@code "SHUFFLED"} or {@code "BLOCKED"}); empty for anything else. */
    public static Optional<RunOrder> named(String name) {
        return Arrays.stream(values()).filter(order -> order.name().equals(name)).findFirst();
    }
}
