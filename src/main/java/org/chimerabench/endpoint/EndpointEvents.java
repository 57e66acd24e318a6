package org.chimerabench.endpoint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.chimerabench.base.Access;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed on each endpoint, as its background checks saw it (docs/architecture.md §4.4): Ollama's version, each
 * installed model's digest, each loaded model's share in GPU memory, and the server settings an admin records. Each
 * change is stored once with its time, whichever app instance saw it first: recording locks the endpoint's row, so
 * two instances polling one server agree on one event.
 */
@Service
public class EndpointEvents {

    /** A loaded model's GPU share must move by at least this many points to count as a placement change. */
    static final double PLACEMENT_STEP_PCT = 1.0;
    /** The longest value stored (a version, a digest): what a server says beyond it is cut. */
    static final int MAX_VALUE = 500;
    /** A model name longer than its column is no model to watch: passed over, so it cannot fail the record. */
    static final int MAX_MODEL = 200;

    private final EndpointEventRepository events;
    private final EndpointRepository endpoints;

    EndpointEvents(EndpointEventRepository events, EndpointRepository endpoints) {
        this.events = events;
        this.endpoints = endpoints;
    }

    /** The endpoint's events, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    @PreAuthorize(Access.SIGNED_IN)
    public List<EndpointEventView> list(long endpointId, int limit) {
        return events.findByEndpointIdOrderByIdDesc(endpointId, Pageable.ofSize(Math.max(1, limit))).stream()
                .map(EndpointEventView::of).toList();
    }

    /** The endpoint's events after the one with id {@code afterId}, oldest first (for the background watch jobs). */
    @Transactional(readOnly = true)
    public List<EndpointEventView> since(long endpointId, long afterId) {
        return events.findByEndpointIdAndIdGreaterThanOrderById(endpointId, afterId).stream()
                .map(EndpointEventView::of).toList();
    }

    /** The endpoint's events after {@code from} up to {@code to}, nearest to {@code to} first (to explain a change). */
    @Transactional(readOnly = true)
    public List<EndpointEventView> between(long endpointId, OffsetDateTime from, OffsetDateTime to) {
        return events.findByEndpointIdAndAtGreaterThanAndAtLessThanEqualOrderByAtDescIdDesc(endpointId, from, to)
                .stream().map(EndpointEventView::of).toList();
    }

    /** The id of the newest event of any endpoint (0 when none): a new watch answers only what comes after. */
    @Transactional(readOnly = true)
    public long newestId() {
        return events.maxId();
    }

    /** Records what a successful check saw that differs from the last stored value of each kind. */
    @Transactional
    void observe(long endpointId, EndpointStatus status) {
        if (!Boolean.TRUE.equals(status.reachable()) || endpoints.lockAll(List.of(endpointId)).isEmpty()) {
            return; // down, or removed meanwhile
        }
        OffsetDateTime at = status.checkedAt() != null ? status.checkedAt() : OffsetDateTime.now();
        if (status.version() != null) {
            change(endpointId, null, EndpointEventKind.VERSION, status.version(), at);
        }
        status.models().stream().filter(m -> m.digest() != null && m.name().length() <= MAX_MODEL)
                .forEach(m -> change(endpointId, m.name(), EndpointEventKind.DIGEST, m.digest(), at));
        for (EndpointStatus.LoadedModelSummary loaded : status.loaded()) {
            if (loaded.gpuOffloadPct() == null || loaded.name().length() > MAX_MODEL) {
                continue;
            }
            Optional<EndpointEvent> last = events.latest(endpointId, EndpointEventKind.PLACEMENT, loaded.name());
            double share = loaded.gpuOffloadPct();
            if (last.isEmpty() || Math.abs(Double.parseDouble(last.get().getAfter()) - share) >= PLACEMENT_STEP_PCT) {
                events.save(new EndpointEvent(endpointId, loaded.name(), EndpointEventKind.PLACEMENT,
                        last.map(EndpointEvent::getAfter).orElse(null), String.format(Locale.ROOT, "%.1f", share), at));
            }
        }
    }

    /** Records an admin's change of the server settings (in the caller's transaction); nothing when equal. */
    @Transactional
    void settingsChanged(long endpointId, String before, String after) {
        if (!Objects.equals(before, after)) {
            events.save(new EndpointEvent(endpointId, null, EndpointEventKind.SETTINGS, before == null ? "" : before,
                    after == null ? "" : after, OffsetDateTime.now()));
        }
    }

    private void change(long endpointId, String model, EndpointEventKind kind, String raw, OffsetDateTime at) {
        String value = raw.length() > MAX_VALUE ? raw.substring(0, MAX_VALUE) : raw; // a server's text is capped
        Optional<EndpointEvent> last = events.latest(endpointId, kind, model);
        if (last.isEmpty() || !value.equals(last.get().getAfter())) {
            events.save(new EndpointEvent(endpointId, model, kind, last.map(EndpointEvent::getAfter).orElse(null),
                    value, at));
        }
    }
}
