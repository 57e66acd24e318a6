package org.chimerabench.watch;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The watch's persistent jobs (db-scheduler, in the app's database, so of several app instances one runs each
 * execution): per watch its schedule ("watch-schedule", rescheduled to the cron's next time after each run); per
 * check its progress ("run-watch-check", due again every second until its sweep has ended and it is judged); and one
 * recurring scan of the endpoints' events ("watch-events") that starts a check after a version or digest change.
 */
@Configuration
class WatchJobs {

    static final String SCHEDULE = "watch-schedule";
    static final String CHECK = "run-watch-check";

    @Bean
    CustomTask<Long> runWatchCheckTask(@Lazy WatchRunner runner) {
        return Tasks.custom(CHECK, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.advance(instance.getData())
                        ? new CompletionHandler.OnCompleteRemove<>()
                        : (complete, operations) -> operations.reschedule(complete, Instant.now().plusSeconds(1)));
    }

    @Bean
    CustomTask<Long> watchScheduleTask(@Lazy WatchService watches) {
        return Tasks.custom(SCHEDULE, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    String cron = watches.scheduledCheck(instance.getData());
                    return cron == null ? new CompletionHandler.OnCompleteRemove<>()
                            : (complete, operations) -> operations.reschedule(complete,
                                    Cron.next(cron, ZonedDateTime.now()).toInstant());
                });
    }

    @Bean
    RecurringTask<Void> watchEventsTask(@Lazy WatchTriggers triggers,
                                        @Value("${chimera.watch.poll:5s}") Duration poll) {
        return Tasks.recurring("watch-events", FixedDelay.of(poll))
                .execute((instance, context) -> triggers.scan());
    }
}
