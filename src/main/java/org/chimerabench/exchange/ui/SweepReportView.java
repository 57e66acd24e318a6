package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.analysis.ui.DeltaBarChart;
import org.chimerabench.base.ui.PrintableReport;
import org.chimerabench.base.ui.RouteIds;
import org.chimerabench.exchange.ReportService;

/**
 * The technical report as a printable page (A4, a page break before each section, charts as SVG): the same
 * Markdown as {@code GET /api/sweeps/{id}/report.md}, rendered, with the Δ chart on top.
 */
@PermitAll
@Route("sweeps/:sweepId/report")
class SweepReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ReportService reports;
    private final AnalysisService analyses;
    private String title = "Report · Chimera Bench";

    SweepReportView(ReportService reports, AnalysisService analyses) {
        this.reports = reports;
        this.analyses = analyses;
        addClassName("report-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().get("sweepId").flatMap(RouteIds::parse);
        Optional<String> html = id.flatMap(reports::html);
        Optional<SweepAnalysis> analysis = id.flatMap(analyses::analyse);
        if (html.isEmpty() || analysis.isEmpty()) {
            add(new Paragraph("There is no sweep " + event.getRouteParameters().get("sweepId").orElse("") + "."));
            return;
        }
        title = "Report of sweep " + id.get() + " · Chimera Bench";
        showReport(this, html.get(), analysis.get(),
                PrintableReport.download("api/sweeps/" + id.get() + "/report.md", "Markdown"),
                new Anchor("sweeps/" + id.get(), "Back to the results"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }


    /** A sweep's printable report on a page: print bar with the given links, the report, the Δ chart. */
    static void showReport(Div page, String html, SweepAnalysis analysis, Anchor... links) {
        Div chart = new Div(new DeltaBarChart(analysis.configurationResults()));
        chart.addClassName("report-chart");
        page.add(PrintableReport.actions(page, links), PrintableReport.body(html), chart);
    }
}
