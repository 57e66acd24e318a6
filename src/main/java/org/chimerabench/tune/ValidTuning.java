package org.chimerabench.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointUnavailableException;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.ModelNames;

/**
 * A tuning request checked field by field (every wrong field is reported at once): the endpoint exists and has the
 * model, the objective is one of the pinned names, an SLO comes with GOODPUT only, the budget is calls or minutes,
 * the constraints are in range.
 */
record ValidTuning(EndpointView endpoint, String model, TuningObjective objective, Double sloTtftP95Ms,
                   Integer budgetCalls, Integer budgetMinutes, Integer minContext, Double maxVramPct) {

    static final int MIN_CALLS = 50;
    static final int MAX_CALLS = 100_000;
    static final int MAX_MINUTES = 1440;

    static ValidTuning of(TuningRequest request, EndpointService endpoints) {
        if (request == null) {
            throw new TuningValidationException(Map.of("body", "A tuning needs a JSON body: endpoint, model,"
                    + " objective and budget"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<EndpointView> endpoint = Optional.empty();
        if (blank(request.endpoint())) {
            errors.put("endpoint", "Name the endpoint to tune on");
        } else {
            endpoint = endpoints.findByName(request.endpoint());
            if (endpoint.isEmpty()) {
                errors.put("endpoint", "There is no endpoint named \"" + request.endpoint() + "\"");
            }
        }
        String model = request.model() == null ? null : request.model().strip();
        if (blank(model)) {
            errors.put("model", "Name the model to tune");
        } else if (endpoint.isPresent()) {
            try {
                List<String> installed = endpoints.installedModels(endpoint.get());
                String asked = model;
                Optional<String> found = installed.stream().filter(m -> ModelNames.same(m, asked))
                        .findFirst();
                if (found.isEmpty()) {
                    errors.put("model", "Endpoint " + endpoint.get().name() + " does not have the model \""
                            + model + "\"");
                } else {
                    model = found.get();
                }
            } catch (EndpointUnavailableException down) {
                errors.put("endpoint", down.getMessage());
            }
        }
        Optional<TuningObjective> objective = Optional.ofNullable(request.objective())
                .flatMap(TuningObjective::fromWire);
        if (objective.isEmpty()) {
            errors.put("objective", "The objective must be THROUGHPUT, TTFT or GOODPUT");
        }
        Double slo = request.slo() == null ? null : request.slo().ttftP95Ms();
        if (objective.filter(o -> o == TuningObjective.GOODPUT).isPresent()) {
            if (slo == null || !(slo >= 1 && slo <= 600_000)) {
                errors.put("slo", "GOODPUT needs slo.ttftP95Ms, the TTFT target in ms, 1–600000");
            }
        } else if (request.slo() != null) {
            errors.put("slo", "An SLO goes with GOODPUT only");
        }
        TuningRequest.Budget budget = request.budget();
        if (budget == null || (budget.calls() == null) == (budget.minutes() == null)) {
            errors.put("budget", "Give the budget as calls or as minutes (one of them), e.g. {\"calls\": 600}");
        } else if (budget.calls() != null && (budget.calls() < MIN_CALLS || budget.calls() > MAX_CALLS)) {
            errors.put("budget", "budget.calls must be " + MIN_CALLS + "–" + MAX_CALLS + ": fewer calls cannot race"
                    + " and confirm");
        } else if (budget.minutes() != null && (budget.minutes() < 1 || budget.minutes() > MAX_MINUTES)) {
            errors.put("budget", "budget.minutes must be 1–" + MAX_MINUTES);
        }
        TuningRequest.Constraints constraints = request.constraints();
        Integer minContext = constraints == null ? null : constraints.minContext();
        Double maxVramPct = constraints == null ? null : constraints.maxVramPct();
        if (minContext != null && (minContext < 256 || minContext > 1_048_576)) {
            errors.put("constraints.minContext", "constraints.minContext must be 256–1048576 tokens");
        }
        if (maxVramPct != null && !(maxVramPct > 0 && maxVramPct <= 100)) {
            errors.put("constraints.maxVramPct", "constraints.maxVramPct must be above 0 and at most 100 (%)");
        }
        if (!errors.isEmpty()) {
            throw new TuningValidationException(errors);
        }
        return new ValidTuning(endpoint.orElseThrow(), model, objective.orElseThrow(), slo,
                budget.calls(), budget.minutes(), minContext, maxVramPct);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
