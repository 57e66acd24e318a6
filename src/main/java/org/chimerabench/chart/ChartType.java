package org.chimerabench.chart;

/** The ApexCharts 3.30 chart types Chimera Bench draws. */
public enum ChartType {
    LINE("line"), AREA("area"), BAR("bar"), HEATMAP("heatmap"), BOX_PLOT("boxPlot"), SCATTER("scatter");

    private final String apexName;

    ChartType(String apexName) {
        this.apexName = apexName;
    }

    public String apexName() {
        return apexName;
    }
}
