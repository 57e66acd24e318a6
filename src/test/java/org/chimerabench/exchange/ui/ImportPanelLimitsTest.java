package org.chimerabench.exchange.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import org.chimerabench.exchange.UploadedFile;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Issue 25: the upload's limits were checked only in the browser, and a second file of a name already chosen
 * silently replaced the first. On the server now: too large a file, or a name chosen twice, is refused with a
 * message and not kept.
 */
@SpringBootTest(properties = "chimera.import.max-file-bytes=1048576")
@AsAdmin
class ImportPanelLimitsTest {

    @Autowired
    ApplicationContext context;

    ImportPanel panel;

    @BeforeEach
    void open() {
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps");
        panel = _get(ImportPanel.class);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    private static String text(ImportErrorDialog dialog) {
        return dialog.getChildren().map(c -> c.getElement().getTextRecursively()).reduce("", String::concat);
    }

    @Test
    void aFileOfANameChosenAlreadyIsRefusedNotSwapped() {
        panel.fileReceived(new UploadedFile("metrics.json", "{}".getBytes(StandardCharsets.UTF_8)));
        panel.fileReceived(new UploadedFile("metrics.json", "{\"other\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(panel.pending()).isEqualTo(1);
        assertThat(text(_get(ImportErrorDialog.class))).contains("A file named metrics.json is chosen already");
    }

    @Test
    void aFileOverTheLimitIsRefusedOnTheServer() {
        panel.fileReceived(new UploadedFile("huge.csv", new byte[2 * 1024 * 1024]));
        assertThat(panel.pending()).isZero();
        assertThat(_find(ImportErrorDialog.class)).hasSize(1);
        assertThat(text(_get(ImportErrorDialog.class))).contains("huge.csv has 2 MB; at most 1 MB per file");
    }
}
