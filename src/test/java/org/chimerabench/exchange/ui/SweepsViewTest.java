package org.chimerabench.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The Sweeps view without a browser (Karibu-Testing): upload → Import → rows appear; a bad file → error dialog. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class SweepsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SweepService sweeps;

    @BeforeEach
    void openSweepsView() {
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps");
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void uploadingTheSeedCsvAddsTwoSweepRows() {
        long before = sweeps.count();
        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "rust_vs_python_sweep_summary.csv", SeedFiles.read(SeedFiles.summaryCsv()));
        assertThat(sweeps.count()).as("nothing stored before Import").isEqualTo(before);
        ButtonKt._click(importButton("Import 1 file"));

        assertThat(sweeps.count()).isEqualTo(before + 2);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .as("two sweeps imported: the user lands on their comparison").isEqualTo("compare");
        UI.getCurrent().navigate("sweeps");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withClasses("sweeps-grid"));
        assertThat(GridKt._size(grid)).isEqualTo((int) before + 2);
        String rows = String.join("\n", IntStream.range(0, 2)
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList());
        assertThat(rows).contains("72 % (13/18)").contains("39 % (7/18)").contains("imported · rust_vs_python");
        assertThat(_find(Dialog.class)).isEmpty();
    }

    @Test
    void severalFilesAtOnceMakeOneSweep() {
        long before = sweeps.count();
        Upload upload = _get(Upload.class);
        for (Path file : SeedFiles.rustMetrics()) {
            UploadKt._upload(upload, file.getFileName().toString(), SeedFiles.read(file));
        }
        ButtonKt._click(importButton("Import 18 files"));
        assertThat(sweeps.count()).isEqualTo(before + 1);
        assertThat(sweeps.list().get(0).configurations()).isEqualTo(18);
        assertThat(_find(Button.class, spec -> spec.withClasses("import-button"))).as("nothing pending").isEmpty();
    }

    private static Button importButton(String caption) {
        return _get(Button.class, spec -> spec.withClasses("import-button").withText(caption));
    }

    @Test
    void aBadFileOpensAnErrorDialogAndStoresNothing() {
        long before = sweeps.count();
        Upload upload = _get(Upload.class);
        UploadKt._upload(upload, "notes.csv", "just some notes".getBytes(StandardCharsets.UTF_8));
        ButtonKt._click(importButton("Import 1 file"));

        assertThat(sweeps.count()).isEqualTo(before);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Import failed");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("import-error")).getText())
                .contains("notes.csv").contains("unrecognised format");
    }

    @Test
    void aSweepStillToRunShowsItsCallsDoneOfPlanned() {
        long id = sweeps.create(new SweepDefinition("to run", null,
                List.of("Built-in simulator"), "llama3.2-sim:3b",
                new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null),
                Map.of("num_ctx", List.of(2048, 4096)), null, null, 3, 1, false, null, null,
                false, 8, null, null));
        UI.getCurrent().navigate("sweeps/" + id);
        UI.getCurrent().navigate("sweeps");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withClasses("sweeps-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("0 of 16", "draft");
    }
}
