package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.chimerabench.base.Durations;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.sweep.PlannedLoads;
import org.chimerabench.sweep.StoredCalls;
import org.chimerabench.sweep.WorkloadType;

/** The size of a sweep as it is being defined — configurations × arms × repetitions × calls — and its ETA. */
class CallPreview extends Composite<Div> {

    final Span calls = new Span();
    final Span eta = new Span();
    final Span loads = new Span();
    private final StoredCalls storedCalls;
    private Set<String> speedsOf = Set.of();
    private List<Double> speeds = List.of();

    CallPreview(StoredCalls storedCalls) {
        this.storedCalls = storedCalls;
        calls.addClassName("call-preview");
        eta.addClassName("call-eta");
        loads.addClassName("call-loads");
        getContent().add(calls, eta, loads);
    }

    /** {@code slots}: Σ of the configurations' batch sizes (= configurations when every one runs one at a time). */
    void show(long configurations, long slots, int repetitions, int warmups, WorkloadType workload,
              Collection<EndpointView> endpoints) {
        long total = workload.plannedCalls(slots, repetitions, warmups);
        int callsPerTrial = workload.callsPerTrial();
        calls.setText(grid(configurations, slots) + " × 2 arms × (" + repetitions + " repetitions + " + warmups
                + " warm-ups) × " + callsPerTrial + (callsPerTrial == 1 ? " call" : " calls") + " = " + total
                + " calls");
        String time = eta(total, endpoints);
        // the recent pace is of calls one after another; a batch's calls overlap, so this is an upper bound
        eta.setText(slots == configurations || !time.contains("ETA ≈") ? time
                : time.replace("ETA ≈", "ETA at most ≈") + " (a batch's calls overlap)");
    }

    /** "4 configurations", or with loads "4 configurations (14 calls a batch round at their loads)". */
    private static String grid(long configurations, long slots) {
        return configurations + " configurations" + (slots == configurations ? ""
                : " (" + slots + " calls per round of batches, at their loads)");
    }

    /**
     * A race's range: every configuration stopped at the minimum (best case) up to all at the maximum (worst case,
     * which the confirmation and the ETA use).
     */
    void showRace(long configurations, long slots, int minRepetitions, int maxRepetitions, int warmups,
                  WorkloadType workload, Collection<EndpointView> endpoints) {
        long fewest = workload.plannedCalls(slots, Math.min(minRepetitions, maxRepetitions), warmups);
        long most = workload.plannedCalls(slots, maxRepetitions, warmups);
        int callsPerTrial = workload.callsPerTrial();
        calls.setText("Race: " + grid(configurations, slots) + " × 2 arms × (" + minRepetitions + "–"
                + maxRepetitions + " repetitions + " + warmups + " warm-ups) × " + callsPerTrial
                + (callsPerTrial == 1 ? " call" : " calls") + " = " + fewest + " to " + most
                + " calls; at most " + most + " if no configuration stops early");
        eta.setText(eta(most, endpoints).replace("ETA ≈", "ETA at most ≈"));
    }

    /**
     * The model loads the plan costs (§4.2) and their time at the endpoints' recent load speed; nothing when the
     * plan loads the model once (or the definition is not valid yet).
     */
    void showLoads(Optional<PlannedLoads> planned, Collection<EndpointView> endpoints) {
        String text = planned.map(PlannedLoads::sentence).orElse("");
        if (!text.isEmpty() && !endpoints.isEmpty()) {
            OptionalDouble perLoad = endpoints.stream().map(e -> storedCalls.recentLoadSeconds(e.name()))
                    .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
            text += perLoad.isPresent() ? " · loads ≈ " + Durations.human(planned.get().loads()
                    * perLoad.getAsDouble() / endpoints.size()) + " more" : " · load time not measured yet";
        }
        loads.setText(text.isEmpty() ? "" : " · " + text);
    }

    /** ETA from the chosen endpoints' recent speed (mean seconds per call); a fleet shares the calls. */
    private String eta(long total, Collection<EndpointView> endpoints) {
        if (endpoints.isEmpty()) {
            return "";
        }
        List<Double> speeds = speeds(endpoints);
        if (speeds.isEmpty()) {
            return " · ETA unknown: no calls on " + (endpoints.size() > 1 ? "these endpoints" : "this endpoint")
                    + " yet";
        }
        double perCall = speeds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return " · ETA ≈ " + Durations.human(total * perCall / endpoints.size()) + " at the endpoints' recent speed";
    }

    /** The endpoints' recent speeds, read again only when the choice of endpoints changes (not per keystroke). */
    private List<Double> speeds(Collection<EndpointView> endpoints) {
        Set<String> names = endpoints.stream().map(EndpointView::name).collect(Collectors.toSet());
        if (!names.equals(speedsOf)) {
            speeds = names.stream().map(storedCalls::recentSecondsPerCall).filter(OptionalDouble::isPresent)
                    .map(OptionalDouble::getAsDouble).toList();
            speedsOf = names;
        }
        return speeds;
    }
}
