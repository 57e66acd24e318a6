package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.MetricVerdict;
import org.chimerabench.analysis.Outcome;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.StatCard;

/**
 * The four headline figures of a sweep, after the verdict. Colours follow the verdict's outcomes, never the sign
 * alone: the success rate is neutral unless its sign test is significant; nothing is coloured while provisional.
 */
class KpiRow extends Composite<Div> {

    final StatCard meanDelta = new StatCard("Mean throughput Δ", Definitions.MEAN_DELTA_TEST);
    final StatCard ttft = new StatCard("Mean TTFT reduction", Definitions.TTFT_REDUCTION);
    final StatCard successRate = new StatCard("Success rate (share with Δ > 0)", Definitions.SUCCESS_RATE);
    final StatCard best = new StatCard("Best configuration", Definitions.BEST_CONFIGURATION);

    KpiRow(SweepAnalysis analysis) {
        boolean provisional = analysis.provisional();
        MetricVerdict throughput = analysis.verdict().throughputDeltaPct();
        MetricVerdict firstToken = analysis.verdict().ttftReductionPct();
        meanDelta.show(Numbers.signedPctWithin(throughput.meanPct(), throughput.halfWidth()), interval(throughput))
                .tone(provisional ? null : tone(throughput.outcome()));
        ttft.show(Numbers.signedPctWithin(firstToken.meanPct(), firstToken.halfWidth()), interval(firstToken))
                .tone(provisional ? null : tone(firstToken.outcome()));
        successRate.show(Numbers.pct(analysis.successRatePct(), 0), analysis.improvedConfigurations() + " of "
                        + analysis.configurations() + " configurations faster · "
                        + Numbers.pEquals("sign test p", throughput.signTestP()))
                .tone(provisional || !throughput.signTestSignificant() ? null : analysis.successRatePct() > 50);
        ConfigurationResult top = analysis.topByThroughput().isEmpty() ? null : analysis.topByThroughput().get(0);
        best.show(top == null ? Numbers.NONE : Numbers.signedPct(top.throughput().deltaPct(), 1),
                top == null ? "no configuration measured"
                        : OptionsJson.describeOrNone(top.options()) + " · " + top.claim());
        meanDelta.addClassName("kpi-mean-delta");
        ttft.addClassName("kpi-ttft");
        successRate.addClassName("kpi-success-rate");
        best.addClassName("kpi-best");
        getContent().addClassName("kpi-row");
        if (provisional) {
            getContent().addClassName("provisional");
        }
        getContent().add(meanDelta, ttft, successRate, best);
    }

    /** "95 % CI −0.02 to +0.29 % · p = 0.077", digits from the interval's half-width. */
    static String interval(MetricVerdict v) {
        if (v.ci95Low() == null) {
            return v.configurations() == 0 ? "not measured" : "no interval: too few or identical values";
        }
        int decimals = Numbers.decimalsFor(v.halfWidth());
        return "95 % CI " + Numbers.interval(v.ci95Low(), v.ci95High(), decimals)
                + " % · " + Numbers.pEquals("p", v.pValue());
    }

    private static Boolean tone(Outcome outcome) {
        return switch (outcome) {
            case BETTER -> true;
            case WORSE -> false;
            case EQUIVALENT, INCONCLUSIVE, INVALID -> null;
        };
    }
}
