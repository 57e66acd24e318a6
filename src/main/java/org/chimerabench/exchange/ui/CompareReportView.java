package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.base.ui.PrintableReport;
import org.chimerabench.base.ui.RouteIds;
import org.chimerabench.exchange.ReportService;

/** The comparison report as a printable page: {@code /compare/report?a={id}&b={id}}. */
@PermitAll
@Route("compare/report")
@PageTitle("Comparison report · Chimera Bench")
class CompareReportView extends Div implements BeforeEnterObserver {

    private final ReportService reports;

    CompareReportView(ReportService reports) {
        this.reports = reports;
        addClassName("report-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<Long> a = RouteIds.first(query.get("a"));
        Optional<Long> b = RouteIds.first(query.get("b"));
        Optional<String> html = a.isPresent() && b.isPresent() ? reports.comparisonHtml(a.get(), b.get())
                : Optional.empty();
        if (html.isEmpty()) {
            add(new Paragraph("Pick two existing sweeps on the Compare page first."), new Anchor("compare", "Compare"));
            return;
        }
        add(PrintableReport.actions(this, PrintableReport.download("api/compare/report.md?a=" + a.get() + "&b="
                        + b.get(), "Markdown"), new Anchor("compare?a=" + a.get() + "&b=" + b.get(),
                        "Back to the comparison")),
                PrintableReport.body(html.get()));
    }

}
