package org.chimerabench.analysis.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Legend;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions.Stroke;
import org.chimerabench.chart.ChartOptions.Tooltip;
import org.chimerabench.chart.ChartType;
import org.chimerabench.execution.RaceHistory;

/**
 * A race round by round: each configuration's confidence interval of the objective after every round it raced in,
 * drawn as its two bounds — the leader in blue, the others that were not dropped in orange, eliminated ones in grey,
 * ending at the round they were dropped. The funnel shows the intervals narrowing and where they parted.
 */
class RaceRoundsChart extends ApexChart {

    static final String LEADER = ChartOptions.SIDE_A;
    static final String CONTENDER = ChartOptions.SIDE_B;
    static final String ELIMINATED = "hsl(0, 0%, 70%)";
    /** Configurations drawn at most (two lines each); the rest are named in the note. */
    static final int MAX_DRAWN = 24;

    static final String NOTE = "Each configuration is drawn as the two bounds of its confidence interval after"
            + " every round it raced in: blue the leader, orange the others still standing at the end, grey the"
            + " eliminated ones, which end at the round they were dropped.";

    RaceRoundsChart(RaceHistory history, Map<Long, Map<String, Object>> options, Long leaderId, String unit) {
        super(options(history, options, leaderId, unit));
        addClassName("race-rounds-chart");
    }

    /** The configurations drawn: the leader, then the others by how long they raced (the last standing first). */
    static List<Long> drawn(RaceHistory history, Long leaderId) {
        Map<Long, Integer> lastRound = new HashMap<>();
        Map<Long, Double> lastMean = new HashMap<>();
        for (RaceHistory.Round round : history.rounds()) {
            for (RaceHistory.Entry entry : round.entries()) {
                if (entry.mean() != null && entry.halfWidth() != null) {
                    lastRound.put(entry.configurationId(), round.number());
                    lastMean.put(entry.configurationId(), entry.mean());
                }
            }
        }
        boolean higher = history.plan().objective().higherIsBetter();
        List<Long> ids = new ArrayList<>(lastRound.keySet());
        ids.sort((a, b) -> {
            if (a.equals(leaderId) != b.equals(leaderId)) {
                return a.equals(leaderId) ? -1 : 1;
            }
            int byRounds = Integer.compare(lastRound.get(b), lastRound.get(a));
            return byRounds != 0 ? byRounds
                    : higher ? Double.compare(lastMean.get(b), lastMean.get(a))
                    : Double.compare(lastMean.get(a), lastMean.get(b));
        });
        return ids.subList(0, Math.min(MAX_DRAWN, ids.size()));
    }

    static ChartOptions options(RaceHistory history, Map<Long, Map<String, Object>> options, Long leaderId,
                                String unit) {
        List<Series> series = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double finalWidth = 0;
        for (long id : drawn(history, leaderId)) {
            boolean eliminated = history.rounds().stream().flatMap(r -> r.entries().stream())
                    .anyMatch(e -> e.configurationId() == id && e.eliminated());
            String name = OptionsJson.describeOrNone(options.get(id));
            List<Point> upper = new ArrayList<>();
            List<Point> lower = new ArrayList<>();
            List<String> tips = new ArrayList<>();
            for (RaceHistory.Round round : history.rounds()) {
                RaceHistory.Entry entry = round.of(id).orElse(null);
                if (entry == null || entry.mean() == null || entry.halfWidth() == null) {
                    continue;
                }
                upper.add(Point.of(round.number(), ChartOptions.round(entry.mean() + entry.halfWidth())));
                lower.add(Point.of(round.number(), ChartOptions.round(entry.mean() - entry.halfWidth())));
                String decimals = Math.abs(entry.mean()) >= 100 ? "%.1f" : "%.2f"; // the mean's, for both
                tips.add(name + " · round " + round.number() + ": " + format(decimals, entry.mean()) + " ± "
                        + format(decimals, entry.halfWidth()) + " " + unit + (entry.eliminated() ? " · eliminated"
                        : ""));
                low = Math.min(low, entry.mean());
                high = Math.max(high, entry.mean());
                if (Long.valueOf(id).equals(leaderId)) {
                    finalWidth = entry.halfWidth(); // its last round's, in the end
                }
            }
            String color = Long.valueOf(id).equals(leaderId) ? LEADER : eliminated ? ELIMINATED : CONTENDER;
            series.add(Series.of(name + " (upper bound)", upper));
            series.add(Series.of(name + " (lower bound)", lower));
            colors.add(color);
            colors.add(color);
            names.add(tips);
            names.add(tips);
        }
        // the axis spans the means (plus a margin), not the first rounds' wide intervals (t(0.975, 1) = 12.7 at
        // two values), which would squeeze the decisive later rounds into a line; wider bounds are cut off
        double margin = Math.max(0.08 * (high - low), 2 * finalWidth);
        AxisScale y = series.isEmpty() ? AxisScale.of(0, 1, 5) : AxisScale.of(low - margin, high + margin, 6);
        int last = history.rounds().size();
        int first = history.rounds().stream().filter(r -> r.entries().stream().anyMatch(e -> e.halfWidth() != null))
                .mapToInt(RaceHistory.Round::number).findFirst().orElse(1); // round 1 has no interval yet
        int to = Math.max(first + 1, last);
        return ChartOptions.of(Chart.of(ChartType.LINE, 300), series)
                .withXaxis(new Axis("numeric", null, new ChartOptions.AxisTitle("round"), null, (double) first,
                        (double) to, Math.min(9, to - first), 0))
                .withYaxis(Axis.scaled(unit, y))
                .withColors(colors)
                .withStroke(new Stroke(2.0, "straight"))
                .withMarkers(new ChartOptions.Markers(3)) // a configuration dropped after one interval is a point
                .withLegend(new Legend(false, null))
                .withTooltip(new Tooltip(true, false, null))
                .withPointNames(names)
                .withValueFormat(y.decimals() + 1, "")
                .withAxisDecimals(y.decimals());
    }

    private static String format(String decimals, double value) {
        return String.format(Locale.ROOT, decimals, value).replace('-', '−');
    }
}
