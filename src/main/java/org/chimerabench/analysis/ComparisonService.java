package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.springframework.stereotype.Service;

/** Compares two sweeps from their analyses. */
@Service
public class ComparisonService {

    private final SweepService sweeps;
    private final AnalysisService analyses;

    ComparisonService(SweepService sweeps, AnalysisService analyses) {
        this.sweeps = sweeps;
        this.analyses = analyses;
    }

    /** The comparison, or empty when either sweep does not exist. */
    public Optional<SweepComparison> compare(long a, long b) {
        Optional<SweepDetails> sweepA = sweeps.find(a);
        Optional<SweepDetails> sweepB = sweeps.find(b);
        Optional<SweepAnalysis> analysisA = analyses.analyse(a);
        Optional<SweepAnalysis> analysisB = analyses.analyse(b);
        if (sweepA.isEmpty() || sweepB.isEmpty() || analysisA.isEmpty() || analysisB.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Comparisons.compare(analysisA.get(), sweepA.get().name(), axes(sweepA.get()),
                analysisB.get(), sweepB.get().name(), axes(sweepB.get()), warnings(sweepA.get(), sweepB.get())));
    }

    /** Differences that make a comparison suspect: another model, or simulated against measured. */
    static List<String> warnings(SweepDetails a, SweepDetails b) {
        List<String> warnings = new ArrayList<>();
        if (a.model() != null && b.model() != null && !a.model().equals(b.model())) {
            warnings.add("The sweeps ran different models (A: " + a.model() + ", B: " + b.model() + "): differences"
                    + " may come from the model, not from the options.");
        }
        if (a.simulated() != b.simulated()) {
            warnings.add((a.simulated() ? "A" : "B") + " ran on the built-in simulator, " + (a.simulated() ? "B" : "A")
                    + " did not: the simulator's numbers describe a simulated machine.");
        }
        return warnings;
    }

    private static List<String> axes(SweepDetails sweep) {
        return sweep.definition().axes().stream().map(SweepDetails.AxisDefinition::option).toList();
    }
}
