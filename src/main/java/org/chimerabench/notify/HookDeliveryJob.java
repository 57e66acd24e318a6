package org.chimerabench.notify;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends the due hook deliveries every few seconds: a db-scheduler recurring task, so of several app instances on one
 * database one sends each round (a delivery is tried by one instance, not by each).
 */
@Configuration
class HookDeliveryJob {

    @Bean
    RecurringTask<Void> sendHookDeliveries(HookSender sender,
                                           @Value("${chimera.hooks.poll:2s}") Duration poll) {
        return Tasks.recurring("send-hook-deliveries", FixedDelay.of(poll))
                .execute((instance, context) -> sender.sendDue());
    }
}
