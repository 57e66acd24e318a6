package org.chimerabench.analysis;

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
                analysisB.get(), sweepB.get().name(), axes(sweepB.get())));
    }

    private static List<String> axes(SweepDetails sweep) {
        return sweep.definition().axes().stream().map(SweepDetails.AxisDefinition::option).toList();
    }
}
