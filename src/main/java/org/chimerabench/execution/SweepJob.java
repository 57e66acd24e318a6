package org.chimerabench.execution;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
        return Tasks.oneTime(NAME, Long.class).execute((instance, context) -> runner.run(instance.getData()));
    }
}
