package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.execution.MeasuredCalls;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.ollama.OllamaTimeouts;
import org.chimerabench.security.ActingOwner;
import org.chimerabench.security.UserService;
import org.chimerabench.security.UserView;
import org.chimerabench.stats.RatioOfMeans;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.sweep.SweepSummary;
import org.chimerabench.sweep.StoredCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs a tuning one step at a time (docs/architecture.md §4.3): probe, feasibility, coarse race, refinements,
 * confirmation. Each step reads the stored state, decides, and stores the new state before the next; a stage is a
 * sweep, started as the tuning's owner and left to the sweep runner, so a restart (or kill -9) resumes both where they
 * stood and the decisions, made from stored results only, come out the same. The sweep starter comes lazily: it
 * needs the scheduler, and the scheduler needs this runner's task.
 */
@Component
class TuningRunner {

    private static final Logger log = LoggerFactory.getLogger(TuningRunner.class);

    /** What a step asks of the job: run the next step now, look again shortly (a stage runs), or stop. */
    enum Next { NOW, LATER, DONE }

    static final int MAX_REFINEMENTS = 4;
    static final int CONFIRM_REPETITIONS = 10;
    static final int MIN_CONFIRM_REPETITIONS = 4;
    /** The concurrency levels GOODPUT bisects over, and the batches measured at each. */
    static final List<Integer> LEVELS = List.of(1, 2, 3, 4, 5, 6, 8, 10, 12, 16);
    static final int LOAD_REPETITIONS = 4;
    static final String THROUGHPUT_PROMPT = "Explain how a GPU offloads the layers of a language model, and why the"
            + " layers that stay on the CPU slow down every token, in about two hundred words.";
    static final String TTFT_PROMPT = ("A team benchmarks local language models on a shared server. Each request"
            + " carries a long instruction, a summary of the data and the questions to answer, so the time before the"
            + " first token depends on how fast the server reads the prompt. ").repeat(6)
            + "Summarise the situation in one sentence.";

    private final TuningStore store;
    private final EndpointService endpoints;
    private final SweepService sweeps;
    private final ExecutionService starter;
    private final UserService users;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final AnalysisService analysis;
    private final MeasuredCalls measured;
    private final StoredCalls storedCalls;

    TuningRunner(TuningStore store, EndpointService endpoints, SweepService sweeps, @Lazy ExecutionService starter,
                 AnalysisService analysis, MeasuredCalls measured, StoredCalls storedCalls, UserService users,
                 ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.store = store;
        this.endpoints = endpoints;
        this.sweeps = sweeps;
        this.starter = starter;
        this.analysis = analysis;
        this.measured = measured;
        this.storedCalls = storedCalls;
        this.users = users;
        this.strategy = strategy;
    }

    /** One step of the tuning, as its owner. */
    Next step(long id) {
        Optional<Tuning> found = store.find(id);
        if (found.isEmpty() || !found.get().getStatus().active()) {
            return Next.DONE;
        }
        Tuning tuning = found.get();
        Optional<UserView> owner = Optional.ofNullable(tuning.getCreatedBy()).flatMap(users::find);
        if (owner.isEmpty() || !ActingOwner.mayRun(owner.get())) {
            store.fail(id, "Stopped: " + (tuning.getCreatedBy() == null ? "it has no owner"
                    : tuning.getCreatedBy() + " is no longer an enabled operator") + ", and a tuning runs as its"
                    + " owner.");
            return Next.DONE;
        }
        return ActingOwner.asOwner(owner.get(), strategy.getIfAvailable(), () -> {
            try {
                return advance(tuning, store.state(tuning), store.request(tuning));
            } catch (OllamaException | IllegalStateException | IllegalArgumentException failure) {
                log.info("tuning {} failed: {}", id, failure.getMessage());
                store.fail(id, failure.getMessage());
                return Next.DONE;
            } catch (RuntimeException unexpected) {
                // anything else would retry forever: the tuning ends, with what a person can act on
                log.warn("tuning {} failed", id, unexpected);
                store.fail(id, unexpected instanceof org.chimerabench.sweep.SweepValidationException invalid
                        ? "A stage could not be created: " + String.join("; ", invalid.fieldErrors().values())
                        : unexpected.getMessage() != null ? unexpected.getMessage()
                        : "An unexpected error stopped it; the app's log has the details.");
                return Next.DONE;
            }
        });
    }

    private Next advance(Tuning tuning, TuningState state, TuningRequest request) {
        EndpointView endpoint = endpoints.findByName(tuning.getEndpoint()).orElseThrow(() ->
                new IllegalStateException("The endpoint " + tuning.getEndpoint() + " was removed"));
        return switch (state.phase()) {
            case PROBE -> probe(tuning, state, request, endpoint);
            case FEASIBILITY -> feasibility(tuning, state, request, endpoint);
            case COARSE -> coarse(tuning, state, request);
            case REFINE -> refine(tuning, state, request);
            case CONFIRM -> confirm(tuning, state, request);
            case GOODPUT -> goodput(tuning, state, request);
            case DONE -> Next.DONE;
        };
    }

    private Next probe(Tuning tuning, TuningState state, TuningRequest request, EndpointView endpoint) {
        try (OllamaClient client = client(endpoint)) {
            ModelProbe probe = ModelProbe.of(client, tuning.getModel());
            SearchSpace space = SearchSpace.propose(probe, tuning.getObjective(), minContext(request),
                    maxVramPct(request));
            store.save(tuning.getId(), Tuning.Status.RUNNING, null,
                    state.probed(TuningState.ProbeFacts.of(probe), space));
        }
        return Next.NOW;
    }

    private Next feasibility(Tuning tuning, TuningState state, TuningRequest request, EndpointView endpoint) {
        Double cap = maxVramPct(request);
        Feasibility found;
        try (OllamaClient client = client(endpoint)) {
            found = Feasibility.probe(state.space(), options -> {
                try {
                    client.load(tuning.getModel(), options);
                } catch (OllamaException refused) {
                    if (refused.kind() == OllamaException.Kind.UNREACHABLE) {
                        throw refused;
                    }
                    return Optional.of(refused.serverMessage() != null ? refused.serverMessage()
                            : refused.getMessage());
                }
                Double share = client.loaded(tuning.getModel()).map(LoadedModel::gpuOffloadPct).orElse(null);
                if (cap != null && share != null && share > cap + 0.05) {
                    return Optional.of(String.format(java.util.Locale.ROOT, "holds %.0f %% of the model in GPU"
                            + " memory, above your limit of %s %%", share, Grid.value(cap)));
                }
                return Optional.empty();
            });
        }
        store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.checked(found));
        return Next.NOW;
    }

    private Next coarse(Tuning tuning, TuningState state, TuningRequest request) {
        TuningState.Stage last = state.last();
        if (last == null && state.space().axes().isEmpty()) {
            store.save(tuning.getId(), Tuning.Status.FINISHED, "Nothing is worth searching for this model here: "
                    + String.join(" ", state.space().skipped()) + " Ollama's defaults are the answer.", state);
            return Next.DONE;
        }
        if (last == null) {
            List<Map<String, Object>> candidates = StagePlanner.coarse(state.space(), state.feasibility());
            if (candidates.isEmpty()) {
                throw new IllegalStateException("No configuration of the search space loads on "
                        + tuning.getEndpoint() + (state.feasibility().excluded().isEmpty() ? ""
                        : ": " + state.feasibility().excluded().get(0).reason()));
            }
            if (candidates.size() == 1) {
                TuningState.Stage only = new TuningState.Stage("Only candidate", "COARSE", 0, 1,
                        candidates.get(0), null, true, List.of());
                store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.withStage(only).at(
                        TuningState.Phase.CONFIRM));
                return Next.NOW;
            }
            int maxRepetitions = repetitionsWithin(tuning, state, request, candidates.size(), 4);
            if (maxRepetitions < 2) {
                throw new IllegalStateException("The budget is too small: the coarse race alone needs about "
                        + candidates.size() * 4 + " calls (" + candidates.size() + " configurations, 2 repetitions"
                        + " of both arms), plus " + 2 * MIN_CONFIRM_REPETITIONS + " to confirm");
            }
            return startRace(tuning, state, "Coarse race", "COARSE", candidates,
                    new SweepDefinition.Adaptive(raceObjective(tuning), 2, maxRepetitions, 1.0, true, 0.95));
        }
        return awaitRace(tuning, state, last, TuningState.Phase.REFINE);
    }

    private Next refine(Tuning tuning, TuningState state, TuningRequest request) {
        TuningState.Stage last = state.last();
        if (!last.done()) {
            return awaitRace(tuning, state, last, TuningState.Phase.REFINE);
        }
        long refinements = state.count("REFINE");
        if (refinements == 0 && last.configurations() >= StagePlanner.feasibleCount(state.space(),
                state.feasibility())) {
            // the coarse race had every configuration that loads: its leader was raced against all of them
            store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.at(TuningState.Phase.CONFIRM));
            return Next.NOW;
        }
        // stable: the leader held its place, or a neighbour took it by noise only (the old leader was not beaten)
        boolean stable = refinements > 0 && last.kind().equals("REFINE")
                && (Grid.key(last.leader()).equals(Grid.key(state.stages().get(state.stages().size() - 2).leader()))
                        || !last.previousLeaderBeaten());
        if (stable || refinements >= MAX_REFINEMENTS) {
            store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.at(TuningState.Phase.CONFIRM));
            return Next.NOW;
        }
        List<Map<String, Object>> candidates = StagePlanner.refinement(state.space(), last.leader(),
                state.feasibility());
        int maxRepetitions = repetitionsWithin(tuning, state, request, candidates.size(), 6);
        if (candidates.size() < 2 || maxRepetitions < 3) {
            store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.at(TuningState.Phase.CONFIRM));
            return Next.NOW;
        }
        return startRace(tuning, state, "Refinement " + (refinements + 1), "REFINE", candidates,
                new SweepDefinition.Adaptive(raceObjective(tuning), 3, maxRepetitions, 0.5, true, 0.95));
    }

    private Next confirm(Tuning tuning, TuningState state, TuningRequest request) {
        TuningState.Stage last = state.last();
        if (!last.kind().equals("CONFIRM")) {
            Map<String, Object> winner = last.leader();
            int left = budget(tuning, state, request).left();
            int repetitions = Math.min(CONFIRM_REPETITIONS, left / 2);
            if (repetitions < MIN_CONFIRM_REPETITIONS) {
                repetitions = MIN_CONFIRM_REPETITIONS; // the answer is never unconfirmed: the budget is overrun by this
            }
            long sweepId = createStage(tuning, "Confirmation", List.of(winner), repetitions, null);
            return started(tuning, sweepId, state.withStage(new TuningState.Stage("Confirmation", "CONFIRM", sweepId,
                    1, null, null, false, List.of())));
        }
        Optional<Sweep> ended = ended(last);
        if (ended.isEmpty()) {
            return Next.LATER;
        }
        Sweep sweep = ended.get();
        MeasuredCalls.ConfigurationMeasures measures = measured.byConfiguration(sweep.getId(), null).values()
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("The confirmation measured"
                        + " nothing"));
        TuningState.Stage winnerStage = state.stages().get(state.stages().size() - 2);
        Map<String, Object> winner = winnerStage.leader();
        boolean ttft = tuning.getObjective() != TuningObjective.THROUGHPUT;
        RatioOfMeans change = ttft ? RatioOfMeans.of(measures.chimeraTtftMs(), measures.baselineTtftMs(), 0.95)
                : RatioOfMeans.of(measures.chimeraTokPerSec(), measures.baselineTokPerSec(), 0.95);
        double gain = ttft ? -change.changePct() : change.changePct();
        double low = ttft ? -change.ciHighPct() : change.ciLowPct();
        double high = ttft ? -change.ciLowPct() : change.ciHighPct();
        String outcome = low > 0 ? "BETTER" : high < 0 ? "WORSE" : "INCONCLUSIVE";
        // the coarse race's grid only: balanced, so each option's share is its own (the refinements crowd the leader)
        List<WhatMattered.Measured> all = new ArrayList<>();
        state.stages().stream().filter(s -> s.kind().equals("COARSE")).forEach(s -> all.addAll(s.measured()));
        TuningAnswer answer = new TuningAnswer(winner, gain, low, high, outcome, (ttft
                ? "Time to first token against Ollama's defaults, "
                : "Decode throughput against Ollama's defaults, ") + measures.chimeraTokPerSec().length
                + " fresh interleaved repetitions of each: better when the whole 95 % interval of the change lies"
                + " above 0, worse when below, inconclusive otherwise.",
                WhatMattered.of(all), TuningAnswer.modelfile(tuning.getModel(), winner), winner,
                winnerStage.leaderGainPct(), measures.chimeraTokPerSec().length, null);
        TuningState answered = state.withStage(last.decided(winner, gain, false, List.of(), false)).answered(answer);
        if (tuning.getObjective() == TuningObjective.GOODPUT) {
            store.save(tuning.getId(), Tuning.Status.RUNNING, null, answered.at(TuningState.Phase.GOODPUT));
            return Next.NOW;
        }
        store.save(tuning.getId(), Tuning.Status.FINISHED, null, answered);
        return Next.DONE;
    }

    /**
     * GOODPUT's last stage: the most concurrent streams whose TTFT p95 stays within the SLO, with the confirmed
     * options, by bisection over {@link #LEVELS} (TTFT grows with the streams at once); each level measured is a load
     * sweep. Ends when the bounds meet, or when the budget cannot pay the next level.
     */
    private Next goodput(Tuning tuning, TuningState state, TuningRequest request) {
        TuningState.Stage last = state.last();
        Map<String, Object> winner = state.answer().options();
        if (last.kind().equals("LOAD") && last.ttftP95Ms() == null) {
            Optional<Sweep> ended = ended(last);
            if (ended.isEmpty()) {
                return Next.LATER;
            }
            double[] ttfts = measured.byConfiguration(ended.get().getId(), null).values().stream().findFirst()
                    .map(MeasuredCalls.ConfigurationMeasures::chimeraTtftMs).orElse(new double[0]);
            if (ttfts.length == 0) {
                throw new IllegalStateException(last.name() + " (sweep " + last.sweepId() + ") measured no time to"
                        + " first token");
            }
            double p95 = org.chimerabench.stats.Quantiles.of(ttfts, 0.95); // every tuned call at this concurrency
            store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.withStage(last.measuredAt(winner, p95)));
            return Next.NOW;
        }
        double slo = request.slo().ttftP95Ms();
        int low = -1;
        int high = LEVELS.size();
        for (TuningState.Stage level : state.stages()) {
            if (level.kind().equals("LOAD") && level.ttftP95Ms() != null) {
                int at = LEVELS.indexOf(level.concurrency());
                if (level.ttftP95Ms() <= slo) {
                    low = Math.max(low, at);
                } else {
                    high = Math.min(high, at);
                }
            }
        }
        int streams = LEVELS.get((low + high) / 2 < 0 ? 0 : (low + high) / 2);
        boolean affordable = budget(tuning, state, request).left() >= 2 * (LOAD_REPETITIONS + 1) * streams;
        if (low + 1 >= high || !affordable) {
            store.save(tuning.getId(), Tuning.Status.FINISHED, affordable ? null : "The budget ended the search for"
                    + " the most streams within the target; the answer is the most measured within it.",
                    state.answered(state.answer().withConcurrency(low < 0 ? 0 : LEVELS.get(low))));
            return Next.DONE;
        }
        String name = "Concurrency " + streams;
        long sweepId = createStage(tuning, name, List.of(winner), LOAD_REPETITIONS, null, streams);
        return started(tuning, sweepId, state.withStage(new TuningState.Stage(name, "LOAD", sweepId, 1, null, null,
                false, List.of(), false, streams, null)));
    }

    private Next startRace(Tuning tuning, TuningState state, String name, String kind,
                           List<Map<String, Object>> candidates, SweepDefinition.Adaptive race) {
        long sweepId = createStage(tuning, name, candidates, null, race);
        return started(tuning, sweepId, state.withStage(new TuningState.Stage(name, kind, sweepId, candidates.size(),
                null, null, false, List.of())));
    }

    /**
     * Stores the state with the stage just started; when the tuning was cancelled meanwhile (the cancel could not see
     * this sweep yet), the sweep is cancelled here, so it does not hold the endpoint for nothing.
     */
    private Next started(Tuning tuning, long sweepId, TuningState state) {
        if (!store.save(tuning.getId(), Tuning.Status.RUNNING, null, state)) {
            try {
                starter.cancel(sweepId);
            } catch (org.chimerabench.sweep.SweepStateException ended) {
                // it has ended already
            }
            return Next.DONE;
        }
        return Next.LATER;
    }

    private Next awaitRace(Tuning tuning, TuningState state, TuningState.Stage stage, TuningState.Phase next) {
        Optional<Sweep> ended = ended(stage);
        if (ended.isEmpty()) {
            return Next.LATER;
        }
        Sweep sweep = ended.get();
        SweepAnalysis result = analysis.analyse(sweep.getId()).orElseThrow();
        boolean ttft = tuning.getObjective() != TuningObjective.THROUGHPUT;
        List<WhatMattered.Measured> values = new ArrayList<>();
        ConfigurationResult leader = null;
        for (ConfigurationResult r : result.configurationResults()) {
            Double value = ttft ? (r.ttft() == null ? null : r.ttft().chimeraTtftMs())
                    : r.throughput().chimeraTokPerSec();
            if (value == null || !Double.isFinite(value) || r.trials().chimeraTrials() == 0) {
                continue;
            }
            values.add(new WhatMattered.Measured(r.options(), value));
            if (result.adaptive() != null && result.adaptive().leaderConfigurationId() != null
                    && result.adaptive().leaderConfigurationId() == r.configurationId()) {
                leader = r;
            }
        }
        if (leader == null) {
            throw new IllegalStateException(stage.name() + " (sweep " + sweep.getId() + ") measured no"
                    + " configuration; see the sweep's failed calls");
        }
        Double gain = ttft ? (leader.ttft() == null ? null : leader.ttft().ttftReductionPct())
                : leader.throughput().deltaPct();
        boolean separated = result.adaptive().leaderSeparatedFrom() >= values.size() - 1;
        boolean previousBeaten = false;
        if (stage.kind().equals("REFINE")) {
            String previous = Grid.key(state.stages().get(state.stages().size() - 2).leader());
            previousBeaten = result.configurationResults().stream()
                    .filter(r -> Grid.key(r.options()).equals(previous)).anyMatch(r -> r.race() != null
                            && r.race().stopReason() == org.chimerabench.stats.Race.Stop.ELIMINATED);
        }
        store.save(tuning.getId(), Tuning.Status.RUNNING, null, state.withStage(stage.decided(
                new LinkedHashMap<>(leader.options()), gain, separated, values, previousBeaten)).at(next));
        return Next.NOW;
    }

    /**
     * The stage's sweep once it has finished; empty while it runs.
     *
     * @throws IllegalStateException when it was deleted, cancelled or failed: the tuning cannot go on without it
     */
    private Optional<Sweep> ended(TuningState.Stage stage) {
        Sweep sweep = sweeps.read(stage.sweepId()).orElseThrow(() -> new IllegalStateException(
                stage.name() + ": its sweep " + stage.sweepId() + " was deleted"));
        if (sweep.getStatus().active()) {
            return Optional.empty();
        }
        if (sweep.getStatus() != SweepStatus.FINISHED) {
            throw new IllegalStateException(stage.name() + " (sweep " + sweep.getId() + ") ended "
                    + sweep.getStatus().label().toLowerCase() + ": " + sweep.getStatusMessage());
        }
        return Optional.of(sweep);
    }

    /**
     * Creates the stage's sweep and starts it — or finds it, when a restart came between the two. Its trials vary
     * their prompts (so a server's prompt cache cannot shorten the time to first token), warm up once after each
     * load, and decode 64 tokens (16 for TTFT).
     */
    private long createStage(Tuning tuning, String stage, List<Map<String, Object>> candidates, Integer repetitions,
                             SweepDefinition.Adaptive race) {
        return createStage(tuning, stage, candidates, repetitions, race, null);
    }

    private long createStage(Tuning tuning, String stage, List<Map<String, Object>> candidates, Integer repetitions,
                             SweepDefinition.Adaptive race, Integer concurrency) {
        String name = "Tuning " + tuning.getId() + " · " + stage;
        Optional<SweepSummary> made = sweeps.list().stream().filter(s -> s.name().equals(name)).findFirst();
        if (made.isPresent()) {
            if (made.get().status() == SweepStatus.DRAFT) {
                starter.start(made.get().id());
            }
            return made.get().id();
        }
        Map<String, TreeSet<Integer>> values = new LinkedHashMap<>(); // each option's values among the candidates
        candidates.forEach(candidate -> candidate.forEach((option, value) -> values.computeIfAbsent(option,
                o -> new TreeSet<>()).add(((Number) value).intValue())));
        Map<String, Object> axes = new LinkedHashMap<>();
        values.forEach((option, sorted) -> axes.put(option, List.copyOf(sorted)));
        boolean ttft = tuning.getObjective() != TuningObjective.THROUGHPUT;
        SweepDefinition definition = new SweepDefinition(name, "A stage of tuning " + tuning.getId() + " ("
                + tuning.getObjective().label() + ").", List.of(tuning.getEndpoint()), tuning.getModel(),
                new SweepDefinition.Workload("SINGLE_PROMPT", ttft ? TTFT_PROMPT : THROUGHPUT_PROMPT, null),
                axes.isEmpty() ? Map.of() : axes, Map.of(), null, repetitions, 1, false, null, null, true,
                ttft ? 16 : 64, null, true, race, concurrency, null);
        long sweepId = candidates.size() == 1 && candidates.get(0).isEmpty()
                ? sweeps.create(definition) : sweeps.createSubset(definition, candidates);
        starter.start(sweepId);
        return sweepId;
    }

    /** The largest race repetitions (at most {@code wanted}) the budget leaves room for, keeping the confirmation's. */
    private int repetitionsWithin(Tuning tuning, TuningState state, TuningRequest request, int candidates,
                                  int wanted) {
        int left = budget(tuning, state, request).left() - 2 * CONFIRM_REPETITIONS;
        return Math.min(wanted, left / (2 * candidates));
    }

    /** Where the tuning stands against its budget (the stored calls are counted once). */
    TuningBudget budget(Tuning tuning, TuningState state, TuningRequest request) {
        return TuningBudget.of(tuning, request, callsUsed(state),
                storedCalls.recentSecondsPerCall(tuning.getEndpoint()).stream().boxed().findFirst().orElse(null));
    }

    /** The calls the tuning made: the probe's loads and every call its stages stored. */
    long callsUsed(TuningState state) {
        long stages = state.stages().stream().filter(s -> s.sweepId() > 0)
                .mapToLong(s -> storedCalls.count(s.sweepId())).sum();
        return state.probeCalls() + stages;
    }

    /** The race's figure: the tuned arm's decode rate, or its time to first token (TTFT and goodput). */
    private static String raceObjective(Tuning tuning) {
        return (tuning.getObjective() == TuningObjective.THROUGHPUT ? RaceObjective.CHIMERA_DECODE_TOK_PER_SEC
                : RaceObjective.TTFT_MS).name();
    }

    private static Integer minContext(TuningRequest request) {
        return request.constraints() == null ? null : request.constraints().minContext();
    }

    private static Double maxVramPct(TuningRequest request) {
        return request.constraints() == null ? null : request.constraints().maxVramPct();
    }

    private static OllamaClient client(EndpointView endpoint) {
        return new OllamaClient(endpoint.baseUrl(), OllamaTimeouts.DEFAULT);
    }
}
