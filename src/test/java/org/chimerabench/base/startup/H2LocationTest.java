package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Where H2 URLs keep their files, as the start-up checks and the backup read them; the one-line report. */
class H2LocationTest {

    @Test
    void fileUrlsInEveryFormNameTheirFilesAndSettings() {
        H2Location shipped = H2Location.of("jdbc:h2:file:./data/chimera-bench;WRITE_DELAY=0").orElseThrow();
        assertThat(shipped.database()).isEqualTo(Path.of("data/chimera-bench").toAbsolutePath());
        assertThat(shipped.folder()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(shipped.setting("write_delay")).contains("0");
        assertThat(shipped.setting("AUTO_SERVER")).isEmpty();
        assertThat(H2Location.of("jdbc:h2:/srv/db;AUTO_SERVER=TRUE").orElseThrow().setting("AUTO_SERVER"))
                .contains("TRUE");
        assertThat(H2Location.of("jdbc:h2:~/bench").orElseThrow().database())
                .isEqualTo(Path.of(System.getProperty("user.home"), "bench"));
    }

    @Test
    void databasesNotInThisProcesssFilesHaveNoLocation() {
        assertThat(H2Location.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Location.of("jdbc:h2:tcp://db.example.org/~/bench")).isEmpty();
        assertThat(H2Location.of("jdbc:postgresql://db/chimera")).isEmpty();
    }

    @Test
    void aReportIsOneLineOfWhatAndWhatToDo() {
        assertThat(OneLineFailureReporter.line(new FailureAnalysis("Web server failed to start.\nPort 8080 was"
                + " already in use.", "Identify and stop the process\nthat's listening on port 8080", null)))
                .isEqualTo("Web server failed to start. Port 8080 was already in use. Identify and stop the process"
                        + " that's listening on port 8080");
    }
}
