package org.chimerabench.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The ApexCharts 3.30 options object, typed. Only what Chimera Bench uses; null fields are left out of the
 * JSON. Colour strings may be CSS custom properties such as {@code var(--lumo-primary-color)}: the component
 * resolves them against the Lumo theme in the browser before rendering.
 *
 * @param valueDecimals  not an ApexCharts option: when set, axis labels and tooltips show values with this many
 *                       decimals (ApexCharts formatters are JavaScript functions, which JSON cannot carry);
 *                       data labels too, when shown
 * @param valueSuffix    appended to values formatted by {@code valueDecimals}, e.g. {@code " %"}
 * @param axisDecimals   not an ApexCharts option: decimals of the y-axis labels when they differ from the
 *                       tooltip's (round ticks need fewer)
 * @param pointNames     not an ApexCharts option: the tooltip title per series and data point
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartOptions(Chart chart, List<Series> series, Axis xaxis, Axis yaxis,
                           List<String> colors, PlotOptions plotOptions, DataLabels dataLabels, Legend legend,
                           Tooltip tooltip, Title title, Stroke stroke, Markers markers,
                           GridLines grid, List<String> labels, Annotations annotations, Integer valueDecimals,
                           String valueSuffix, Integer axisDecimals, List<List<String>> pointNames) {

    /** Options with just a chart and its series; add the rest with the {@code with…} methods. */
    /** Colour of a result that is better for chimera (faster) and of one that is worse. */
    public static final String GOOD = "var(--lumo-success-color)";
    public static final String BAD = "var(--lumo-error-color)";
    /** The colour pair of every comparison chart: sweep A and sweep B. */
    public static final String SIDE_A = "hsl(214, 80%, 48%)";
    public static final String SIDE_B = "hsl(32, 90%, 50%)";

    /** A value as sent to the chart: rounded to 6 decimals (the chart formats it for display). */
    public static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    public static ChartOptions of(Chart chart, List<Series> series) {
        return new ChartOptions(chart, series, null, null, null, null, new DataLabels(false), null, null, null, null,
                null, GridLines.standard(), null, null, null, null, null, null);
    }

    public ChartOptions withXaxis(Axis axis) {
        return new ChartOptions(chart, series, axis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals, pointNames);
    }

    public ChartOptions withYaxis(Axis axis) {
        return new ChartOptions(chart, series, xaxis, axis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals, pointNames);
    }

    public ChartOptions withColors(List<String> newColors) {
        return new ChartOptions(chart, series, xaxis, yaxis, newColors, plotOptions, dataLabels, legend, tooltip,
                title, stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals,
                pointNames);
    }

    public ChartOptions withPlotOptions(PlotOptions newPlotOptions) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, newPlotOptions, dataLabels, legend, tooltip,
                title, stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals,
                pointNames);
    }

    public ChartOptions withLegend(Legend newLegend) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, newLegend, tooltip,
                title, stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals,
                pointNames);
    }

    public ChartOptions withTooltip(Tooltip newTooltip) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, newTooltip,
                title, stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals,
                pointNames);
    }

    public ChartOptions withStroke(Stroke newStroke) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                newStroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals, pointNames);
    }

    public ChartOptions withMarkers(Markers newMarkers) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, newMarkers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals, pointNames);
    }

    public ChartOptions withDataLabels(DataLabels newDataLabels) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, newDataLabels, legend, tooltip,
                title, stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals,
                pointNames);
    }

    public ChartOptions withAnnotations(Annotations newAnnotations) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, markers, grid, labels, newAnnotations, valueDecimals, valueSuffix, axisDecimals, pointNames);
    }

    public ChartOptions withValueFormat(int decimals, String suffix) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, markers, grid, labels, annotations, decimals, suffix, axisDecimals, pointNames);
    }

    /** Axis labels with their own decimals (e.g. those of a round {@link AxisScale} step); tooltips keep theirs. */
    public ChartOptions withAxisDecimals(int decimals) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, decimals, pointNames);
    }

    /** Names shown as the tooltip title, per series and data point (e.g. the full configuration). */
    public ChartOptions withPointNames(List<List<String>> names) {
        return new ChartOptions(chart, series, xaxis, yaxis, colors, plotOptions, dataLabels, legend, tooltip, title,
                stroke, markers, grid, labels, annotations, valueDecimals, valueSuffix, axisDecimals, names);
    }

    /** {@code chart}: type, size, toolbar, animation, theme-aware text colour. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chart(String type, Object height, Sparkline sparkline, Toolbar toolbar, Animations animations,
                        String foreColor, String fontFamily, Boolean redrawOnParentResize) {

        /** A chart of the given type and pixel height, no toolbar, Lumo text colour and font. */
        public static Chart of(ChartType type, int height) {
            return new Chart(type.apexName(), height, null, new Toolbar(false), new Animations(false),
                    "var(--lumo-secondary-text-color)", "var(--lumo-font-family)", true);
        }

        /** A tiny chart without axes, for cards. */
        public static Chart sparkline(ChartType type, int height) {
            return new Chart(type.apexName(), height, new Sparkline(true), new Toolbar(false), new Animations(false),
                    null, null, true);
        }
    }

    public record Sparkline(boolean enabled) {
    }

    public record Toolbar(boolean show) {
    }

    public record Animations(boolean enabled) {
    }

    /** One series; {@code data} holds numbers or {@link Point}s. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String name, String type, List<?> data) {

        public static Series of(String name, List<?> data) {
            return new Series(name, null, data);
        }
    }

    /** A data point: y is a number, or five numbers [min, q1, median, q3, max] for a box plot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(Object x, Object y, String fillColor) {

        public static Point of(Object x, Object y) {
            return new Point(x, y, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Axis(String type, List<String> categories, AxisTitle title, Labels labels, Double min, Double max,
                       Integer tickAmount, Integer decimalsInFloat) {

        public static Axis titled(String title) {
            return new Axis(null, null, new AxisTitle(title, 6), null, null, null, null, null);
        }

        public static Axis categories(List<String> categories, String title) {
            return new Axis("category", categories, title == null ? null : new AxisTitle(title),
                    new Labels(true, -45, true, 120), null, null, null, null);
        }

        public static Axis numeric(String title) {
            return new Axis("numeric", null, new AxisTitle(title), null, null, null, 8, 2);
        }

        /** A value axis with round ticks from {@code scale}. */
        public static Axis scaled(String title, AxisScale scale) {
            return new Axis(null, null, new AxisTitle(title, 6), null, scale.min(), scale.max(), scale.tickAmount(),
                    scale.decimals());
        }

        /** A numeric x axis (scatter) with round ticks from {@code scale}. */
        public static Axis numericScaled(String title, AxisScale scale) {
            return new Axis("numeric", null, new AxisTitle(title), null, scale.min(), scale.max(), scale.tickAmount(),
                    scale.decimals());
        }

        public Axis hideLabels() {
            return new Axis(type, categories, title, new Labels(false, null, null, null), min, max, tickAmount,
                    decimalsInFloat);
        }
    }

    /**
     * An axis title; {@code offsetX} moves a y title right, inside the drawing area, so that the rotated text is
     * never clipped at the chart's left edge.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AxisTitle(String text, Integer offsetX) {

        public AxisTitle(String text) {
            this(text, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Labels(Boolean show, Integer rotate, Boolean trim, Integer maxHeight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlotOptions(Bar bar, Heatmap heatmap, BoxPlot boxPlot) {

        public static PlotOptions bar(Bar bar) {
            return new PlotOptions(bar, null, null);
        }

        public static PlotOptions heatmap(Heatmap heatmap) {
            return new PlotOptions(null, heatmap, null);
        }

        public static PlotOptions boxPlot(BoxPlot boxPlot) {
            return new PlotOptions(null, null, boxPlot);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bar(Boolean horizontal, Boolean distributed, String columnWidth) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Heatmap(Boolean enableShades, ColorScale colorScale) {
    }

    public record ColorScale(List<ColorRange> ranges) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColorRange(double from, double to, String color, String name) {
    }

    public record BoxPlot(BoxColors colors) {
    }

    public record BoxColors(String upper, String lower) {
    }

    /** Values printed on the chart; {@code style} null = ApexCharts' colours. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataLabels(boolean enabled, LabelStyle style) {

        public DataLabels(boolean enabled) {
            this(enabled, null);
        }

        /** Dark text, readable on light and on deep shades alike (heatmap cells). */
        public static DataLabels dark() {
            return new DataLabels(true, new LabelStyle(List.of("hsl(0, 0%, 12%)")));
        }
    }

    public record LabelStyle(List<String> colors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Legend(Boolean show, String position) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tooltip(Boolean enabled, Boolean shared, String theme) {
    }

    public record Title(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stroke(Double width, String curve) {
    }

    public record Markers(int size) {
    }

    /** Grid lines and the padding that keeps axis titles inside the chart. */
    public record GridLines(String borderColor, Padding padding) {

        static GridLines standard() {
            return new GridLines("var(--lumo-contrast-10pct)", new Padding(8, 12, 4, 24));
        }
    }

    public record Padding(int top, int right, int bottom, int left) {
    }

    /** Reference lines, e.g. the zero line of a Δ axis. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Annotations(List<Line> yaxis, List<Line> xaxis) {

        /** A solid line at y = 0 (and at x = 0 too when {@code alsoX}). */
        public static Annotations zero(boolean alsoX) {
            Line zero = new Line(0.0, null, "var(--lumo-contrast-60pct)", 0, 1.5);
            return new Annotations(List.of(zero), alsoX ? List.of(new Line(null, 0.0, zero.borderColor(), 0, 1.5))
                    : null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(Object y, Object x, String borderColor, int strokeDashArray, double borderWidth,
                       LineLabel label) {

        public Line(Double y, Double x, String borderColor, int strokeDashArray, double borderWidth) {
            this(y, x, borderColor, strokeDashArray, borderWidth, null);
        }

        /** A dashed vertical marker at a category of the x axis, labelled (e.g. an event before that check). */
        public static Line marker(String category, String text, String color) {
            return new Line(null, category, color, 4, 1.5, new LineLabel(text, "top", new LabelText(color)));
        }
    }

    /** A line annotation's label (its text is data: the chart draws it as text, never as markup). */
    public record LineLabel(String text, String position, LabelText style) {
    }

    public record LabelText(String color) {
    }
}
