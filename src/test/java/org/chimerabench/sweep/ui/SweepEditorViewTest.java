package org.chimerabench.sweep.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.chimerabench.sweep.OllamaOption;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The sweep editor without a browser: live preview, the validation rules on the fields, creating a sweep. */
@SpringBootTest
class SweepEditorViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SweepService sweeps;

    SweepEditorView editor;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() throws ClassNotFoundException {
        Routes routes = new Routes().autoDiscoverViews("org.chimerabench");
        routes.getRoutes().add(SweepEditorView.class);
        routes.getRoutes().add((Class<? extends com.vaadin.flow.component.Component>)
                Class.forName("org.chimerabench.analysis.ui.SweepResultsView")); // package-private elsewhere
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
        UI.getCurrent().navigate("sweeps/new");
        editor = _get(SweepEditorView.class);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void previewCountsTheCalls() {
        assertThat(editor.preview.getText())
                .isEqualTo("4 configurations × 2 arms × (2 repetitions + 1 warm-ups) × 1 call = 24 calls");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Add axis")));
        editor.workload.setValue("AGENT_WORKFLOW");
        assertThat(editor.preview.getText()).isEqualTo(
                "8 configurations × 2 arms × (2 repetitions + 1 warm-ups) × 2 calls = 96 calls");
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        gpu.values.setValue("10..30 step 10");
        assertThat(editor.preview.getText()).startsWith("12 configurations");
    }

    @Test
    void invalidFieldsSayWhatIsWrongAndNothingIsSaved() {
        long before = sweeps.count();
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        assertThat(gpu.option.getValue()).isEqualTo(OllamaOption.NUM_GPU);
        gpu.values.setValue("sixty, 80");
        editor.repetitions.setValue(0);
        editor.name.setValue("");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before);
        assertThat(gpu.values.isInvalid()).isTrue();
        assertThat(gpu.values.getErrorMessage()).isEqualTo("num_gpu must be a whole number, got sixty");
        assertThat(editor.repetitions.getErrorMessage()).isEqualTo("Repetitions must be between 1 and 1000, got 0");
        assertThat(editor.name.getErrorMessage()).isEqualTo("Name is required");
        assertThat(editor.errors.getText()).startsWith("Nothing was saved.");
    }

    @Test
    void aValidSweepIsCreatedAndOpened() {
        long before = sweeps.count();
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before + 1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("sweeps/\\d+");
        assertThat(sweeps.list().get(0).status().name()).isEqualTo("DRAFT");
    }
}
