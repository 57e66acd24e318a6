package org.chimerabench.execution;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent background job that runs a sweep (db-scheduler, stored in the app's database). If the app dies
 * mid-sweep, db-scheduler finds the dead execution after a few missed heartbeats and runs it again (on any instance
 * sharing the database); the runner then resumes at the first unfinished trial. A sweep whose endpoint is busy with
 * another sweep (on this instance or another) is due again a second later, without holding a job thread meanwhile.
 */
@Configuration
class SweepJob {

    static final String NAME = "run-sweep";
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    static final Duration HAND_BACK_DELAY = Duration.ofSeconds(2);

    @Bean
    CustomTask<Long> runSweepTask(SweepRunner runner) {
        // a run handed back by a stopping app (SweepRunner.HandedBack) is due again 2 s later — after the stopping
        // instance's scheduler has stopped polling: the next instance to poll (this one after its restart, or
        // another) resumes it where it stopped
        return Tasks.custom(NAME, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(HAND_BACK_DELAY))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getData()) == SweepRunner.Outcome.ENDPOINTS_BUSY
                        ? (complete, operations) -> operations.reschedule(complete, Instant.now().plus(BUSY_RETRY))
                        : new CompletionHandler.OnCompleteRemove<>());
    }
}
