package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SyntheticSweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The analysis cache is bounded (a year of sweeps must not fill the heap); what it drops is computed again. */
@SpringBootTest(properties = {"chimera.analysis.cache-size=3",
        "spring.datasource.url=jdbc:h2:mem:analysis-cache-${random.uuid};DB_CLOSE_DELAY=-1"})
@AsAdmin
class AnalysisCacheTest {

    @Autowired
    AnalysisService analysis;
    @Autowired
    SweepLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void keepsTheMostRecentlyUsedAnalysesOnly() {
        SyntheticSweep generator = new SyntheticSweep(lifecycle, jdbc, transactions);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(generator.create(1, 2, 1, 3));
        }
        SweepAnalysis first = analysis.analyse(ids.get(0)).orElseThrow();
        ids.forEach(id -> analysis.analyse(id).orElseThrow());
        assertThat(analysis.cached()).isEqualTo(3);

        SweepAnalysis again = analysis.analyse(ids.get(0)).orElseThrow();
        assertThat(again).as("computed again, not taken from the cache").isNotSameAs(first);
        assertThat(again.successRatePct()).isEqualTo(first.successRatePct());
        assertThat(again.configurationResults()).isEqualTo(first.configurationResults());
        assertThat(analysis.analyse(ids.get(0)).orElseThrow()).as("now cached again").isSameAs(again);
        assertThat(analysis.cached()).isEqualTo(3);
    }
}
