package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chimerabench.analysis.Distribution;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.Numbers;
import org.chimerabench.execution.Arm;

/** A fleet sweep per endpoint: each endpoint's own verdict over the configurations it ran. */
class EndpointBreakdown extends Grid<EndpointBreakdown.Row> {

    record Row(String endpoint, SweepAnalysis analysis) {
    }

    EndpointBreakdown(long sweepId, List<Row> rows) {
        addClassName("endpoint-breakdown");
        addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addComponentColumn(r -> new Anchor("sweeps/" + sweepId + "?endpoint=" + URLEncoder.encode(
                r.endpoint(), StandardCharsets.UTF_8), r.endpoint())).setHeader("Endpoint")
                .setFlexGrow(2);
        addColumn(r -> r.analysis().configurations()).setHeader("Configurations");
        addColumn(r -> r.analysis().improvedConfigurations()).setHeader("Improved");
        addColumn(r -> Numbers.pct(r.analysis().successRatePct(), 0)).setHeader("Success rate");
        addColumn(r -> r.analysis().verdict().throughputDeltaPct().outcome().label()).setHeader("Throughput verdict");
        addColumn(r -> Numbers.signedPctWithin(r.analysis().verdict().throughputDeltaPct().meanPct(),
                r.analysis().verdict().throughputDeltaPct().halfWidth())).setHeader("Mean Δ");
        addColumn(r -> median(r.analysis(), Arm.BASELINE)).setHeader("Baseline (tok/s)");
        addColumn(r -> median(r.analysis(), Arm.CHIMERA)).setHeader("Chimera (tok/s)");
        setItems(rows);
    }

    private static String median(SweepAnalysis analysis, Arm arm) {
        Distribution distribution = analysis.throughputByArm().get(arm);
        return distribution == null ? Numbers.NONE : Numbers.number(distribution.median(), 1);
    }
}
