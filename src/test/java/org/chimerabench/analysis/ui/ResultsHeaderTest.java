package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

/** The source line of an import: one name as it is, many collapsed to "18 files ▸" that opens to the list. */
class ResultsHeaderTest {

    @Test
    void manyFilesCollapseToACountThatOpensToTheirNames() {
        Component many = ResultsHeader.source("3 files: a.metrics.json, b.metrics.json, c.metrics.json");
        assertThat(many).isInstanceOf(NativeDetails.class);
        NativeDetails details = (NativeDetails) many;
        assertThat(details.getSummaryText()).isEqualTo("Source: 3 files");
        assertThat(details.isOpen()).as("closed until asked").isFalse();
        assertThat(((Div) details.getContent()).getChildren().map(c -> ((Div) c).getText()))
                .containsExactly("a.metrics.json", "b.metrics.json", "c.metrics.json");
    }

    @Test
    void oneFileIsShownAsItIs() {
        Component one = ResultsHeader.source("rust_vs_python_sweep_summary.csv");
        assertThat(((Span) one).getText()).isEqualTo("Source: rust_vs_python_sweep_summary.csv");
        assertThat(((Span) ResultsHeader.source("a.json, b.json")).getText()).isEqualTo("Source: a.json, b.json");
    }
}
