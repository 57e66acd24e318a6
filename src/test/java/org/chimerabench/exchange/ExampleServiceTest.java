package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;

/** Loading the bundled example: from the application's own resources, never twice. Own, empty database. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:example-service-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext
@AsAdmin
class ExampleServiceTest {

    @Autowired
    ExampleService examples;
    @Autowired
    SweepService sweeps;
    @Autowired
    SecurityContextHolderStrategy strategy;

    @Test
    void twoClicksAtOnceLoadItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        SecurityContext admin = strategy.getContext(); // both clicks by the test's signed-in user
        try {
            Callable<ExampleService.Loaded> load = () -> {
                strategy.setContext(admin);
                try {
                    return examples.loadChimeraforge();
                } finally {
                    strategy.clearContext();
                }
            };
            List<Future<ExampleService.Loaded>> both = pool.invokeAll(List.of(load, load));
            ExampleService.Loaded a = both.get(0).get();
            ExampleService.Loaded b = both.get(1).get();
            assertThat(a.sweepIds()).isEqualTo(b.sweepIds()).hasSize(2);
            assertThat(a.created() ^ b.created()).as("exactly one of the two imported").isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(sweeps.count()).isEqualTo(2);
        assertThat(sweeps.list()).extracting(s -> s.label()).containsExactlyInAnyOrder("rust", "python");
        assertThat(sweeps.list()).allSatisfy(s -> assertThat(s.configurations()).isEqualTo(18));
    }
}
