package org.chimerabench.endpoint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.ollama.OllamaTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered Ollama endpoints and their status. Statuses come from background checks ({@code /api/version},
 * {@code /api/tags}, {@code /api/ps}) every few seconds and on every change; reading them never waits on the
 * network, so no view blocks on a slow or dead server.
 */
@Service
public class EndpointService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EndpointService.class);

    private final EndpointRepository endpoints;
    private final OllamaTimeouts probeTimeouts;
    private final Map<Long, EndpointStatus> statuses = new ConcurrentHashMap<>();
    private final java.util.Set<Long> metered = ConcurrentHashMap.newKeySet();
    /** Endpoints whose check is queued or running. */
    private final java.util.Set<Long> checking = ConcurrentHashMap.newKeySet();
    /** Layer counts by "endpoint id / model" (a model's layers do not change while its name stays). */
    private final Map<String, Optional<Integer>> layers = new ConcurrentHashMap<>();
    private final ExecutorService probes = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "endpoint-probe");
        t.setDaemon(true);
        return t;
    });

    private final ApplicationEventPublisher events;
    private final EndpointAddressGuard guard;
    private final AuditTrail audit;
    private final EndpointEvents changes;

    EndpointService(EndpointRepository endpoints, ApplicationEventPublisher events, EndpointAddressGuard guard,
                    AuditTrail audit, EndpointEvents changes,
                    @Value("${chimera.endpoints.connect-timeout:2s}") Duration connectTimeout) {
        this.audit = audit;
        this.changes = changes;
        this.endpoints = endpoints;
        this.events = events;
        this.guard = guard;
        this.probeTimeouts = OllamaTimeouts.DEFAULT.withConnect(connectTimeout).withFirstToken(connectTimeout);
    }

    /** The connect timeout of the status checks (a seam: the endpoints page's test waits as long as a check may). */
    public Duration probeTimeout() {
        return probeTimeouts.connect();
    }

    @Transactional(readOnly = true)
    public List<EndpointView> list() {
        return endpoints.findAllByOrderBySimulatedDescNameAsc().stream()
                .map(e -> EndpointView.of(e, statuses.getOrDefault(e.getId(), EndpointStatus.checking()))).toList();
    }

    @Transactional
    @PreAuthorize(Access.ADMIN)
    public EndpointView add(String name, String baseUrl, String notes) {
        validate(null, name, baseUrl, notes);
        Endpoint saved = endpoints.save(new Endpoint(name.strip(), EndpointUrls.normalise(baseUrl), blankToNull(notes),
                false));
        checkLater(saved);
        audit.record(AuditAction.ENDPOINT_ADDED, "endpoint " + saved.getId(), saved.getName() + " " + saved.getBaseUrl());
        return EndpointView.of(saved, EndpointStatus.checking());
    }

    @Transactional
    @PreAuthorize(Access.ADMIN)
    public EndpointView update(long id, String name, String baseUrl, String notes) {
        Endpoint endpoint = endpoints.findById(id).orElseThrow(() -> new EndpointValidationException(
                Map.of("id", "There is no endpoint " + id)));
        if (endpoint.isSimulated()) {
            throw new EndpointValidationException(Map.of("baseUrl", "The built-in simulator cannot be edited"));
        }
        validate(id, name, baseUrl, notes);
        endpoint.setName(name.strip());
        endpoint.setBaseUrl(EndpointUrls.normalise(baseUrl));
        endpoint.setNotes(blankToNull(notes));
        statuses.put(id, EndpointStatus.checking());
        checkLater(endpoint);
        audit.record(AuditAction.ENDPOINT_CHANGED, "endpoint " + id, endpoint.getName() + " " + endpoint.getBaseUrl());
        return EndpointView.of(endpoint, EndpointStatus.checking());
    }

    /**
     * Records the server settings of an endpoint (what the client cannot see: {@code OLLAMA_NUM_PARALLEL=4}, …), one
     * {@code NAME=value} per line; blank clears them. Sweeps started afterwards keep them in their environment.
     *
     * @return empty when there is no such endpoint
     * @throws EndpointValidationException ({@code serverSettings}) when a line is not NAME=value
     */
    @Transactional
    @PreAuthorize(Access.ADMIN)
    public Optional<EndpointView> setServerSettings(long id, String settings) {
        Map<String, String> parsed;
        try {
            parsed = ServerSettings.parse(settings);
        } catch (IllegalArgumentException wrong) {
            throw new EndpointValidationException(Map.of("serverSettings", wrong.getMessage()));
        }
        return endpoints.findById(id).map(endpoint -> {
            String before = endpoint.getServerSettings();
            endpoint.setServerSettings(parsed.isEmpty() ? null : ServerSettings.format(parsed));
            changes.settingsChanged(id, before, endpoint.getServerSettings());
            audit.record(AuditAction.ENDPOINT_CHANGED, "endpoint " + id, endpoint.getName() + " server settings: "
                    + (parsed.isEmpty() ? "none" : String.join(", ", parsed.keySet())));
            return EndpointView.of(endpoint, statuses.getOrDefault(id, EndpointStatus.checking()));
        });
    }

    /**
     * Removes an endpoint. Sweeps measured on it keep their calls (each call names its endpoint); a sweep that is
     * queued or running on it blocks the removal.
     *
     * @return false when there is no such endpoint
     * @throws EndpointValidationException for the built-in simulator
     * @throws EndpointInUseException while a sweep is queued or running on the endpoint
     */
    @Transactional
    @PreAuthorize(Access.ADMIN)
    public boolean remove(long id) {
        return endpoints.findById(id).map(endpoint -> {
            if (endpoint.isSimulated()) {
                throw new EndpointValidationException(Map.of("id", "The built-in simulator cannot be removed"));
            }
            events.publishEvent(new EndpointRemoving(id, endpoint.getName())); // sweeps let go of it, or veto
            endpoints.delete(endpoint);
            statuses.remove(id);
            audit.record(AuditAction.ENDPOINT_REMOVED, "endpoint " + id, endpoint.getName());
            return true;
        }).orElse(false);
    }

    /** The endpoint with this id. */
    @Transactional(readOnly = true)
    public Optional<EndpointView> findById(long id) {
        return endpoints.findById(id).map(e -> EndpointView.of(e, statuses.getOrDefault(e.getId(),
                EndpointStatus.checking())));
    }

    /** The endpoint with this name. */
    @Transactional(readOnly = true)
    public Optional<EndpointView> findByName(String name) {
        return endpoints.findByName(name).map(e -> EndpointView.of(e, statuses.getOrDefault(e.getId(),
                EndpointStatus.checking())));
    }

    /**
     * The models installed on an endpoint: from the last check when it was up, else checked now (within the
     * probe timeout). Throws with the reason when the endpoint does not answer.
     */
    public List<String> installedModels(EndpointView endpoint) {
        EndpointStatus status = statuses.get(endpoint.id());
        if (status == null || !Boolean.TRUE.equals(status.reachable())) {
            status = check(endpoint.baseUrl());
            statuses.put(endpoint.id(), status);
        }
        if (!Boolean.TRUE.equals(status.reachable())) {
            throw new EndpointUnavailableException("endpoint '" + endpoint.name() + "' does not answer: " + status.error());
        }
        return status.models().stream().map(EndpointStatus.InstalledModel::name).toList();
    }

    /**
     * How many layers the model has ({@code <arch>.block_count} of {@code /api/show}), so the editor can show the
     * range of {@code num_gpu}; empty when the endpoint is down, does not know the model or does not say.
     * Asked once per endpoint and model, with the short probe timeouts.
     */
    public Optional<Integer> layerCount(EndpointView endpoint, String model) {
        if (model == null || model.isBlank() || !Boolean.TRUE.equals(endpoint.reachable())
                || guard.problem(endpoint.baseUrl()) != null) {
            return Optional.empty();
        }
        return layers.computeIfAbsent(endpoint.id() + "/" + model, key -> {
            try (OllamaClient client = new OllamaClient(endpoint.baseUrl(), probeTimeouts)) {
                return Optional.ofNullable(client.show(model).blockCount());
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        });
    }

    /**
     * Registers the built-in simulator under its name (or updates its URL: it gets a new port on each start). Each
     * app instance that runs one names it differently ({@code chimera.simulator.endpoint-name}), so instances on one
     * database keep one row each instead of overwriting a shared one. A name already taken by a real endpoint is
     * left alone.
     */
    @Transactional
    public void registerSimulator(String name, String baseUrl) {
        Optional<Endpoint> existing = endpoints.findByName(name);
        if (existing.isPresent() && !existing.get().isSimulated()) {
            log.warn("The built-in simulator is not listed: the endpoint name '{}' belongs to {}", name,
                    existing.get().getBaseUrl());
            return;
        }
        Endpoint simulator = existing.orElseGet(() -> new Endpoint(name, baseUrl,
                "Simulated Ollama inside Chimera Bench: fake models, realistic shapes; results are labelled"
                        + " simulated.", true));
        simulator.setBaseUrl(baseUrl);
        checkLater(endpoints.save(simulator));
    }

    /**
     * Locks the endpoints' rows until the caller's transaction ends: a sweep claims its endpoints under this lock,
     * so two starting sweeps — on one app instance or on two sharing the database — take turns.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForRun(Collection<Long> endpointIds) {
        endpoints.lockAll(endpointIds);
    }

    /** Adds a local Ollama when one answers at the URL and it is not registered yet. */
    public void offerLocal(String baseUrl) {
        probes.execute(() -> {
            try (OllamaClient client = new OllamaClient(baseUrl, probeTimeouts)) {
                String version = client.version();
                if (endpoints.findAll().stream().noneMatch(e -> e.getBaseUrl().equals(baseUrl))) {
                    Endpoint local = endpoints.save(new Endpoint("Local Ollama", baseUrl,
                            "Found at start-up (Ollama " + version + ").", false));
                    checkLater(local);
                    log.info("Found a local Ollama {} at {}", version, baseUrl);
                }
            } catch (OllamaException | DataAccessException notThere) {
                log.debug("No local Ollama at {}: {}", baseUrl, notThere.getMessage());
            }
        });
    }

    /**
     * Why the server must not connect to this endpoint now (its URL resolves to a refused address, e.g. after a DNS
     * change), or empty when it may. Checked before a sweep starts calling it.
     */
    public Optional<String> refusal(EndpointView endpoint) {
        return Optional.ofNullable(guard.problem(endpoint.baseUrl()));
    }

    /** Re-checks every endpoint in the background. */
    @Scheduled(fixedDelayString = "${chimera.endpoints.refresh-interval:15s}", initialDelay = 0)
    public void refreshAll() {
        endpoints.findAll().forEach(this::checkLater);
    }

    private void checkLater(Endpoint endpoint) {
        long id = endpoint.getId();
        String url = endpoint.getBaseUrl();
        statuses.putIfAbsent(id, EndpointStatus.checking());
        if (checking.add(id)) { // one check at a time per endpoint: repeated refreshes of a slow one merge
            probes.execute(() -> {
                try {
                    EndpointStatus status = check(url);
                    statuses.put(id, status);
                    changes.observe(id, status);
                } catch (DataAccessException notStored) { // the database is away: the next check sees it again
                    log.debug("Changes on endpoint {} not recorded: {}", id, notStored.getMessage());
                } finally {
                    checking.remove(id);
                }
            });
        }
        if (!metered.add(id)) {
            return; // its gauge reads the statuses map; registered once, not on every check
        }
        Gauge.builder("chimera.endpoint.up", () -> Boolean.TRUE.equals(statuses.getOrDefault(id,
                        EndpointStatus.checking()).reachable()) ? 1 : 0)
                .description("1 while the endpoint's last check answered, else 0").tag("endpoint", endpoint.getName())
                .register(Metrics.globalRegistry);
    }

    private EndpointStatus check(String baseUrl) {
        String refused = guard.problem(baseUrl);
        if (refused != null) {
            return new EndpointStatus(false, null, List.of(), List.of(), OffsetDateTime.now(), "Not checked: " + refused);
        }
        try (OllamaClient client = new OllamaClient(baseUrl, probeTimeouts)) {
            String version = client.version();
            var models = client.tags().stream().map(m -> new EndpointStatus.InstalledModel(m.name(), m.sizeBytes(),
                    m.parameterSize(), m.quantization(), m.digest())).toList();
            var loaded = client.ps().stream().map(m -> new EndpointStatus.LoadedModelSummary(m.name(), m.sizeBytes(),
                    m.sizeVramBytes(), m.gpuOffloadPct())).toList();
            return new EndpointStatus(true, version, models, loaded, OffsetDateTime.now(), null);
        } catch (OllamaException e) {
            return new EndpointStatus(false, null, List.of(), List.of(), OffsetDateTime.now(), e.getMessage());
        } catch (RuntimeException e) {
            return new EndpointStatus(false, null, List.of(), List.of(), OffsetDateTime.now(),
                    "Unexpected answer: " + e.getMessage());
        }
    }

    private void validate(Long id, String name, String baseUrl, String notes) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "Name is required");
        } else if (name.strip().length() > 120) {
            errors.put("name", "Name must be at most 120 characters");
        } else {
            endpoints.findByName(name.strip()).filter(other -> !other.getId().equals(id))
                    .ifPresent(other -> errors.put("name", "An endpoint named \"" + name.strip() + "\" exists already"));
        }
        String urlProblem = baseUrl != null && baseUrl.strip().length() > MAX_URL
                ? "The URL has " + baseUrl.strip().length() + " characters; at most " + MAX_URL
                : guard.problem(baseUrl);
        if (urlProblem != null) {
            errors.put("baseUrl", urlProblem);
        }
        if (notes != null && notes.strip().length() > MAX_NOTES) {
            errors.put("notes", "Notes have " + notes.strip().length() + " characters; at most " + MAX_NOTES);
        }
        if (!errors.isEmpty()) {
            throw new EndpointValidationException(errors);
        }
    }

    /** The longest base URL (the {@code endpoint.base_url} column). */
    static final int MAX_URL = 500;
    /** The longest notes (the {@code endpoint.notes} column). */
    static final int MAX_NOTES = 2000;

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
