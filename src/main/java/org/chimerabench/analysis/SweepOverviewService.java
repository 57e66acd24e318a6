package org.chimerabench.analysis;

import java.util.List;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepSummary;
import org.springframework.stereotype.Service;

/** The sweeps list with each sweep's success rate (from the cached analysis). */
@Service
public class SweepOverviewService {

    private final SweepService sweeps;
    private final AnalysisService analysis;

    SweepOverviewService(SweepService sweeps, AnalysisService analysis) {
        this.sweeps = sweeps;
        this.analysis = analysis;
    }

    public List<SweepOverview> list() {
        return overviews(sweeps.list());
    }

    /** The most recent sweeps first, at most {@code limit} (only those are analysed). */
    public List<SweepOverview> recent(int limit) {
        return page(0, limit);
    }

    /** One page of the sweeps list, newest first; only its sweeps are analysed. */
    public List<SweepOverview> page(int offset, int limit) {
        return overviews(sweeps.page(offset, limit));
    }

    public long count() {
        return sweeps.count();
    }

    private List<SweepOverview> overviews(List<SweepSummary> summaries) {
        return summaries.stream().map(summary -> analysis.analyse(summary.id())
                .map(a -> new SweepOverview(summary, a.configurations(), a.improvedConfigurations(),
                        a.configurations() == 0 ? null : a.successRatePct(),
                        a.configurationResults().stream().map(r -> r.throughput().deltaPct()).sorted().toList(),
                        a.configurations() == 0 ? null : a.verdict(), a.provisional()))
                .orElseGet(() -> new SweepOverview(summary, 0, 0, null, List.of(), null, true))).toList();
    }

}
