package org.chimerabench.home.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.IntStream;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.SweepOverview;
import org.chimerabench.base.Numbers;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/** A sweep on the dashboard: label, name, success rate, and its sorted Δ % as a sparkline; links to its results. */
class SweepCard extends Composite<Anchor> {

    SweepCard(SweepOverview overview) {
        Span label = new Span(overview.sweep().label() == null ? "sweep" : overview.sweep().label());
        label.addClassNames("tag", "tag-label");
        Span name = new Span(overview.sweep().name());
        name.addClassName("card-name");
        Span rate = new Span(Numbers.pct(overview.successRatePct(), 1));
        rate.addClassName("card-rate");
        rate.getElement().setAttribute("title", Definitions.SUCCESS_RATE);
        Span detail = new Span(overview.improvedConfigurations() + " of " + overview.measuredConfigurations()
                + " configurations improved");
        detail.addClassName("card-detail");
        Div body = new Div(new Div(label, name), rate, detail);
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
