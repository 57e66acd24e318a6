package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.execution.CallService;
import org.chimerabench.execution.CallStatus;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The technical report of the example's Rust sweep, line for line against a reviewed copy
 * ({@code src/test/resources/golden/chimeraforge-rust-report.md}). A change to the report shows here as a diff;
 * after reviewing it, write the new copy with {@code ./mvnw test -Dtest=MarkdownReportGoldenTest -Dgolden.update=true}.
 * Own, empty database, so the example's Rust sweep is sweep 1.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:golden-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext
@AsAdmin
class MarkdownReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/chimeraforge-rust-report.md");
    private static final OffsetDateTime GENERATED = OffsetDateTime.parse("2026-12-01T09:00:00Z");

    @Autowired
    ExampleService examples;
    @Autowired
    SweepService sweeps;
    @Autowired
    AnalysisService analyses;
    @Autowired
    CallService calls;

    @Test
    void theExampleReportIsTheReviewedOne() throws Exception {
        long rust = examples.loadChimeraforge().rust();
        SweepDetails sweep = sweeps.find(rust).orElseThrow();
        SweepAnalysis analysis = analyses.analyse(rust).orElseThrow();
        String report = MarkdownReport.write(sweep, analysis, calls.count(rust), calls.count(rust, CallStatus.FAILED),
                sweeps.prompt(rust).orElse(null), GENERATED);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, report, StandardCharsets.UTF_8);
        }
        assertThat(report).as("the report differs from %s", GOLDEN).isEqualTo(Files.readString(GOLDEN));
        assertThat(report).contains("# Technical report: TR111 example: Rust agent")
                .contains("from 36 stored calls of sweep " + rust);
    }
}
