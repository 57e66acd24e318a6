package org.chimerabench.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * A chart drawn by ApexCharts 3.30 (MIT), loaded from the webjar. Options are typed Java records serialised with
 * Jackson. The chart is created only once the element is in the page and has a width (else ApexCharts draws it
 * 0 px wide); {@link #setOptions} updates it in place without re-creating it; it redraws when its parent
 * resizes; {@code var(--lumo-…)} colours are resolved against the current Lumo theme.
 */
@Tag("div")
@JavaScript("context://webjars/apexcharts/3.30.0/dist/apexcharts.min.js")
public class ApexChart extends Component implements HasSize, HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RENDER = """
            const el = this;
            el.__chimeraOptions = JSON.parse($0);
            const resolve = (value) => {
              if (typeof value === 'string') {
                const m = value.match(/^var\\((--[\\w-]+)\\)$/);
                return m ? (getComputedStyle(el).getPropertyValue(m[1]).trim() || value) : value;
              }
              if (Array.isArray(value)) return value.map(resolve);
              if (value && typeof value === 'object') {
                const out = {};
                for (const k in value) out[k] = resolve(value[k]);
                return out;
              }
              return value;
            };
            const minus = (text) => text.replace(/^-/, '\u2212');
            const withFormatters = (opts) => {
              const names = opts.pointNames; delete opts.pointNames;
              if (names) {
                opts.tooltip = Object.assign({}, opts.tooltip, {x: {formatter: (v, o) =>
                  (o && names[o.seriesIndex] && names[o.seriesIndex][o.dataPointIndex]) || v}});
              }
              if (opts.valueDecimals == null) return opts;
              const d = opts.valueDecimals, suffix = opts.valueSuffix || '';
              const axisD = opts.axisDecimals == null ? d : opts.axisDecimals;
              const format = (v) => (v == null || isNaN(v)) ? '' : minus(Number(v).toFixed(d)) + suffix;
              const formatAxis = (v) => (v == null || isNaN(v)) ? '' : minus(Number(v).toFixed(axisD)) + suffix;
              delete opts.valueDecimals; delete opts.valueSuffix; delete opts.axisDecimals;
              if (!(opts.chart && opts.chart.type === 'heatmap')) {
                opts.yaxis = Object.assign({}, opts.yaxis);
                opts.yaxis.labels = Object.assign({}, opts.yaxis.labels, {formatter: formatAxis});
              }
              if (opts.xaxis && opts.xaxis.type === 'numeric') {
                const xd = opts.xaxis.decimalsInFloat == null ? d : opts.xaxis.decimalsInFloat;
                opts.xaxis.labels = Object.assign({}, opts.xaxis.labels, {formatter: (v) =>
                  (v == null || isNaN(v)) ? '' : minus(Number(v).toFixed(xd)) + suffix});
              }
              if (opts.dataLabels && opts.dataLabels.enabled) {
                opts.dataLabels = Object.assign({}, opts.dataLabels, {formatter: format});
              }
              opts.tooltip = Object.assign({}, opts.tooltip, {y: {formatter: format}});
              return opts;
            };
            const render = () => {
              if (typeof ApexCharts === 'undefined') { setTimeout(render, 50); return; }
              const opts = withFormatters(resolve(el.__chimeraOptions));
              if (el.__chimera) { el.__chimera.updateOptions(opts, true, false); return; }
              if (el.clientWidth === 0) {
                if (!el.__chimeraWait) {
                  el.__chimeraWait = new ResizeObserver(() => {
                    if (el.clientWidth > 0) { el.__chimeraWait.disconnect(); el.__chimeraWait = null; render(); }
                  });
                  el.__chimeraWait.observe(el);
                }
                return;
              }
              el.__chimera = new ApexCharts(el, opts);
              el.__chimera.render();
            };
            // Draw after the browser has painted the rest of the page, so text and figures never wait for SVG.
            if (el.__chimera) { render(); } else { requestAnimationFrame(() => setTimeout(render, 0)); }
            """;

    private ChartOptions options;

    public ApexChart(ChartOptions options) {
        this.options = options;
        addClassName("apex-chart");
        setWidthFull();
    }

    public ChartOptions getOptions() {
        return options;
    }

    /** Replaces the options; an attached chart is updated in place (no re-creation). */
    public void setOptions(ChartOptions options) {
        this.options = options;
        if (isAttached()) {
            render();
        }
    }

    /** The options as sent to the browser. */
    public String optionsJson() {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart options cannot be written as JSON", e);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        render();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        getElement().executeJs("if (this.__chimera) { this.__chimera.destroy(); this.__chimera = null; }");
    }

    private void render() {
        getElement().executeJs(RENDER, optionsJson());
    }
}
