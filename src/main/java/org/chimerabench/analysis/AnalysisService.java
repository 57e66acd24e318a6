package org.chimerabench.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepAxis;
import org.chimerabench.sweep.SweepRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a sweep's analysis on demand from its stored calls. Results are cached per sweep and
 * recomputed as soon as a call is added or removed (the cache key includes a fingerprint of the calls).
 */
@Service
public class AnalysisService {

    private final SweepRepository sweeps;
    private final CallMeasureRepository measures;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    AnalysisService(SweepRepository sweeps, CallMeasureRepository measures) {
        this.sweeps = sweeps;
        this.measures = measures;
    }

    /** The analysis of the sweep, or empty when there is no such sweep. */
    @Transactional(readOnly = true)
    public Optional<SweepAnalysis> analyse(long sweepId) {
        return sweeps.findById(sweepId).map(sweep -> {
            String stamp = measures.stamp(sweepId);
            Cached cached = cache.get(sweepId);
            if (cached != null && cached.stamp.equals(stamp)) {
                return cached.analysis;
            }
            SweepAnalysis analysis = SweepAnalyzer.analyse(sweepId, sweep.getLabel(), axes(sweep),
                    measures.load(sweepId));
            cache.put(sweepId, new Cached(stamp, analysis));
            return analysis;
        });
    }

    /** Forgets cached analyses of sweeps that were deleted. */
    public void evict(long sweepId) {
        cache.remove(sweepId);
    }

    private static Map<String, List<Object>> axes(Sweep sweep) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (SweepAxis axis : sweep.getAxes()) {
            axes.put(axis.getOptionName(), axis.getValues());
        }
        return axes;
    }

    private record Cached(String stamp, SweepAnalysis analysis) {
    }
}
