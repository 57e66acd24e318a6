package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SyntheticSweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The sweeps list in pages (what the lazy grid asks for): newest first, each sweep's own counts and verdict. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:overview-pages-${random.uuid};DB_CLOSE_DELAY=-1")
@AsAdmin
class SweepOverviewServiceTest {

    @Autowired
    SweepOverviewService overviews;
    @Autowired
    SweepLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void pagesWalkTheListNewestFirstWithEachSweepsOwnFigures() {
        SyntheticSweep generator = new SyntheticSweep(lifecycle, jdbc, transactions);
        List<Long> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(generator.create(1, i, 1, 2)); // i configurations × 2 arms × 2 trials
        }
        List<Long> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);

        assertThat(overviews.count()).isEqualTo(5);
        assertThat(ids(overviews.page(0, 2))).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(overviews.page(2, 2))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(overviews.page(4, 2))).containsExactly(newestFirst.get(4));
        assertThat(overviews.page(5, 2)).isEmpty();
        assertThat(ids(overviews.recent(3))).containsExactlyElementsOf(newestFirst.subList(0, 3));

        SweepOverview third = overviews.page(2, 1).get(0); // the third sweep created: 3 configurations, 12 calls
        assertThat(third.sweep().configurations()).isEqualTo(3);
        assertThat(third.sweep().progress().done()).isEqualTo(12);
        assertThat(third.measuredConfigurations()).isEqualTo(3);
        assertThat(third.verdict()).isNotNull();
        assertThat(ids(overviews.list())).as("the whole list, same order").containsExactlyElementsOf(newestFirst);
    }

    private static List<Long> ids(List<SweepOverview> page) {
        return page.stream().map(o -> o.sweep().id()).toList();
    }
}
