package org.chimerabench.watch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chimerabench.endpoint.EndpointEventView;
import org.chimerabench.endpoint.EndpointEvents;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a check after a version or digest change of a watch's endpoint and model, debounced: once the newest such
 * change is {@code chimera.watch.debounce} old (an upgrade restarts the server, pulls come in bursts), one check
 * answers all of them. Other events (placement, settings) are passed over; they explain, they do not trigger.
 */
@Component
class WatchTriggers {

    private final WatchRepository watches;
    private final WatchRunner runner;
    private final EndpointService endpoints;
    private final EndpointEvents events;
    private final TransactionTemplate tx;
    private final Duration debounce;

    WatchTriggers(WatchRepository watches, WatchRunner runner, EndpointService endpoints, EndpointEvents events,
                  TransactionTemplate tx, @Value("${chimera.watch.debounce:60s}") Duration debounce) {
        this.watches = watches;
        this.runner = runner;
        this.endpoints = endpoints;
        this.events = events;
        this.tx = tx;
        this.debounce = debounce;
    }

    void scan() {
        for (Watch watch : watches.findAll()) {
            Optional<EndpointView> endpoint = endpoints.findByName(watch.getEndpoint());
            if (endpoint.isEmpty()) {
                continue;
            }
            List<EndpointEventView> fresh = events.since(endpoint.get().id(), watch.getLastEventId());
            if (fresh.isEmpty()) {
                continue;
            }
            long newest = fresh.get(fresh.size() - 1).id();
            List<EndpointEventView> triggers = fresh.stream().filter(EndpointEventView::isRecheckTrigger)
                    .filter(e -> e.model() == null || e.model().equals(watch.getModel())).toList();
            if (triggers.isEmpty()) {
                answered(watch.getId(), newest);
                continue;
            }
            if (triggers.get(triggers.size() - 1).at().isAfter(OffsetDateTime.now().minus(debounce))) {
                continue; // more may follow
            }
            String reason = "after " + triggers.stream().map(EndpointEventView::description)
                    .collect(Collectors.joining("; "));
            if (runner.start(watch.getId(), WatchCheck.Kind.CHECK, reason).isPresent()) {
                answered(watch.getId(), newest);
            }
        }
    }

    private void answered(long watchId, long eventId) {
        tx.executeWithoutResult(s -> watches.findById(watchId).ifPresent(w -> w.setLastEventId(
                Math.max(w.getLastEventId(), eventId))));
    }
}
