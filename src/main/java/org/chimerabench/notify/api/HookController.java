package org.chimerabench.notify.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.chimerabench.notify.HookDeliveryView;
import org.chimerabench.notify.HookService;
import org.chimerabench.notify.HookView;
import org.chimerabench.notify.SubscriptionService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Webhooks (admins) and each user's own e-mail subscriptions (docs/architecture.md §4.4, §7). */
@RestController
@Tag(name = "Notifications", description = "Webhooks and e-mail subscriptions")
class HookController {

    private final HookService hooks;
    private final SubscriptionService subscriptions;

    HookController(HookService hooks, SubscriptionService subscriptions) {
        this.hooks = hooks;
        this.subscriptions = subscriptions;
    }

    record NewHook(String url, String secret, List<String> events, Boolean chat) {
    }

    record NewSubscriptions(String email, List<String> events) {
    }

    @PostMapping("/api/hooks")
    @Operation(summary = "Add a webhook (admins): POSTed JSON signed with X-Chimera-Signature: sha256=<hex>")
    ResponseEntity<HookView> add(@RequestBody(required = false) NewHook request) {
        NewHook body = request == null ? new NewHook(null, null, null, null) : request;
        HookView hook = hooks.add(body.url(), body.secret(), body.events(), body.chat());
        return ResponseEntity.created(URI.create("/api/hooks/" + hook.id())).body(hook);
    }

    @GetMapping("/api/hooks")
    @Operation(summary = "Every webhook (admins), without secrets")
    List<HookView> list() {
        return hooks.list();
    }

    @DeleteMapping("/api/hooks/{id}")
    @Operation(summary = "Remove a webhook (admins) → 204; 404 unknown")
    ResponseEntity<Void> remove(@PathVariable long id) {
        if (!hooks.remove(id)) {
            throw new NoSuchElementException("there is no hook " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/hooks/{id}/deliveries")
    @Operation(summary = "A webhook's delivery log, newest first (admins)")
    List<HookDeliveryView> deliveries(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1–1000, got " + limit);
        }
        return hooks.deliveries(id, limit).orElseThrow(() -> new NoSuchElementException("there is no hook " + id));
    }

    @GetMapping("/api/subscriptions")
    @Operation(summary = "My e-mail subscriptions")
    SubscriptionService.Subscriptions mine() {
        return subscriptions.mine();
    }

    @PutMapping("/api/subscriptions")
    @Operation(summary = "Replace my e-mail subscriptions: {\"email\", \"events\": [REGRESSION, CHECK_FAILED,"
            + " MY_SWEEP_ENDED, MY_TUNING_ENDED]}")
    SubscriptionService.Subscriptions setMine(@RequestBody(required = false) NewSubscriptions request) {
        NewSubscriptions body = request == null ? new NewSubscriptions(null, null) : request;
        return subscriptions.setMine(body.email(), body.events());
    }
}
