package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.exchange.ReportService;
import org.chimerabench.security.ShareLinkService;

/** The printable report of a shared sweep (the first of a shared comparison), without login; 404 once revoked. */
@Route(value = "shared/:token/report", autoLayout = false)
@AnonymousAllowed
class SharedReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final ShareLinkService shares;
    private final ReportService reports;
    private final AnalysisService analyses;
    private String title = "Shared report · Chimera Bench";

    SharedReportView(ShareLinkService shares, ReportService reports, AnalysisService analyses) {
        this.shares = shares;
        this.reports = reports;
        this.analyses = analyses;
        addClassName("report-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<Long> sweep = shares.open(token).map(ShareLinkService.Shared::sweepA);
        Optional<String> html = sweep.flatMap(reports::sharedHtml); // without endpoint URL, host and pid
        Optional<SweepAnalysis> analysis = sweep.flatMap(analyses::analyse);
        if (html.isEmpty() || analysis.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "This link does not exist, was revoked or has expired.");
            return;
        }
        title = "Shared report · Chimera Bench";
        SweepReportView.showReport(this, html.get(), analysis.get(), new Anchor("shared/" + token,
                "Back to the results"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
