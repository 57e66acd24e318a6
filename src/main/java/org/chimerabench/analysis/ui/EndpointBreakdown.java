package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.chimerabench.analysis.Distribution;
import org.chimerabench.analysis.SweepAnalysis;

/** A fleet sweep per endpoint: each endpoint's own verdict over the configurations it ran. */
class EndpointBreakdown extends Grid<EndpointBreakdown.Row> {

    record Row(String endpoint, SweepAnalysis analysis) {
    }

    EndpointBreakdown(long sweepId, List<Row> rows) {
        addClassName("endpoint-breakdown");
        addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addComponentColumn(r -> new Anchor("sweeps/" + sweepId + "?endpoint=" + java.net.URLEncoder.encode(
                r.endpoint(), java.nio.charset.StandardCharsets.UTF_8), r.endpoint())).setHeader("Endpoint")
                .setFlexGrow(2);
        addColumn(r -> r.analysis().configurations()).setHeader("Configurations");
        addColumn(r -> r.analysis().improvedConfigurations()).setHeader("Improved");
        addColumn(r -> Format.pct(r.analysis().successRatePct(), 1)).setHeader("Success rate");
        addColumn(r -> Format.signedPct(r.analysis().throughputDeltaPct().mean())).setHeader("Mean Δ");
        addColumn(r -> median(r.analysis(), "BASELINE")).setHeader("Baseline tok/s");
        addColumn(r -> median(r.analysis(), "CHIMERA")).setHeader("Chimera tok/s");
        setItems(rows);
    }

    private static String median(SweepAnalysis analysis, String arm) {
        Distribution distribution = analysis.throughputByArm().get(arm);
        return distribution == null ? Format.NONE : Format.number(distribution.median(), 1);
    }
}
