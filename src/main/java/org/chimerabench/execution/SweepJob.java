package org.chimerabench.execution;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent background job that runs a sweep (db-scheduler, stored in the app's database). If the app dies
 * mid-sweep, db-scheduler finds the dead execution after a few missed heartbeats and runs it again; the runner
 * then resumes at the first unfinished trial.
 */
@Configuration
class SweepJob {

    static final String NAME = "run-sweep";

    @Bean
    OneTimeTask<Long> runSweepTask(SweepRunner runner) {
        // a run handed back by a stopping app (SweepRunner.HandedBack) is due again at once: the next instance to
        // poll — this one after its restart, or another — resumes it where it stopped
        return Tasks.oneTime(NAME, Long.class).onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ZERO))
                .execute((instance, context) -> runner.run(instance.getData()));
    }
}
