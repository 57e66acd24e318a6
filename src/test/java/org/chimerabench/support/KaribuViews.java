package org.chimerabench.analysis.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.springframework.context.ApplicationContext;

/** Karibu set-up shared by the view tests. The feature views are package-private, which auto-discovery skips. */
final class KaribuViews {

    private static final Routes ROUTES = routes();

    private KaribuViews() {
    }

    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("org.chimerabench");
        routes.getRoutes().add(SweepsView.class);
        routes.getRoutes().add(SweepResultsView.class);
        routes.getRoutes().add(DashboardView.class);
        routes.getRoutes().add(CompareView.class);
        routes.getRoutes().add(CompareReportView.class);
        routes.getRoutes().add(SweepReportView.class);
        return routes;
    }

    static void setUp(ApplicationContext context) {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    /** What the browser does right after the KPIs painted: ask for the charts and tables. */
    static void completeResultsPage() {
        com.github.mvysny.kaributesting.v10.LocatorJ._get(SweepResultsView.class).showDetails();
    }

    static void tearDown() {
        MockVaadin.tearDown();
    }
}
