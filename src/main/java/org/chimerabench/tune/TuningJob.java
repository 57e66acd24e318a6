package org.chimerabench.tune;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent background job that drives a tuning (db-scheduler, in the app's database, like a sweep's): each
 * execution runs steps until a stage is running, then hands its thread back and is due again a second later. A killed
 * app's execution is revived after its missed heartbeats and continues from the stored state.
 */
@Configuration
class TuningJob {

    static final String NAME = "run-tuning";
    static final Duration POLL = Duration.ofSeconds(1);

    @Bean
    CustomTask<Long> runTuningTask(TuningRunner runner) {
        return Tasks.custom(NAME, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    TuningRunner.Next next;
                    do {
                        next = runner.step(instance.getData());
                    } while (next == TuningRunner.Next.NOW);
                    return next == TuningRunner.Next.LATER
                            ? (complete, operations) -> operations.reschedule(complete, Instant.now().plus(POLL))
                            : new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
