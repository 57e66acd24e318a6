package org.chimerabench.watch;

import java.time.OffsetDateTime;
import java.util.Map;

/** A watch in the list: what, where, the last outcome and when. */
public record WatchSummary(long id, String endpoint, String model, Map<String, Object> options, String cron,
                           String outcome, Double deltaPct, OffsetDateTime lastCheckAt, boolean checking,
                           String createdBy) {
}
