package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.MeanTest;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.StatCard;

/** The four headline figures of a sweep. */
class KpiRow extends Composite<Div> {

    final StatCard successRate = new StatCard("Success rate", Definitions.SUCCESS_RATE);
    final StatCard meanDelta = new StatCard("Mean throughput Δ", Definitions.MEAN_DELTA_TEST);
    final StatCard best = new StatCard("Best configuration", Definitions.BEST_CONFIGURATION);
    final StatCard ttft = new StatCard("Mean TTFT reduction", Definitions.TTFT_REDUCTION);

    KpiRow(SweepAnalysis analysis) {
        successRate.show(Numbers.pct(analysis.successRatePct(), 1), analysis.improvedConfigurations() + " of "
                        + analysis.configurations() + " configurations improved")
                .tone(analysis.configurations() == 0 ? null : analysis.successRatePct() >= 50);
        meanDelta.show(Numbers.signedPct(analysis.throughputDeltaPct().mean()), interval(analysis.throughputDeltaPct()))
                .tone(tone(analysis.throughputDeltaPct()));
        ConfigurationResult top = analysis.topByThroughput().isEmpty() ? null : analysis.topByThroughput().get(0);
        best.show(top == null ? Numbers.NONE : Numbers.signedPct(top.throughput().deltaPct()),
                top == null ? "no configuration measured" : OptionsJson.describeOrNone(top.options()));
        ttft.show(Numbers.signedPct(analysis.ttftReductionPct().mean()), interval(analysis.ttftReductionPct()))
                .tone(tone(analysis.ttftReductionPct()));
        successRate.addClassName("kpi-success-rate");
        meanDelta.addClassName("kpi-mean-delta");
        best.addClassName("kpi-best");
        ttft.addClassName("kpi-ttft");
        getContent().addClassName("kpi-row");
        getContent().add(successRate, meanDelta, best, ttft);
    }

    private static String interval(MeanTest test) {
        if (test.ci95Low() == null) {
            return test.note() == null ? "no interval" : test.note();
        }
        return String.format(Locale.ROOT, "95 %% CI %s to %s · p = %s", Numbers.signed(test.ci95Low(), 3),
                Numbers.signed(test.ci95High(), 3), Numbers.p(test.pValueTwoSided()));
    }

    /** Green/red only when the interval excludes 0. */
    private static Boolean tone(MeanTest test) {
        if (test.ci95Low() == null) {
            return null;
        }
        if (test.ci95Low() > 0) {
            return true;
        }
        return test.ci95High() < 0 ? false : null;
    }
}
