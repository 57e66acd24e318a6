package org.chimerabench.analysis.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;

/** Test steps on the results page. */
final class ResultsPage {

    private ResultsPage() {
    }

    /** What the browser does right after the KPIs painted: ask for the charts and tables. */
    static void complete() {
        LocatorJ._get(SweepResultsView.class).showDetails();
    }
}
