package org.chimerabench.home.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.IntStream;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.SweepOverview;
import org.chimerabench.analysis.ui.VerdictBadges;
import org.chimerabench.base.Numbers;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/**
 * A sweep on the dashboard: label, name, its verdict (badges and sentence), the success rate, and its sorted Δ %
 * as a sparkline; links to its results.
 */
class SweepCard extends Composite<Anchor> {

    SweepCard(SweepOverview overview) {
        Span label = new Span(overview.sweep().label() == null ? "sweep" : overview.sweep().label());
        label.addClassNames("tag", "tag-label");
        Span name = new Span(overview.sweep().name());
        name.addClassName("card-name");
        Div body = new Div(new Div(label, name));
        if (overview.verdict() != null) {
            Span sentence = new Span((overview.provisional() ? "Provisional — " : "") + overview.verdict().sentence());
            sentence.addClassName("card-verdict");
            body.add(new VerdictBadges(overview.verdict(), overview.provisional()), sentence);
        }
        Span detail = new Span(overview.successRatePct() == null ? "No configuration measured in both arms yet"
                : "Success rate " + Numbers.pct(overview.successRatePct(), 0) + ": " + overview.improvedConfigurations()
                + " of " + overview.measuredConfigurations() + " configurations faster");
        detail.addClassName("card-detail");
        detail.getElement().setAttribute("title", Definitions.SUCCESS_RATE);
        body.add(detail);
        if (!overview.sortedDeltaPct().isEmpty()) {
            body.add(sparkline(overview.sortedDeltaPct()));
        }
        getContent().addClassName("sweep-card");
        getContent().setHref("sweeps/" + overview.sweep().id());
        getContent().add(body);
    }

    static ApexChart sparkline(List<Double> sortedDeltas) {
        List<Point> bars = IntStream.range(0, sortedDeltas.size())
                .mapToObj(i -> new Point(i + 1, ChartOptions.round(sortedDeltas.get(i)),
                        sortedDeltas.get(i) > 0 ? ChartOptions.GOOD : ChartOptions.BAD))
                .toList();
        ApexChart chart = new ApexChart(ChartOptions.of(Chart.sparkline(ChartType.BAR, 48),
                List.of(Series.of("Δ %", bars))).withValueFormat(2, " %"));
        chart.addClassName("sparkline");
        return chart;
    }
}
